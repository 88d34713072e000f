// Safe retries over HTTP (README "Idempotency and retries"): a retry of a command with the same client-chosen item
// id and the same content, or with the same Idempotency-Key and the same content, answers the original success
// (same ids, same revision, nothing written); different content is refused and writes nothing. Also under 20
// concurrent retries, and with 20 concurrent distinct commands on one stream (all must succeed).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  NIPS,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  kepsekRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type Sent,
  type Tokens,
} from './appraisals.support.js';

const GURU1 = appraisalUrl(NIPS.GURU1);
const KEPSEK = appraisalUrl(NIPS.KEPSEK);
const comment = (text: string, commentId?: string) => ({
  ...(commentId ? { commentId } : {}),
  on: { kind: 'RHK', id: 'rhk-1' },
  text,
});
const key = (k: string) => ({ 'idempotency-key': k });

describe('retries answer the original success', () => {
  let h: ApiHarness;
  let t: Tokens;

  /** Sends, expects `status`/`code`, and that nothing was written. */
  const refused = async (status: number, code: string, url: string, token: string, body: unknown, headers = {}) => {
    const before = await h.countEvents();
    const sent = await send(h, 'POST', url, token, body, headers);
    expect({ status: sent.status, code: sent.body.code }).toEqual({ status, code });
    expect(await h.countEvents()).toBe(before);
    return sent;
  };

  /** The same request `n` times at once. */
  const concurrently = (n: number, send: () => Promise<Sent>) => Promise.all(Array.from({ length: n }, send));

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a retry with the same item id and content answers the original ids and revision and writes nothing', async () => {
    const first = await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    expect(first.body).toEqual({ rhkId: 'rhk-1', revision: '1' });
    await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('moves the stream on', 'c-between'));
    const before = await h.countEvents();
    const retry = await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    expect(retry.body).toEqual(first.body);
    expect(retry.etag).toBe(first.etag);
    expect(await h.countEvents()).toBe(before);
  });

  it('different content under a taken item id stays 409 <KIND>_ID_TAKEN and writes nothing', async () => {
    const other = { ...guruRhk('rhk-1', 'iki-1'), title: 'Another RHK under the same id' };
    await refused(409, 'RHK_ID_TAKEN', `${GURU1}/plan/rhk`, t.guru1, other);
    // Someone else sending the very same body is not a retry of the employee's request.
    await refused(409, 'COMMENT_ID_TAKEN', `${GURU1}/comments`, t.kepsek, comment('moves the stream on', 'c-between'));
  });

  it('a retry carrying the If-Match of before the original answers the original, not 412', async () => {
    const view = await ok(h, 'GET', GURU1, t.guru1);
    const ifMatch = { 'if-match': view.etag as string };
    const first = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('with If-Match', 'c-if-match'), ifMatch);
    const retry = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('with If-Match', 'c-if-match'), ifMatch);
    expect(retry.body).toEqual(first.body);
    await refused(412, 'STALE_REVISION', `${GURU1}/comments`, t.guru1, comment('new', 'c-stale'), ifMatch);
  });

  it('20 concurrent retries with one item id all answer the one original success; one event is written', async () => {
    const before = await h.countEvents();
    const sent = await concurrently(20, () => send(h, 'POST', `${GURU1}/comments`, t.guru1, comment('x', 'c-burst')));
    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(201));
    expect(new Set(sent.map((s) => JSON.stringify([s.body, s.etag]))).size).toBe(1);
    expect(sent[0].body).toMatchObject({ id: 'c-burst' });
    expect(await h.countEvents()).toBe(before + 1);
  });

  it('20 concurrent retries carrying one If-Match all answer the original success, not 412', async () => {
    const ifMatch = { 'if-match': (await ok(h, 'GET', GURU1, t.guru1)).etag as string };
    const before = await h.countEvents();
    const body = comment('burst with If-Match', 'c-burst-if-match');
    const sent = await concurrently(20, () => send(h, 'POST', `${GURU1}/comments`, t.guru1, body, ifMatch));
    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(201));
    expect(new Set(sent.map((s) => JSON.stringify([s.body, s.etag]))).size).toBe(1);
    expect(await h.countEvents()).toBe(before + 1);
  });

  it('Idempotency-Key: a retry answers the original generated id and revision; other content is 422', async () => {
    const first = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('keyed'), key('key-1'));
    expect(first.body.id).toEqual(expect.any(String));
    await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('moves the stream on'));
    const before = await h.countEvents();
    const retry = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('keyed'), key('key-1'));
    expect(retry.body).toEqual(first.body);
    expect(retry.etag).toBe(first.etag);
    expect(await h.countEvents()).toBe(before);
    await refused(422, 'IDEMPOTENCY_KEY_REUSED', `${GURU1}/comments`, t.guru1, comment('other text'), key('key-1'));
    const realisation = { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 50 };
    await refused(422, 'IDEMPOTENCY_KEY_REUSED', `${GURU1}/realisations`, t.guru1, realisation, key('key-1'));
    // Keys are per user: the rater's key-1 is a request of its own.
    const rater = await ok(h, 'POST', `${GURU1}/comments`, t.kepsek, comment('keyed'), key('key-1'));
    expect(rater.body.id).not.toBe(first.body.id);
  });

  it('without a key or an item id, the same request twice is two entries (nothing is deduplicated by guess)', async () => {
    const a = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('twice'));
    const b = await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('twice'));
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('20 concurrent retries with one Idempotency-Key all answer the original success; one event is written', async () => {
    const before = await h.countEvents();
    const sent = await concurrently(20, () =>
      send(h, 'POST', `${GURU1}/comments`, t.guru1, comment('burst'), key('burst-key')),
    );
    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(201));
    expect(new Set(sent.map((s) => JSON.stringify([s.body, s.etag]))).size).toBe(1);
    expect(await h.countEvents()).toBe(before + 1);
  });

  it('20 concurrent distinct commands on one appraisal all succeed (own-read retries suffice)', async () => {
    const before = await h.countEvents();
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(h, 'POST', `${GURU1}/comments`, t.guru1, comment(`distinct ${i}`))),
    );
    expect(sent.map((s) => s.status)).toEqual(Array(20).fill(201));
    expect(new Set(sent.map((s) => s.etag)).size).toBe(20);
    expect(await h.countEvents()).toBe(before + 20);
  });

  it('a bad Idempotency-Key is 400 INVALID_IDEMPOTENCY_KEY and writes nothing', async () => {
    for (const bad of ['x'.repeat(201), 'kunci-ü', ' ', 'tab\tinside']) {
      await refused(400, 'INVALID_IDEMPOTENCY_KEY', `${GURU1}/comments`, t.guru1, comment('k'), key(bad));
    }
    await ok(h, 'POST', `${GURU1}/comments`, t.guru1, comment('longest key'), key('k'.repeat(200)));
  });

  it('a conflict-of-interest declaration retried with its Idempotency-Key answers the original declarationId', async () => {
    const url = `/api/v1/employees/${NIPS.GURU1}/conflicts-of-interest`;
    const body = { raterNip: NIPS.KEPSEK, kind: 'FAMILY', description: 'ipar' };
    const first = await ok(h, 'POST', url, t.guru1, body, key('coi-1'));
    const retry = await ok(h, 'POST', url, t.guru1, body, key('coi-1'));
    expect(retry.body).toEqual(first.body);
    expect(retry.etag).toBe(first.etag);
    // Without the key the same declaration is a duplicate, as before.
    await refused(409, 'CONFLICT_OF_INTEREST_ALREADY_DECLARED', url, t.guru1, body);
  });
});
