import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../../../libs/event-store/src/port.js';
import { DomainError } from '../../../../libs/shared-kernel/src/domain-error.js';
import {
  appendWithHash,
  appendWithKey,
  isItemIdTaken,
  parseIdempotencyKey,
  RequestIdempotency,
} from './idempotency.js';

const event = (revision: number, metadata: Record<string, unknown>, actor = 'guru-1'): RecordedEvent =>
  ({
    streamName: 's',
    revision: BigInt(revision),
    id: `e${revision}`,
    type: 'T',
    data: { n: revision },
    metadata: {
      actor: { id: actor, role: 'EMPLOYEE' },
      correlationId: 'c0',
      causationId: 'c0',
      occurredAt: '',
      ...metadata,
    },
    position: { commit: BigInt(revision), prepare: BigInt(revision) },
    createdAt: new Date(0),
  }) as RecordedEvent;

describe('Idempotency-Key header', () => {
  it.each([['a'], ['k'.repeat(200)], ['order 42/retry:1'], ['~!@#$%^&*()']])('accepts %j', (key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it.each([[''], ['k'.repeat(201)], [' lead'], ['trail '], ['tab\there'], ['ü'], ['line\nbreak']])(
    'refuses %j with 400 INVALID_IDEMPOTENCY_KEY',
    (key) => {
      expect(() => parseIdempotencyKey(key)).toThrow(
        expect.objectContaining({ response: expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY' }) }),
      );
    },
  );

  it('is optional, and refused when sent twice', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow();
  });
});

describe('request hash', () => {
  const content = { method: 'POST', url: '/x', body: { a: 1, b: [1, 2] } };
  it('is the same for the same request whatever the body key order, and differs per user, path or body', () => {
    const hash = new RequestIdempotency(undefined, content).requestHash('u1');
    expect(new RequestIdempotency('k', { ...content, body: { b: [1, 2], a: 1 } }).requestHash('u1')).toBe(hash);
    expect(new RequestIdempotency(undefined, content).requestHash('u2')).not.toBe(hash);
    expect(new RequestIdempotency(undefined, { ...content, url: '/y' }).requestHash('u1')).not.toBe(hash);
    expect(new RequestIdempotency(undefined, { ...content, body: { a: 2, b: [1, 2] } }).requestHash('u1')).not.toBe(
      hash,
    );
  });

  it('applies to the first stream a request writes only', () => {
    const scope = new RequestIdempotency('k', content);
    expect([scope.appliesTo('a'), scope.appliesTo('b'), scope.appliesTo('a')]).toEqual([true, false, true]);
  });
});

describe('finding the original append in a stream', () => {
  const history = [
    event(0, {}),
    event(1, { idempotencyKey: 'k', requestHash: 'h1', correlationId: 'c1' }),
    event(2, { idempotencyKey: 'k', requestHash: 'h1', correlationId: 'c1' }),
    event(3, { requestHash: 'h2', correlationId: 'c2' }),
    event(4, { idempotencyKey: 'k', requestHash: 'h9', correlationId: 'c3' }, 'someone-else'),
  ];

  it('by key: the events of that one append, for this user only', () => {
    expect(appendWithKey(history, 'k', 'guru-1')?.events.map((e) => e.revision)).toEqual([1n, 2n]);
    expect(appendWithKey(history, 'k', 'someone-else')?.requestHash).toBe('h9');
    expect(appendWithKey(history, 'other', 'guru-1')).toBeNull();
  });

  it('by request hash, for this user only', () => {
    expect(appendWithHash(history, 'h2', 'guru-1')?.events.map((e) => e.revision)).toEqual([3n]);
    expect(appendWithHash(history, 'h2', 'someone-else')).toBeNull();
  });

  it('only a taken item id (<KIND>_ID_TAKEN, a conflict) counts as a possible retry', () => {
    expect(isItemIdTaken(new DomainError('conflict', 'COMMENT_ID_TAKEN', 'x'))).toBe(true);
    expect(isItemIdTaken(new DomainError('conflict', 'PLAN_LOCKED', 'x'))).toBe(false);
    expect(isItemIdTaken(new Error('COMMENT_ID_TAKEN'))).toBe(false);
  });
});
