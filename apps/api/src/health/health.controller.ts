import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Public } from '../auth/index.js';
import { INFRASTRUCTURE } from '../tokens.js';

type ComponentHealth = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the service is ready: event store and read-model database reachable' })
  @ApiOkResponse({
    description: 'ready',
    example: { status: 'ok', eventStore: { kind: 'postgres', status: 'up' }, readModels: { status: 'up' } },
  })
  @ApiServiceUnavailableResponse({ description: 'a component is down' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [eventStore, readModels] = await Promise.all([
      check(() => this.infrastructure.rawEventStore.ping()),
      check(async () => {
        await sql`SELECT 1`.execute(this.infrastructure.readDb);
      }),
    ]);
    const ok = eventStore.status === 'up' && readModels.status === 'up';
    void reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'unavailable',
      eventStore: { kind: this.infrastructure.eventStoreKind, ...eventStore },
      readModels,
    };
  }
}

async function check(probe: () => Promise<void>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
