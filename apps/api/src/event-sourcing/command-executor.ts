// Read the stream, fold, decide, append with the expected revision read.
// A conflict on our own read is retried; a client's If-Match is never retried (412 instead). A retry of a request
// already applied answers what the original answered (README "Idempotency and retries", idempotency.ts).
import {
  ConflictException,
  HttpStatus,
  Inject,
  Injectable,
  PreconditionFailedException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { BrokenChainError, requireIntactChain } from '../../../../libs/audit/src/chain-guard.js';
import type { Decider, DomainEvent } from '../../../../libs/shared-kernel/src/decider.js';
import { WrongExpectedVersionError } from '../../../../libs/event-store/src/errors.js';
import type { Actor, AppendResult, EventMetadata } from '../../../../libs/event-store/src/port.js';
import { formatPolicyRef, type PolicyRef } from '../../../../libs/policy/src/versions/policy-events.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { errorBody } from '../http/error-body.js';
import type { EventChainMonitor } from '../audit/event-chain-monitor.js';
import { EVENT_CHAIN, INFRASTRUCTURE } from '../tokens.js';
import {
  appendWithHash,
  appendWithKey,
  currentIdempotency,
  idempotencyKeyReused,
  isItemIdTaken,
  type OriginalAppend,
} from './idempotency.js';

export interface ExecuteOptions<Command> {
  stream: string;
  command: Command;
  actor: Actor;
  correlationId: string;
  occurredAt: string;
  reason?: string;
  /** The client's If-Match revision, if it sent one. */
  ifMatch?: bigint;
  /**
   * false: leave the request's idempotency (Idempotency-Key, item-id retries) out of this append; for fan-outs
   * writing many streams in one request, whose deciders are idempotent themselves.
   */
  idempotent?: boolean;
}

export interface ExecuteResult<Event> {
  events: Event[];
  /** Revision of the stream after the command (the new ETag); for a recognised retry, after the original. */
  revision: bigint;
  position?: AppendResult['position'];
}

/**
 * Reads after losing an append to a concurrent writer. A retry of something just written needs one (it then finds
 * the original); distinct commands racing on one stream need one each per writer ahead of them, so this allows
 * a burst of a few dozen writers on one stream before answering 409 CONCURRENT_MODIFICATION.
 */
const OWN_READ_RETRIES = 30;

@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(EVENT_CHAIN) private readonly eventChain: EventChainMonitor,
  ) {}

  async execute<Command, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    options: ExecuteOptions<Command>,
  ): Promise<ExecuteResult<Event>> {
    const scope = options.idempotent === false ? undefined : currentIdempotency();
    const idempotency = scope?.appliesTo(options.stream)
      ? { key: scope.key, requestHash: scope.requestHash(options.actor.id) }
      : undefined;
    for (let attempt = 0; ; attempt++) {
      const history = await this.infrastructure.eventStore.readStream(options.stream);
      this.requireIntactChain(options.stream, history);
      const last = history.at(-1);
      const current = last ? last.revision : 'no_stream';
      if (idempotency?.key !== undefined) {
        const original = appendWithKey(history, idempotency.key, options.actor.id);
        if (original?.requestHash === idempotency.requestHash) return replayOf<Event>(original);
        if (original) throw idempotencyKeyReused(idempotency.key);
      }
      const stale = options.ifMatch !== undefined && options.ifMatch !== last?.revision;
      const state = history.reduce(
        (s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as Event),
        decider.initialState(),
      );
      let events: Event[];
      try {
        events = decider.decide(options.command, state);
      } catch (error) {
        // A client-chosen item id already taken by this very request (same user, same content): a retry.
        const original =
          idempotency && isItemIdTaken(error)
            ? appendWithHash(history, idempotency.requestHash, options.actor.id)
            : null;
        if (original) return replayOf<Event>(original);
        if (stale) throw staleIfMatch(options.stream, options.ifMatch as bigint, current);
        throw error;
      }
      if (stale) throw staleIfMatch(options.stream, options.ifMatch as bigint, current);
      if (events.length === 0) return { events, revision: last?.revision ?? -1n };
      const policyVersion = pinnedPolicyVersion(events.reduce(decider.evolve, state));
      const metadata: EventMetadata = {
        actor: options.actor,
        correlationId: options.correlationId,
        causationId: options.correlationId,
        occurredAt: options.occurredAt,
        ...(options.reason ? { reason: options.reason } : {}),
        ...(policyVersion ? { policyVersion } : {}),
        ...(idempotency ? { requestHash: idempotency.requestHash } : {}),
        ...(idempotency?.key !== undefined ? { idempotencyKey: idempotency.key } : {}),
      };
      try {
        const result = await this.infrastructure.eventStore.appendToStream(
          options.stream,
          events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata })),
          { expected: last ? last.revision : 'no_stream', prevHash: last?.metadata.hash },
        );
        return { events, revision: result.nextExpectedRevision, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // With If-Match the client's revision is stale now: 412, unless a re-read finds this request already
        // applied by a concurrent retry (then the next round answers the original; else its If-Match check 412s).
        if (options.ifMatch !== undefined && !idempotency) {
          throw staleIfMatch(options.stream, options.ifMatch, error.actual);
        }
        if (attempt >= OWN_READ_RETRIES) {
          throw new ConflictException(
            errorBody(HttpStatus.CONFLICT, 'CONCURRENT_MODIFICATION', `${options.stream} kept changing; try again`),
          );
        }
        // A little jitter so writers that lost together do not all collide again on the next round.
        await delay(Math.random() * Math.min(20, 2 * (attempt + 1)));
      }
    }
  }

  /**
   * Nothing is decided, replayed or appended on a stream whose hash chain does not hold (README "Tamper
   * evidence"): 503, since it is no fault of the client's and no retry helps until someone has looked.
   */
  private requireIntactChain(stream: string, history: Parameters<typeof requireIntactChain>[1]): void {
    try {
      requireIntactChain(stream, history);
    } catch (error) {
      if (!(error instanceof BrokenChainError)) throw error;
      this.eventChain.report(error);
      const first = error.problems[0];
      throw new ServiceUnavailableException(
        errorBody(
          HttpStatus.SERVICE_UNAVAILABLE,
          'EVENT_CHAIN_BROKEN',
          `${stream} fails its hash chain at revision ${first.revision} (${first.kind}): nothing was written; ` +
            'an operator must check the event store (npm run cli -- verify)',
        ),
      );
    }
  }
}

/** What the original request answered: its events, and the revision and position after them. */
function replayOf<Event>(original: OriginalAppend): ExecuteResult<Event> {
  const last = original.events[original.events.length - 1];
  return {
    events: original.events.map((e) => ({ type: e.type, data: e.data }) as unknown as Event),
    revision: last.revision,
    position: last.position,
  };
}

/**
 * A stream whose state pins a policy version (a cycle, an appraisal: `policyRef`) stamps it on every event it
 * appends (DESIGN section 3), so an auditor sees under which rules each act was decided without folding.
 */
export function pinnedPolicyVersion(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('policyRef' in state)) return undefined;
  const ref = (state as { policyRef?: Partial<PolicyRef> }).policyRef;
  return typeof ref?.scope === 'string' && typeof ref.version === 'number'
    ? formatPolicyRef(ref as PolicyRef)
    : undefined;
}

function staleIfMatch(stream: string, expected: bigint, actual: bigint | 'no_stream'): PreconditionFailedException {
  return new PreconditionFailedException(
    errorBody(412, 'STALE_REVISION', `If-Match revision ${expected} is not the current revision of ${stream}`, [
      {
        field: 'If-Match',
        message: `current revision is ${String(actual)}`,
        expected: String(expected),
        actual: String(actual),
      },
    ]),
  );
}
