// `npm run cli -- issue-token --sub ID --role ROLE [...]`: a dev token for the API in dev mode, signed with
// the same key file the API reads (AUTH_DEV_KEY_FILE), printed alone on stdout for `TOKEN=$(...)`.
import type { Config } from '../../../../libs/config/src/config.js';
import {
  DevKeyError,
  InvalidTokenRequestError,
  isRole,
  issueDevToken,
  loadOrCreateDevKey,
  ROLES,
  type Role,
} from '../../../../libs/auth/src/index.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';

export const issueTokenCommand: CliCommand = {
  name: 'issue-token',
  summary: 'print a signed dev bearer token (dev mode only: AUTH_JWKS_URL unset)',
  usage:
    'issue-token --sub ID --role ROLE [--role ROLE2 | --role A,B] [--agency ID] [--nip NIP] [--name NAME] [--expires 8h]',

  async run(args: string[], config: Config): Promise<number> {
    if (config.auth.jwksUrl !== undefined) {
      console.error(
        'issue-token: refused in production mode: AUTH_JWKS_URL is set, so the API accepts only tokens from ' +
          `the identity provider (${config.auth.issuer ?? 'AUTH_ISSUER'}). Unset AUTH_JWKS_URL to use dev tokens.`,
      );
      return 1;
    }
    const { roles, rest } = takeRoles(args);
    const flags = parseFlags(rest, { sub: 'value', agency: 'value', nip: 'value', name: 'value', expires: 'value' });
    const sub = flags.sub;
    if (typeof sub !== 'string') throw new UsageError('--sub is required');
    if (roles.length === 0) throw new UsageError('at least one --role is required');
    try {
      const key = await loadOrCreateDevKey(config.auth.devKeyFile);
      const token = await issueDevToken(key, {
        sub,
        roles,
        agencyId: optional(flags.agency),
        nip: optional(flags.nip),
        name: optional(flags.name),
        expiresIn: optional(flags.expires),
        audience: config.auth.audience,
      });
      process.stdout.write(`${token}\n`);
      return 0;
    } catch (error) {
      if (error instanceof InvalidTokenRequestError) throw new UsageError(error.message);
      if (error instanceof DevKeyError) {
        console.error(`issue-token: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};

/** `--role` may repeat and may hold a comma-separated list; parseFlags handles the single-valued rest. */
function takeRoles(args: string[]): { roles: Role[]; rest: string[] } {
  const roles: Role[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--role') {
      rest.push(args[i]);
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError('--role needs a value');
    for (const name of value.split(',').map((r) => r.trim())) {
      if (!isRole(name)) throw new UsageError(`unknown role: ${name} (roles: ${ROLES.join(', ')})`);
      if (!roles.includes(name)) roles.push(name);
    }
  }
  return { roles, rest };
}

function optional(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
