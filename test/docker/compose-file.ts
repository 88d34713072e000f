// Just enough of the compose file format for compose-config.spec.ts.

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** The service's environment as a map, whichever of compose's two forms (map or `KEY=value` list) it uses. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/**
 * Interpolates values as compose does: `${VAR:-default}` and `${VAR-default}` take the default when VAR is
 * unset (`:-` also when empty), `${VAR}` and `$VAR` become VAR's value or '', `$$` is a literal `$`.
 */
export function substituteVariables(
  env: Record<string, string>,
  from: Record<string, string | undefined>,
): Record<string, string> {
  const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const one = (text: string): string =>
    text.replace(pattern, (_match, dollar?: string, braced?: string, op?: string, fallback?: string, bare?: string) => {
      if (dollar) return '$';
      const value = from[braced ?? bare ?? ''];
      if (op === ':-') return value === undefined || value === '' ? (fallback ?? '') : value;
      if (op === '-') return value === undefined ? (fallback ?? '') : value;
      return value ?? '';
    });
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, one(v)]));
}

/** The command as an argument list (compose's string form is split on spaces, as compose does). */
export function commandOf(service: ComposeService): string[] {
  const command = service.command ?? [];
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}

/** `npm start` -> 'start', `npm run projector` -> 'projector'; undefined for anything else. */
export function npmScriptOf(argv: string[]): string | undefined {
  if (argv[0] !== 'npm') return undefined;
  if (argv[1] === 'start' || argv[1] === 'test') return argv[1];
  if ((argv[1] === 'run' || argv[1] === 'run-script') && argv[2]) return argv[2];
  return undefined;
}

/** Host names in an esdb:// connection string (`esdb://a:2113,b,c?tls=false` -> a, b, c). */
export function esdbHosts(connectionString: string): string[] {
  const match = /^(?:esdb|esdb\+discover|kurrentdb):\/\/(?:[^@/?]*@)?([^/?]*)/.exec(connectionString);
  if (!match) return [];
  return match[1]
    .split(',')
    .map((hostAndPort) => hostAndPort.replace(/:\d+$/, ''))
    .filter(Boolean);
}
