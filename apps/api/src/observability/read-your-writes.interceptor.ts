// Read-your-writes (README "Read-your-writes"): a command's reply carries X-Position, the global position of the
// last event it appended; a read that sends it back as X-Min-Position waits (bounded by X-Max-Wait-Ms) until
// every read model has processed that far, or answers 504 READ_MODEL_BEHIND.
import {
  GatewayTimeoutException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, switchMap, tap } from 'rxjs';
import { errorBody } from '../http/error-body.js';
import {
  decodePosition,
  encodePosition,
  laterPosition,
  MAX_WAIT_HEADER,
  MIN_POSITION_HEADER,
  parseMaxWait,
  parseMinPosition,
  POSITION_HEADER,
} from './position-header.js';
import type { ReadModelProgress } from './read-model-progress.js';
import { runRecordingWrites, type WrittenPosition } from './written-position.js';

const READS = new Set(['GET', 'HEAD']);

@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly progress: ReadModelProgress) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (READS.has(request.method)) return this.read(request, next);
    const scope: WrittenPosition = {};
    // The handler runs when the observable is subscribed to: subscribe inside the scope so appends see it.
    return new Observable((subscriber) =>
      runRecordingWrites(scope, () =>
        next
          .handle()
          .pipe(tap(() => setPositionHeader(reply, scope)))
          .subscribe(subscriber),
      ),
    );
  }

  private read(request: FastifyRequest, next: CallHandler): Observable<unknown> {
    const position = parseMinPosition(request.headers[MIN_POSITION_HEADER]);
    if (!position) return next.handle();
    const maxWaitMs = parseMaxWait(request.headers[MAX_WAIT_HEADER]);
    return from(this.progress.waitUntil(position, maxWaitMs)).pipe(
      switchMap((outcome) => {
        if (outcome.reached) return next.handle();
        throw new GatewayTimeoutException(
          errorBody(
            504,
            'READ_MODEL_BEHIND',
            `the read models did not reach position ${encodePosition(position)} within ${maxWaitMs} ms; retry`,
            outcome.behind.map((b) => ({
              field: b.projection,
              message: 'projection behind the requested position',
              checkpoint: b.checkpoint,
            })),
          ),
        );
      }),
    );
  }
}

/** The later of what the handler set (revisionReply: a replayed command's original) and what it appended. */
function setPositionHeader(reply: FastifyReply, scope: WrittenPosition): void {
  if (reply.sent) return;
  const set = reply.getHeader(POSITION_HEADER);
  const position = laterPosition(typeof set === 'string' ? decodePosition(set) : undefined, scope.position);
  if (position) void reply.header(POSITION_HEADER, encodePosition(position));
}
