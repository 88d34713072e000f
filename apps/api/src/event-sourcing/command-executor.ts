// Read the stream, fold, decide, append with the expected revision read (DESIGN section 3).
// A conflict on our own read is retried; a client's If-Match is never retried (412 instead).
import { ConflictException, HttpStatus, Inject, Injectable, PreconditionFailedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '../../../../libs/shared-kernel/src/decider.js';
import { WrongExpectedVersionError } from '../../../../libs/event-store/src/errors.js';
import type { Actor, AppendResult, EventMetadata } from '../../../../libs/event-store/src/port.js';
import { formatPolicyRef, type PolicyRef } from '../../../../libs/policy/src/versions/policy-events.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { errorBody } from '../http/error-body.js';
import { INFRASTRUCTURE } from '../tokens.js';

export interface ExecuteOptions<Command> {
  stream: string;
  command: Command;
  actor: Actor;
  correlationId: string;
  occurredAt: string;
  reason?: string;
  /** The client's If-Match revision, if it sent one. */
  ifMatch?: bigint;
}

export interface ExecuteResult<Event> {
  events: Event[];
  /** Revision of the stream after the command (the new ETag). */
  revision: bigint;
  position?: AppendResult['position'];
}

const OWN_READ_RETRIES = 2;

@Injectable()
export class CommandExecutor {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async execute<Command, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    options: ExecuteOptions<Command>,
  ): Promise<ExecuteResult<Event>> {
    for (let attempt = 0; ; attempt++) {
      const history = await this.infrastructure.eventStore.readStream(options.stream);
      const last = history.at(-1);
      const current = last ? last.revision : 'no_stream';
      if (options.ifMatch !== undefined && options.ifMatch !== last?.revision) {
        throw staleIfMatch(options.stream, options.ifMatch, current);
      }
      const state = history.reduce(
        (s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as Event),
        decider.initialState(),
      );
      const events = decider.decide(options.command, state);
      if (events.length === 0) return { events, revision: last?.revision ?? -1n };
      const policyVersion = pinnedPolicyVersion(events.reduce(decider.evolve, state));
      const metadata: EventMetadata = {
        actor: options.actor,
        correlationId: options.correlationId,
        causationId: options.correlationId,
        occurredAt: options.occurredAt,
        ...(options.reason ? { reason: options.reason } : {}),
        ...(policyVersion ? { policyVersion } : {}),
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
        if (options.ifMatch !== undefined) throw staleIfMatch(options.stream, options.ifMatch, error.actual);
        if (attempt >= OWN_READ_RETRIES) {
          throw new ConflictException(
            errorBody(HttpStatus.CONFLICT, 'CONCURRENT_MODIFICATION', `${options.stream} kept changing; try again`),
          );
        }
      }
    }
  }
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
