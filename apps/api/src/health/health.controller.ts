// Three probes (README "Health and readiness"):
// - /health/live: the process answers HTTP (no I/O): what an orchestrator restarts on;
// - /health/ready: event store and database up AND every read model caught up (within READY_MAX_LAG_EVENTS):
//   what a load balancer polls before sending traffic;
// - /health: the dependencies only (event store, database), as it always answered, for dashboards and scripts.
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../../../../libs/config/src/config.js';
import { readProjectionReadiness } from '../../../../libs/projections/src/readiness.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { projections } from '../../../../libs/read-models/src/registry.js';
import { Public } from '../auth/index.js';
import type { EventChainMonitor } from '../audit/event-chain-monitor.js';
import { CONFIG, EVENT_CHAIN, INFRASTRUCTURE } from '../tokens.js';
import { check, type ComponentHealth } from './component-check.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(EVENT_CHAIN) private readonly eventChain: EventChainMonitor,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Whether the event store and the read-model database are reachable (not whether the read models are ' +
      'caught up: see /health/ready)',
  })
  @ApiOkResponse({
    description: 'dependencies up',
    example: { status: 'ok', eventStore: { kind: 'postgres', status: 'up' }, readModels: { status: 'up' } },
  })
  @ApiServiceUnavailableResponse({ description: 'a component is down' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const components = await this.components();
    void reply.status(components.ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: components.ok ? 'ok' : 'unavailable', ...components.body };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process serves HTTP. No dependency is checked' })
  @ApiOkResponse({ description: 'alive', example: { status: 'ok' } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness, for load balancers: dependencies up and every read model caught up with the event store',
  })
  @ApiOkResponse({
    description: 'ready',
    example: {
      status: 'ready',
      eventStore: { kind: 'postgres', status: 'up' },
      readModels: { status: 'up' },
      eventChain: { status: 'intact' },
      projections: {
        maxLagEvents: 20,
        items: [{ projection: 'employee-directory', ready: true, lagEvents: 0, checkpoint: '812/812', running: true }],
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description:
      'a dependency is down, a read model is behind (see lagEvents), or a command found a stream whose hash chain ' +
      'is broken since this process started (eventChain: broken; README "Tamper evidence")',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const components = await this.components();
    const maxLagEvents = this.config.readiness.maxLagEvents;
    const items = components.ok
      ? await readProjectionReadiness(
          this.infrastructure.readDb,
          this.infrastructure.rawEventStore,
          projections.map((p) => p.name),
          maxLagEvents,
        ).catch(() => undefined)
      : undefined;
    const brokenStreams = this.eventChain.brokenStreams();
    const ready = components.ok && items !== undefined && items.every((p) => p.ready) && brokenStreams === 0;
    void reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      ...components.body,
      eventChain: brokenStreams === 0 ? { status: 'intact' } : { status: 'broken', streams: brokenStreams },
      projections: items ? { maxLagEvents, items } : { status: 'unknown' },
    };
  }

  private async components(): Promise<{
    ok: boolean;
    body: { eventStore: ComponentHealth & { kind: string }; readModels: ComponentHealth };
  }> {
    const [eventStore, readModels] = await Promise.all([
      check(() => this.infrastructure.rawEventStore.ping()),
      check(async () => {
        await sql`SELECT 1`.execute(this.infrastructure.readDb);
      }),
    ]);
    return {
      ok: eventStore.status === 'up' && readModels.status === 'up',
      body: { eventStore: { kind: this.infrastructure.eventStoreKind, ...eventStore }, readModels },
    };
  }
}
