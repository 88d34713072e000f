// The API's one logger: pino (what Fastify ships), JSON lines on stdout at LOG_LEVEL. Fastify, Nest's Logger
// and the access log all write through it. Nothing here may log personal data: requests are described by their
// route template (access-log.ts), never by URL, headers or body, and errors by name and stack frames only.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../../../../libs/config/src/config.js';
import type { ProjectionLogger } from '../../../../libs/projections/src/runner.js';
import { humanReadableStdout } from './tty-lines.js';

export type ApiLogger = Logger;

/** Placeholder for a request that matched no route: its raw path may carry a NIP. */
export const UNMATCHED_ROUTE = '(unmatched)';

export function createApiLogger(level: Config['logLevel'], destination?: DestinationStream): ApiLogger {
  const options: LoggerOptions = {
    level,
    // Fastify logs with these keys (its own request lines are off, but an error log of its may remain):
    // reduce them to what is not personal data.
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? UNMATCHED_ROUTE,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: errorWithoutMessage,
    },
  };
  // Default: pino's synchronous stdout (no line lost when the process exits right after writing it); on a
  // terminal, the same lines made readable.
  const target = destination ?? (process.stdout.isTTY ? humanReadableStdout() : undefined);
  return target ? pino(options, target) : pino(options);
}

/** Name, code and stack frames of an error; its message (which may quote input) is left out. */
export function errorWithoutMessage(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: stackFrames(error.stack) } : {}),
  };
}

/** A stack without its first line ("Name: message"): the frames say where, the message may say whom. */
export function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** The projection runners' log lines (projection names and error messages, never event data) as JSON. */
export function projectionLogger(logger: ApiLogger): ProjectionLogger {
  const projector = logger.child({ context: 'projector' });
  return (level, message) => projector[level](message);
}
