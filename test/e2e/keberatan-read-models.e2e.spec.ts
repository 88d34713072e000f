// The keberatan queue (JSON and CSV) and the per-person inbox through HTTP, over the real Nest app with the
// projections running embedded: a hand-made keberatan season (objections.test-history.ts) appended to the store
// after the organization is registered (so names come from the employee directory). The access matrix of each
// route, the CSV parsed back with the import's RFC 4180 parser, overdue by the API's clock, read marks.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { readCsvRecords } from '../../libs/organization-import/src/csv/csv-parser.js';
import {
  buildObjectionHistory,
  CYCLE,
  G3A,
  G3B,
  KABID,
  SORONG_NIP,
} from '../../libs/read-models/src/objections/objections.test-history.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, B, buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type QueueItem = {
  objectionId: string;
  status: string;
  agencyId: string;
  name: string | null;
  deciderName: string | null;
  overdue: boolean;
};
type InboxItem = {
  id: string;
  kind: string;
  appraisalName: string | null;
  read: boolean;
  message: { id: string; en: string };
};

describe('keberatan read models through HTTP: the queue, its CSV, the inbox', () => {
  let h: ApiHarness;
  let t: Tokens;
  let kabid: string;
  let g3a: string;
  let now = new Date('2027-01-20T00:00:00.000Z');

  const get = (url: string, token: string | undefined, headers?: Record<string, string>) =>
    h.request({ method: 'GET', url, token, headers });
  const status = async (url: string, token: string | undefined) => {
    const r = await get(url, token);
    return [r.statusCode, (r.json() as { code?: string }).code ?? 'ok'];
  };

  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' }, { clock: { now: () => now } });
    t = await tokensFor(h);
    await buildOrganization(h, t);
    const person = (sub: string, nip: string) =>
      h.token({ sub, roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR], agencyId: A, nip });
    kabid = await person('kabid', KABID);
    g3a = await person('g3a', G3A);
    const store = h.api.infrastructure.eventStore;
    for (const { stream, event, occurredAt } of buildObjectionHistory()) {
      await store.appendToStream(
        stream,
        [
          {
            id: randomUUID(),
            type: event.type,
            data: event.data as unknown as Record<string, unknown>,
            metadata: { actor: { id: 'seed', role: 'HR' }, correlationId: 'seed', causationId: 'seed', occurredAt },
          },
        ],
        { expected: 'any' },
      );
    }
    await h.eventually(async () => {
      const queue = (await get('/api/v1/objections', t.auditor)).json() as Page<QueueItem>;
      const inbox = (await get('/api/v1/me/inbox', kabid)).json() as Page<InboxItem>;
      // keb-5's decision is the history's last event: each read model has applied everything once it shows.
      const decided = queue.items?.find((o) => o.objectionId === 'keb-5')?.status === 'DECIDED';
      return decided && inbox.items?.[0]?.kind === 'OBJECTION_DECIDED' ? true : undefined;
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('GET /api/v1/objections', () => {
    it('HR of the agency and AUDITOR only: another agency is 403, employees, raters and ADMIN 403, anonymous 401', async () => {
      expect(await status('/api/v1/objections', undefined)).toEqual([401, 'UNAUTHENTICATED']);
      for (const token of [t.guru1, t.kepsek, kabid, t.admin, t.employeeB]) {
        expect(await status('/api/v1/objections', token)).toEqual([403, 'FORBIDDEN']);
      }
      expect(await status(`/api/v1/objections?agencyId=${B}`, t.hrA)).toEqual([403, 'FORBIDDEN']);
      expect(await status(`/api/v1/objections?agencyId=${A}`, t.hrB)).toEqual([403, 'FORBIDDEN']);
      const ids = async (url: string, token: string) =>
        ((await get(url, token)).json() as Page<QueueItem>).items.map((o) => o.objectionId);
      expect(await ids('/api/v1/objections', t.hrA)).toEqual(['keb-1', 'keb-5', 'keb-2', 'keb-3', 'keb-4']);
      expect(await ids(`/api/v1/objections?agencyId=${A}`, t.hrA)).toHaveLength(5);
      expect(await ids('/api/v1/objections', t.hrB)).toEqual(['keb-s1']);
      expect(await ids('/api/v1/objections', t.auditor)).toHaveLength(6);
      expect(await ids(`/api/v1/objections?agencyId=${B}`, t.auditor)).toEqual(['keb-s1']);
    });

    it('filters, pages, overdue by the server clock, names from the employee directory', async () => {
      const page = async (query: string) => (await get(`/api/v1/objections?${query}`, t.hrA)).json() as Page<QueueItem>;
      expect((await page(`cycleId=${CYCLE}&status=OPEN&unitId=sd-3`)).items.map((o) => o.objectionId)).toEqual([
        'keb-2',
      ]);
      expect((await page(`deciderNip=${KABID}&status=WITHDRAWN`)).items.map((o) => o.objectionId)).toEqual(['keb-3']);
      expect((await page('unassigned=true')).items.map((o) => o.objectionId)).toEqual(['keb-4']);
      expect((await page('overdue=true')).items.map((o) => o.objectionId)).toEqual(['keb-5']);
      now = new Date('2027-01-22T15:00:00.000Z'); // midnight after keb-2's last day, in Manokwari
      expect((await page('overdue=true')).items.map((o) => o.objectionId)).toEqual(['keb-5', 'keb-2']);
      now = new Date('2027-01-20T00:00:00.000Z');
      const first = await page('limit=2');
      const second = await page(`limit=2&after=${first.nextCursor}`);
      expect([first.items.map((o) => o.objectionId), second.items.map((o) => o.objectionId)]).toEqual([
        ['keb-1', 'keb-5'],
        ['keb-2', 'keb-3'],
      ]);
      const keb3 = (await page('status=WITHDRAWN')).items[0];
      expect(keb3).toMatchObject({ name: 'Pegawai 1002', deciderName: 'Pegawai 1001' });
    });

    it('refuses bad filters with 400 and the one error shape', async () => {
      for (const query of [
        'status=CLOSED',
        'overdue=yes',
        'unassigned=1',
        'deciderNip=123',
        'limit=0',
        'after=%25%25',
        'nip=1',
      ]) {
        const r = await get(`/api/v1/objections?${query}`, t.hrA);
        expect({ query, status: r.statusCode }).toEqual({ query, status: 400 });
        expect(r.json()).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
      }
    });
  });

  describe('GET /api/v1/objections.csv', () => {
    it('streams UTF-8 with a BOM and a header row that a real RFC 4180 parser reads back', async () => {
      const r = await get('/api/v1/objections.csv?status=OPEN', t.hrA);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(r.headers['content-disposition']).toMatch(
        /^attachment; filename="keberatan-kota-manokwari-2027-01-20\.csv"$/,
      );
      const bytes = Buffer.from(r.body, 'utf8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = [];
      for await (const record of readCsvRecords([bytes])) records.push(record);
      expect(records.every((rec) => rec.problem === undefined)).toBe(true);
      const [header, ...rows] = records.map((rec) => rec.fields);
      expect(header.slice(0, 4)).toEqual(['objection_id', 'cycle_id', 'nip', 'name']);
      const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
      expect(column('objection_id')).toEqual(['keb-2', 'keb-4']);
      expect(column('nip')).toEqual([G3A, KABID]);
      expect(column('decider_nip')).toEqual([KABID, '']);
      expect(column('decision_due_last_day')).toEqual(['2027-01-22', '2027-01-23']);
      expect(column('employee_statement_lapsed')).toEqual(['true', 'false']);
      expect(column('overdue')).toEqual(['false', 'false']);
      expect(rows.every((row) => row.length === header.length)).toBe(true);
    });

    it('has the same access as the queue', async () => {
      expect(await status('/api/v1/objections.csv', undefined)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await status('/api/v1/objections.csv', t.guru1)).toEqual([403, 'FORBIDDEN']);
      expect(await status(`/api/v1/objections.csv?agencyId=${A}`, t.hrB)).toEqual([403, 'FORBIDDEN']);
      expect(await status('/api/v1/objections.csv?limit=5', t.hrA)).toEqual([400, expect.any(String)]);
      const all = await get('/api/v1/objections.csv', t.auditor);
      expect(all.body.trimEnd().split('\r\n')).toHaveLength(7);
    });
  });

  describe('/api/v1/me/inbox', () => {
    it("lists one's own items only, with names and texts in both languages; no NIP is 403, anonymous 401", async () => {
      expect(await status('/api/v1/me/inbox', undefined)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await status('/api/v1/me/inbox', t.hrA)).toEqual([403, 'FORBIDDEN']);
      const guru1 = ((await get('/api/v1/me/inbox', t.guru1)).json() as Page<InboxItem>).items;
      expect(guru1.map((i) => i.kind)).toEqual(['OBJECTION_RECORDED_BY_HR', 'RATING_APPROVED', 'PLAN_RETURNED']);
      expect(guru1[0]).toMatchObject({
        appraisalName: 'Pegawai 1002',
        read: false,
        message: {
          id: 'Keberatan tertulis Anda dicatat oleh bagian kepegawaian.',
          en: 'HR recorded your written objection.',
        },
      });
      const mine = ((await get('/api/v1/me/inbox', g3a)).json() as Page<InboxItem>).items;
      expect(mine[0]).toMatchObject({ kind: 'STATEMENT_REQUESTED', due: { pending: true, overdue: true } });
      expect(((await get('/api/v1/me/inbox', t.employeeB)).json() as Page<InboxItem>).items).toEqual([]);
      expect(SORONG_NIP).toBe('198601012012011001');
      expect(await status('/api/v1/me/inbox?unread=maybe', t.guru1)).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('marks read idempotently, writes no event, and nobody marks another’s item', async () => {
      const [item] = ((await get('/api/v1/me/inbox', t.guru1)).json() as Page<InboxItem>).items;
      const [kabidItem] = ((await get('/api/v1/me/inbox', kabid)).json() as Page<InboxItem>).items;
      const before = await h.countEvents();
      const mark = (id: string, token: string | undefined) =>
        h.request({ method: 'POST', url: `/api/v1/me/inbox/${id}/read`, token });
      const other = await mark(kabidItem.id, t.guru1);
      expect([other.statusCode, (other.json() as { code: string }).code]).toEqual([404, 'INBOX_ITEM_NOT_FOUND']);
      expect((await mark(item.id, undefined)).statusCode).toBe(401);
      const first = await mark(item.id, t.guru1);
      expect([first.statusCode, first.json()]).toEqual([200, { id: item.id, read: true, readAt: now.toISOString() }]);
      now = new Date('2027-01-21T00:00:00.000Z');
      const again = await mark(item.id, t.guru1);
      expect(again.json()).toEqual(first.json());
      now = new Date('2027-01-20T00:00:00.000Z');
      expect(await h.countEvents()).toBe(before);
      const unread = ((await get('/api/v1/me/inbox?unread=true', t.guru1)).json() as Page<InboxItem>).items;
      expect(unread.map((i) => i.id)).not.toContain(item.id);
      expect(unread).toHaveLength(2);
      const kabidAfter = ((await get('/api/v1/me/inbox', kabid)).json() as Page<InboxItem>).items;
      expect(kabidAfter[0]).toMatchObject({ id: kabidItem.id, read: false });
      const id = await get(`/api/v1/me/inbox/x/read`, t.guru1);
      expect(id.statusCode).toBe(404);
    });
  });

  it('/metrics reports the lag of both read models', async () => {
    const text = (await get('/metrics', undefined)).body;
    expect(text).toContain('kinerja_projection_lag_events{projection="objections"}');
    expect(text).toContain('kinerja_projection_lag_events{projection="inbox"}');
    expect(text).not.toContain(G3B);
  });
});
