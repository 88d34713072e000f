// Idempotency-Key on command paths other than appraisals (README "Idempotency and retries"): the framework
// routes run through the same executor, so a keyed retry answers the original success, with the original
// generated comment id, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { AGENCY_A, frameworkClient, pedagogik } from './frameworks.support.js';

const ID = 'kerangka-idem';
const BASE = `/api/v1/frameworks/${ID}`;
const key = (k: string) => ({ 'idempotency-key': k });

describe('Idempotency-Key on framework commands', () => {
  let h: ApiHarness;
  const c = frameworkClient(() => h);
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Sends the same request twice; expects the same status, body and ETag, and nothing written by the second. */
  const twice = async (status: number, url: string, token: string, body: unknown, k: string) => {
    const first = await c.send('POST', url, token, body, key(k));
    expect([first.statusCode, first.json()]).toEqual([status, expect.anything()]);
    const before = await c.countEvents();
    const retry = await c.send('POST', url, token, body, key(k));
    expect([retry.statusCode, retry.json(), retry.headers.etag]).toEqual([
      first.statusCode,
      first.json(),
      first.headers.etag,
    ]);
    expect(await c.countEvents()).toBe(before);
    return first.json() as Record<string, unknown>;
  };

  it('creating a framework, retried with its key, answers the original 201 instead of a conflict', async () => {
    const hr = await c.tokens.hrA();
    const body = { frameworkId: ID, agencyId: AGENCY_A, name: 'Kerangka' };
    expect(await twice(201, '/api/v1/frameworks', hr, body, 'f1')).toEqual({
      frameworkId: ID,
      version: 1,
      revision: '0',
    });
    const unkeyed = await c.send('POST', '/api/v1/frameworks', hr, body);
    expect(unkeyed.statusCode).toBe(409);
    await twice(201, `${BASE}/draft/technical-competencies`, hr, pedagogik, 'f2');
    await twice(200, `${BASE}/draft/open-for-comment`, hr, undefined, 'f3');
  });

  it('a criterion comment retried with its key answers the original generated commentId', async () => {
    const employee = await c.tokens.employeeA();
    const comment = await twice(
      201,
      `${BASE}/draft/comments`,
      employee,
      { criterionCode: 'PEDAGOGIK', text: 'Perlu contoh.' },
      'c1',
    );
    expect(comment.commentId).toEqual(expect.any(String));
  });
});
