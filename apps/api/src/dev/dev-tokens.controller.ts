// Dev mode only (AUTH_JWKS_URL unset, as `issue-token` requires): the console's picker of the seeded demo users
// gets its bearer token here, signed with the same dev key the CLI uses (README "Console"). Only the fixed demo
// people can be had, never arbitrary claims. The module is not registered in production mode (app.module.ts), so
// these routes answer 404 ROUTE_NOT_FOUND there; the check below holds even if it were.
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Config } from '../../../../libs/config/src/config.js';
import { issueDevToken, loadOrCreateDevKey } from '../../../../libs/auth/src/index.js';
import { Public } from '../auth/index.js';
import { errorBody } from '../http/error-body.js';
import { CONFIG } from '../tokens.js';
import { DEMO_CYCLE_ID, demoUsers, type DemoUser } from './demo-users.js';
import { DevTokenRequest } from './dev-tokens.request.js';

/** Tokens for an interactive session of the console; as long as those `seed-demo` prints. */
const EXPIRES_IN = '8h';

type ListedUser = Omit<DemoUser, 'sub'>;

@ApiTags('dev')
@Controller('api/v1/dev')
export class DevTokensController {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get('demo-users')
  @Public()
  @ApiOperation({
    summary:
      'Dev mode only (AUTH_JWKS_URL unset): the seeded demo users the console offers (after `npm run cli -- ' +
      'seed-demo`), with their roles, NIP and the demo cycle. 404 in production mode.',
  })
  @ApiOkResponse({ description: '{ cycleId, users: [{ id, label, roles, agencyId, nip, name }] }' })
  @ApiNotFoundResponse({ description: 'ROUTE_NOT_FOUND: production mode' })
  list(): { cycleId: string; users: ListedUser[] } {
    this.devModeOnly();
    return { cycleId: DEMO_CYCLE_ID, users: demoUsers().map(({ sub: _sub, ...user }) => user) };
  }

  @Post('tokens')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary:
      'Dev mode only: a dev bearer token (8 h) for one demo user, signed with the dev key as `npm run cli -- ' +
      'issue-token` does. Only the listed demo users; 404 in production mode.',
  })
  @ApiCreatedResponse({ description: '{ token, user }' })
  @ApiNotFoundResponse({ description: 'ROUTE_NOT_FOUND: production mode' })
  async token(@Body() body: DevTokenRequest): Promise<{ token: string; user: ListedUser }> {
    this.devModeOnly();
    const { sub, ...user } = demoUsers().find((u) => u.id === body.userId)!;
    const key = await loadOrCreateDevKey(this.config.auth.devKeyFile);
    const token = await issueDevToken(key, {
      sub,
      roles: user.roles,
      agencyId: user.agencyId,
      nip: user.nip,
      name: user.name,
      expiresIn: EXPIRES_IN,
      audience: this.config.auth.audience,
    });
    return { token, user };
  }

  private devModeOnly(): void {
    if (isProductionMode(this.config)) {
      throw new NotFoundException(errorBody(404, 'ROUTE_NOT_FOUND', 'no such route'));
    }
  }
}

/** Production mode is the one where tokens come from the identity provider (libs/config README). */
export function isProductionMode(config: Config): boolean {
  return config.auth.jwksUrl !== undefined;
}
