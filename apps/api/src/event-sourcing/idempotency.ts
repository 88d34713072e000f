// Safe retries (README "Idempotency and retries"). Idempotency lives in the events themselves: the executor stamps
// the request's hash (and the client's Idempotency-Key, if any) on the events it appends, and a retry finds them in
// the stream it reads anyway. So keys live as long as the stream (events are never deleted), need no table of
// their own, and the check is atomic with the append (a concurrent retry loses the append, re-reads, finds them).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { canonicalJson } from '../../../../libs/audit/src/canonical-json.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/port.js';
import { DomainError } from '../../../../libs/shared-kernel/src/domain-error.js';
import { errorBody } from '../http/error-body.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** What identifies a request's content: method, path with query, and the body as the client sent it. */
export interface RequestContent {
  method: string;
  url: string;
  body: unknown;
}

/**
 * One command request's idempotency: its key (from the header, if sent) and its content. It applies to the first
 * stream the request writes to; fan-outs that write many streams in one request (opening a cycle, publishing,
 * reconciling) are idempotent by their deciders instead.
 */
export class RequestIdempotency {
  private stream: string | undefined;
  private readonly hashes = new Map<string, string>();

  constructor(
    readonly key: string | undefined,
    private readonly content: RequestContent,
  ) {}

  /** Whether this request's idempotency applies to an append on `stream` (binds the first stream asked about). */
  appliesTo(stream: string): boolean {
    this.stream ??= stream;
    return this.stream === stream;
  }

  /**
   * SHA-256 (hex) of the canonical JSON of the request content and the acting user: a retry has the same hash
   * (key order in the body does not matter); the key itself is left out, so a retry under a new key still matches.
   */
  requestHash(actorId: string): string {
    let hash = this.hashes.get(actorId);
    if (hash === undefined) {
      hash = hashOf({ ...this.content, actor: actorId });
      this.hashes.set(actorId, hash);
    }
    return hash;
  }
}

function hashOf(subject: RequestContent & { actor: string }): string {
  let text: string;
  try {
    text = canonicalJson(subject);
  } catch {
    // A body canonical JSON refuses (a lone surrogate) still hashes the same way on every retry.
    text = JSON.stringify(subject);
  }
  return createHash('sha256').update(text).digest('hex');
}

const scopes = new AsyncLocalStorage<RequestIdempotency>();

export const runWithIdempotency = <T>(scope: RequestIdempotency, run: () => T): T => scopes.run(scope, run);

export const currentIdempotency = (): RequestIdempotency | undefined => scopes.getStore();

/** RFC-draft `Idempotency-Key`: absent, or 1..200 printable ASCII characters; anything else is 400. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (Array.isArray(header) && header.length > 1) throw invalidKey('send one Idempotency-Key header, not several');
  if (!/^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/.test(value)) {
    throw invalidKey('Idempotency-Key must be 1 to 200 printable ASCII characters (no leading or trailing space)');
  }
  return value;
}

const invalidKey = (message: string) =>
  new BadRequestException(errorBody(400, 'INVALID_IDEMPOTENCY_KEY', message, [{ field: 'Idempotency-Key', message }]));

/** The events of one earlier append and the revision/position after it: what the original request answered. */
export interface OriginalAppend {
  events: RecordedEvent[];
  requestHash: unknown;
}

/** The append that carried `key` for this actor (keys are per user), if any. */
export function appendWithKey(history: readonly RecordedEvent[], key: string, actorId: string): OriginalAppend | null {
  return firstRun(history, (e) => e.metadata.idempotencyKey === key && e.metadata.actor.id === actorId);
}

/** The first append by this actor whose request had this hash, if any. */
export function appendWithHash(
  history: readonly RecordedEvent[],
  requestHash: string,
  actorId: string,
): OriginalAppend | null {
  return firstRun(history, (e) => e.metadata.requestHash === requestHash && e.metadata.actor.id === actorId);
}

/** The first run of consecutive matching events of one request (one correlation id): one append. */
function firstRun(history: readonly RecordedEvent[], matches: (e: RecordedEvent) => boolean): OriginalAppend | null {
  const start = history.findIndex(matches);
  if (start < 0) return null;
  let end = start + 1;
  while (
    end < history.length &&
    matches(history[end]) &&
    history[end].metadata.correlationId === history[start].metadata.correlationId
  ) {
    end++;
  }
  return { events: history.slice(start, end), requestHash: history[start].metadata.requestHash };
}

/** A caller-chosen item id already in use (`RHK_ID_TAKEN`, `DECLARATION_ID_TAKEN`, ...): maybe our own retry. */
export const isItemIdTaken = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.kind === 'conflict' && error.code.endsWith('_ID_TAKEN');

/** The same key with different content: refused as the IETF Idempotency-Key draft suggests (422). */
export function idempotencyKeyReused(key: string): UnprocessableEntityException {
  const message = `Idempotency-Key ${key} was already used by you for a different request (method, path or body)`;
  return new UnprocessableEntityException(
    errorBody(422, 'IDEMPOTENCY_KEY_REUSED', message, [
      { field: 'Idempotency-Key', message: 'used for another request' },
    ]),
  );
}
