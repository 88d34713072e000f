// A framework's whole life through HTTP: draft with technical competencies and position levels, open for
// comment, employees comment, publish as immutable version 1, a new draft becomes version 2.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { AGENCY_A, frameworkClient, guruLevels, pedagogik } from './frameworks.support.js';

const ID = 'disdik-manokwari';
const BASE = `/api/v1/frameworks/${ID}`;

interface Version {
  version: number;
  status: string;
  basedOn: number | null;
  builtIn: { berakhlak: unknown[]; managerial: unknown[]; socioCultural: unknown[] };
  technical: { code: string; name: string }[];
  positionRequirements: { positionCode: string; levels: { competencyCode: string; level: number }[] }[];
}

describe('competency framework lifecycle through HTTP', () => {
  let h: ApiHarness;
  const c = frameworkClient(() => h);
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('HR drafts version 1 with a technical competency and required levels per position', async () => {
    const hr = await c.tokens.hrA();
    const created = await c.send('POST', '/api/v1/frameworks', hr, {
      frameworkId: ID,
      agencyId: AGENCY_A,
      name: 'Standar Kompetensi Dinas Pendidikan',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('W/"0"');
    expect(created.headers.location).toBe(BASE);
    expect(created.json()).toEqual({ frameworkId: ID, version: 1, revision: '0' });

    const added = await c.send('POST', `${BASE}/draft/technical-competencies`, hr, pedagogik);
    expect(added.statusCode).toBe(201);
    expect(added.headers.etag).toBe('W/"1"');
    const levels = await c.send('PUT', `${BASE}/draft/position-requirements/guru-ahli-pertama`, hr, guruLevels);
    expect(levels.statusCode).toBe(200);
    expect(levels.json()).toEqual({ frameworkId: ID, version: 1, revision: '2' });

    const draft = await c.eventuallyGet<Version>(`${BASE}/versions/1`, hr, (v) => v.positionRequirements.length === 1);
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT', basedOn: null, technical: [pedagogik] });
    expect(draft.builtIn.berakhlak).toHaveLength(7);
    expect(draft.builtIn.managerial).toHaveLength(8);
    expect(draft.positionRequirements[0]).toEqual({ positionCode: 'guru-ahli-pertama', ...guruLevels });
  });

  it("a DRAFT is hidden from the agency's employees, and they cannot comment on it yet", async () => {
    const employee = await c.tokens.employeeA();
    expect((await c.send('GET', `${BASE}/versions/1`, employee)).statusCode).toBe(403);
    const list = await c.send('GET', '/api/v1/frameworks', employee);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    const before = await c.countEvents();
    const comment = await c.send('POST', `${BASE}/draft/comments`, employee, { criterionCode: 'PEDAGOGIK', text: 'x' });
    expect(comment.statusCode).toBe(409);
    expect(comment.json()).toMatchObject({ code: 'NOT_OPEN_FOR_COMMENT' });
    expect(await c.countEvents()).toBe(before);
  });

  it('HR opens the draft for comment (If-Match honoured; a stale one is 412 and writes nothing)', async () => {
    const hr = await c.tokens.hrA();
    const before = await c.countEvents();
    const stale = await c.send('POST', `${BASE}/draft/open-for-comment`, hr, undefined, { 'if-match': 'W/"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'STALE_REVISION' });
    expect(await c.countEvents()).toBe(before);
    const correlationId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const opened = await c.send('POST', `${BASE}/draft/open-for-comment`, hr, undefined, {
      'if-match': 'W/"2"',
      'x-correlation-id': correlationId,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers.etag).toBe('W/"3"');
    expect(opened.json()).toEqual({ frameworkId: ID, version: 1, revision: '3' });
    // The shared command context: the caller's correlation id, the acting role, one instant for data and metadata.
    const event = (await h.api.infrastructure.rawEventStore.readStream(`framework-${ID}`)).at(-1)!;
    expect(event.metadata).toMatchObject({
      correlationId,
      causationId: correlationId,
      actor: { id: 'hr-a', role: 'HR' },
    });
    expect(event.metadata.occurredAt).toBe(event.data.openedAt);
  });

  it('employees and raters of the agency comment on criteria; the comments carry author and time', async () => {
    const employee = await c.tokens.employeeA();
    const comment = await c.send('POST', `${BASE}/draft/comments`, employee, {
      criterionCode: 'PEDAGOGIK',
      text: 'Level 3 perlu contoh perilaku yang bisa diamati di kelas.',
    });
    expect(comment.statusCode).toBe(201);
    const { commentId } = comment.json() as { commentId: string };
    const rater = await c.send('POST', `${BASE}/draft/comments`, await c.tokens.raterA(), {
      criterionCode: 'KOLABORATIF',
      text: 'Indikator ketiga sulit diukur untuk pelaksana.',
    });
    expect(rater.statusCode).toBe(201);

    const events = await h.api.infrastructure.rawEventStore.readStream(`framework-${ID}`);
    const commented = events.filter((e) => e.type === 'CriterionCommented.v1');
    expect(commented[0].data).toMatchObject({
      commentId,
      version: 1,
      author: { id: 'emp-a', role: 'EMPLOYEE', nip: '198503152010011002' },
      commentedAt: expect.any(String),
    });
    expect(commented[0].metadata.actor).toEqual({ id: 'emp-a', role: 'EMPLOYEE' });
    expect(verifyStreamChain(events)).toEqual({ ok: true });

    const open = await c.eventuallyGet<Version>(`${BASE}/versions/1`, employee, (v) => v.status === 'OPEN_FOR_COMMENT');
    expect(open.technical.map((t) => t.code)).toEqual(['PEDAGOGIK']);
    const comments = await c.eventuallyGet<{ items: { commentId: string; seq: number }[]; nextCursor: string | null }>(
      `${BASE}/versions/1/comments?limit=1`,
      employee,
      (p) => p.nextCursor !== null,
    );
    expect(comments.items).toEqual([expect.objectContaining({ commentId, seq: 1, criterionCode: 'PEDAGOGIK' })]);
    const second = await c.send('GET', `${BASE}/versions/1/comments?limit=1&after=${comments.nextCursor}`, employee);
    expect(second.json()).toMatchObject({ items: [{ seq: 2, criterionCode: 'KOLABORATIF' }], nextCursor: null });
  });

  it('HR publishes version 1; afterwards nobody can comment on it or edit it', async () => {
    const hr = await c.tokens.hrA();
    const published = await c.send('POST', `${BASE}/draft/publish`, hr);
    expect(published.statusCode).toBe(200);
    expect(published.headers.location).toBe(`${BASE}/versions/1`);
    expect(published.json()).toMatchObject({ version: 1 });

    const before = await c.countEvents();
    const comment = await c.send('POST', `${BASE}/draft/comments`, await c.tokens.employeeA(), {
      criterionCode: 'PEDAGOGIK',
      text: 'terlambat',
    });
    expect(comment.statusCode).toBe(409);
    expect(comment.json()).toMatchObject({ code: 'NO_DRAFT' });
    const edit = await c.send('PUT', `${BASE}/draft/technical-competencies/PEDAGOGIK`, hr, {
      ...pedagogik,
      code: undefined,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'NO_DRAFT' });
    expect(await c.countEvents()).toBe(before);

    const v1 = await c.eventuallyGet<Version>(
      `${BASE}/versions/1`,
      await c.tokens.employeeA(),
      (v) => v.status === 'PUBLISHED',
    );
    expect(v1.builtIn.berakhlak).toHaveLength(7);
  });

  it('a new draft (version 2) starts from version 1; publishing it leaves version 1 unchanged', async () => {
    const hr = await c.tokens.hrA();
    const started = await c.send('POST', `${BASE}/draft`, hr);
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ version: 2 });
    const { code: _code, ...body } = pedagogik;
    const revised = await c.send('PUT', `${BASE}/draft/technical-competencies/PEDAGOGIK`, hr, {
      ...body,
      name: 'Pedagogik (revisi 2028)',
    });
    expect(revised.statusCode).toBe(200);
    expect((await c.send('POST', `${BASE}/draft/open-for-comment`, hr)).statusCode).toBe(200);
    expect((await c.send('POST', `${BASE}/draft/publish`, hr)).statusCode).toBe(200);

    const employee = await c.tokens.employeeA();
    const v2 = await c.eventuallyGet<Version>(`${BASE}/versions/2`, employee, (v) => v.status === 'PUBLISHED');
    expect(v2).toMatchObject({ basedOn: 1, technical: [{ code: 'PEDAGOGIK', name: 'Pedagogik (revisi 2028)' }] });
    expect(v2.positionRequirements).toHaveLength(1);
    const v1 = (await c.send('GET', `${BASE}/versions/1`, employee)).json() as Version;
    expect(v1.technical).toEqual([pedagogik]);

    const page = (await c.send('GET', `${BASE}/versions?limit=1`, employee)).json() as {
      items: { version: number }[];
      nextCursor: string | null;
    };
    expect(page.items.map((v) => v.version)).toEqual([1]);
    const rest = (await c.send('GET', `${BASE}/versions?limit=1&after=${page.nextCursor}`, employee)).json();
    expect(rest).toMatchObject({ items: [{ version: 2, status: 'PUBLISHED' }], nextCursor: null });
  });

  it('lists frameworks filtered by agency and status; the framework has an ETag', async () => {
    const hr = await c.tokens.hrA();
    const list = await c.eventuallyGet<{ items: { frameworkId: string; latestPublishedVersion: number }[] }>(
      `/api/v1/frameworks?agencyId=${AGENCY_A}&status=PUBLISHED`,
      hr,
      (p) => p.items[0]?.latestPublishedVersion === 2,
    );
    expect(list.items).toEqual([
      expect.objectContaining({ frameworkId: ID, agencyId: AGENCY_A, status: 'PUBLISHED', draftVersion: null }),
    ]);
    expect((await c.send('GET', `/api/v1/frameworks?status=DRAFT`, hr)).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    const one = await c.send('GET', BASE, hr);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toMatch(/^W\/"\d+"$/);
  });

  it('the built-in catalogue is readable by any signed-in user, not anonymously', async () => {
    const response = await c.send('GET', '/api/v1/competencies/built-in', await c.tokens.employeeB());
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      berakhlak: { indicators: string[] }[];
      managerial: unknown[];
      socioCultural: unknown[];
    };
    expect(body.berakhlak).toHaveLength(7);
    expect(body.berakhlak.every((v) => v.indicators.length === 3)).toBe(true);
    expect(body.managerial).toHaveLength(8);
    expect(body.socioCultural).toHaveLength(1);
    expect((await c.send('GET', '/api/v1/competencies/built-in', undefined)).statusCode).toBe(401);
  });
});
