// Nest's Logger (new Logger('auth').warn(...), the exception filter's error line) written through pino, so the
// API's every line is JSON with the same fields. Nest calls error(message, stack?, context?).
import type { LoggerService } from '@nestjs/common';
import { stackFrames, type ApiLogger } from './logger.js';

const NEST_INTERNALS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: ApiLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    // Nest's start-up chatter (one line per mapped route) is for debugging, not for the info stream.
    this.write(typeof context === 'string' && NEST_INTERNALS.has(context) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack, context) or (message, context).
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const stack = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    this.logger.error({ context, ...(stack ? { stack: stackFrames(stack) } : {}) }, text(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    this.logger[level]({ context }, text(message));
  }
}

function text(message: unknown): string {
  return message instanceof Error ? message.name : typeof message === 'string' ? message : JSON.stringify(message);
}
