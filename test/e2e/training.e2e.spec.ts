// Training (JP) through HTTP: HR of the employee's agency records completed trainings (the completion date judged
// on the agency's WIT calendar), every refusal is a clear 4xx that writes nothing, and HR lists who is short of the
// yearly target (20 JP by default, the agency policy's development.annualJpTarget once it sets one) as JSON pages
// and as CSV read back with a real CSV parser; the access matrix of each route.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { readCsvRecords } from '../../libs/organization-import/src/csv/csv-parser.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, B, NIPS, buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { EVERYONE, tokenOf, type Who } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT, OTHER } = NIPS;
const trainings = (nip: string) => `/api/v1/employees/${nip}/trainings`;
const shortfall = (query: string, agencyId = A) => `/api/v1/agencies/${agencyId}/training-shortfall${query}`;
const csv = (query: string) => `/api/v1/agencies/${A}/training-shortfall.csv${query}`;

const body = (extra: Record<string, unknown> = {}) => ({
  title: 'Pelatihan Implementasi Kurikulum Merdeka',
  provider: 'BPSDM Provinsi Papua Barat',
  jp: 24,
  completedOn: '2026-11-20',
  ...extra,
});

type Item = { nip: string; name: string; jp: number; target: number; shortfall: number; trainings: number };

describe('training (JP)', () => {
  let h: ApiHarness;
  let t: Tokens;
  // 15:30 UTC on 31 December 2026: already 1 January 2027 in Manokwari (WIT).
  const now = new Date('2026-12-31T15:30:00.000Z');

  beforeAll(async () => {
    h = await startApiHarness({}, { clock: { now: () => now } });
    t = await tokensFor(h);
    await buildOrganization(h, t);
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = (method: 'GET' | 'POST', url: string, token: string | undefined, payload?: unknown) =>
    h.request({ method, url, token, body: payload });
  const refused = async (status: number, code: string, url: string, token: string | undefined, payload: unknown) => {
    const before = await h.countEvents();
    const r = await send('POST', url, token, payload);
    expect({ status: r.statusCode, code: (r.json() as { code?: string }).code }).toEqual({ status, code });
    expect(await h.countEvents()).toBe(before);
    return r.json() as { message: string };
  };
  const page = (query: string, token = t.hrA, ready: (p: { items: Item[] }) => boolean = () => true) =>
    h.eventually(async () => {
      const r = await send('GET', shortfall(query), token);
      const json = r.json() as { items: Item[]; nextCursor: string | null };
      return r.statusCode === 200 && ready(json) ? json : undefined;
    });

  it("HR of the agency records a training; today on the agency's calendar counts, even while UTC is a day behind", async () => {
    const r = await send(
      'POST',
      trainings(GURU1),
      t.hrA,
      body({ trainingId: 'kurmer-2026', competencyCodes: ['INTEGRITAS'] }),
    );
    expect([r.statusCode, r.json()]).toEqual([201, { trainingId: 'kurmer-2026', revision: '0' }]);
    expect(r.headers.etag).toBe('W/"0"');
    const [event] = await h.api.infrastructure.rawEventStore.readStream(`training-${GURU1}`);
    expect(event).toMatchObject({
      type: 'TrainingRecorded.v1',
      data: { nip: GURU1, agencyId: A, jp: 24, completedOn: '2026-11-20', competencyCodes: ['INTEGRITAS'] },
      metadata: { actor: { id: 'hr-a', role: 'HR' } },
    });
    const today = await send('POST', trainings(GURU2), t.hrA, body({ jp: 8, completedOn: '2027-01-01' }));
    expect(today.statusCode).toBe(201);
    expect((today.json() as { trainingId: string }).trainingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('bad input is a clear 4xx and writes nothing', async () => {
    const future = await refused(
      422,
      'TRAINING_DATE_IN_FUTURE',
      trainings(GURU1),
      t.hrA,
      body({ completedOn: '2027-01-02' }),
    );
    expect(future.message).toContain('2027-01-01');
    await refused(400, 'TRAINING_DATE_INVALID', trainings(GURU1), t.hrA, body({ completedOn: '2026-02-30' }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ completedOn: '20-11-2026' }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ jp: 0 }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ jp: 2.5 }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ jp: '24' }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ title: '' }));
    await refused(400, 'TRAINING_TITLE_REQUIRED', trainings(GURU1), t.hrA, body({ title: '   ' }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, { ...body(), provider: undefined });
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ evidenceSha256: 'XYZ' }));
    await refused(400, 'VALIDATION_FAILED', trainings(GURU1), t.hrA, body({ hours: 3 }));
    await refused(400, 'VALIDATION_FAILED', '/api/v1/employees/123/trainings', t.hrA, body());
    await refused(404, 'EMPLOYEE_NOT_FOUND', trainings('199912312020121001'), t.hrA, body());
    await refused(409, 'TRAINING_ALREADY_RECORDED', trainings(GURU1), t.hrA, body({ trainingId: 'kurmer-2026' }));
  });

  it("access: recording is for HR of the employee's agency only", async () => {
    await refused(403, 'FORBIDDEN', trainings(OTHER), t.hrA, body());
    const before = await h.countEvents();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of EVERYONE.filter((w) => w !== 'HR own')) {
      got[who] = (await send('POST', trainings(GURU1), await tokenOf(h, who), body())).statusCode;
      want[who] = who === 'anonymous' ? 401 : 403;
    }
    expect(got).toEqual(want);
    expect(await h.countEvents()).toBe(before);
  });

  it('lists who is short of 20 JP in a year, by NIP, with names; the year counts by completion date', async () => {
    const p2026 = await page('?year=2026', t.hrA, (p) => !p.items.some((i) => i.nip === GURU1));
    expect(p2026.items.map((i) => i.nip)).toEqual([KADIS, KABID, PLT, KEPSEK, GURU2].sort());
    expect(p2026.items.find((i) => i.nip === GURU2)).toMatchObject({ jp: 0, target: 20, shortfall: 20, trainings: 0 });
    expect(p2026.items[0].name).toMatch(/^Pegawai /);
    const p2027 = await page('?year=2027', t.hrA, (p) => p.items.some((i) => i.nip === GURU2 && i.jp === 8));
    expect(p2027.items.find((i) => i.nip === GURU2)).toMatchObject({ jp: 8, shortfall: 12, trainings: 1 });
    const first = await page('?year=2026&limit=2');
    expect(first.items).toHaveLength(2);
    const rest = await page(`?year=2026&limit=10&after=${(first as { nextCursor: string }).nextCursor}`);
    expect([...first.items, ...rest.items].map((i) => i.nip)).toEqual(p2026.items.map((i) => i.nip));
    expect((await page('?year=2026&unitId=sd-3')).items.map((i) => i.nip)).toEqual([KEPSEK, GURU2].sort());
  });

  it("follows the agency policy's yearly target once it sets one", async () => {
    const policy = { ...DEFAULT_POLICY, development: { annualJpTarget: 25 } };
    const published = await send('POST', `/api/v1/policies/${A}/versions`, t.hrA, { policy, reason: 'Target 25 JP' });
    expect(published.statusCode).toBe(201);
    const p2026 = await page('?year=2026', t.hrA, (p) => p.items.some((i) => i.nip === GURU1));
    expect(p2026.items.find((i) => i.nip === GURU1)).toMatchObject({ jp: 24, target: 25, shortfall: 1 });
  });

  it("lists an employee's trainings with JP per year and the target, for the employee, HR of the agency, AUDITOR", async () => {
    type Trainings = {
      items: { trainingId: string; jp: number; completedOn: string }[];
      nextCursor: string | null;
      jpByYear: { year: number; jp: number }[];
      annualJpTarget: number;
    };
    const own = await h.eventually(async () => {
      const r = await send('GET', trainings(GURU1), t.guru1);
      return r.statusCode === 200 && (r.json() as Trainings).items.length === 1 ? (r.json() as Trainings) : undefined;
    });
    expect(own).toEqual({
      items: [
        {
          trainingId: 'kurmer-2026',
          title: 'Pelatihan Implementasi Kurikulum Merdeka',
          provider: 'BPSDM Provinsi Papua Barat',
          jp: 24,
          completedOn: '2026-11-20',
          year: 2026,
          recordedAt: '2026-12-31T15:30:00.000Z',
        },
      ],
      nextCursor: null,
      jpByYear: [{ year: 2026, jp: 24 }],
      annualJpTarget: 25,
    });
    expect(((await send('GET', `${trainings(GURU1)}?year=2027`, t.guru1)).json() as Trainings).items).toEqual([]);
    const before = await h.countEvents();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of EVERYONE) {
      got[who] = (await send('GET', trainings(GURU1), await tokenOf(h, who))).statusCode;
      want[who] = who === 'anonymous' ? 401 : ['EMPLOYEE own', 'HR own', 'AUDITOR'].includes(who) ? 200 : 403;
    }
    expect(got).toEqual(want);
    expect(await h.countEvents()).toBe(before + 1); // the auditor's read is recorded
    const quiet = await h.countEvents();
    for (const [url, status] of [
      [`${trainings(GURU1)}?year=x`, 400],
      [`${trainings(GURU1)}?limit=0`, 400],
      [`${trainings(GURU1)}?after=%21`, 400],
      [`${trainings(GURU1)}?title=a`, 400],
      [trainings('199912312020121001'), 404],
    ] as const) {
      expect([url, (await send('GET', url, t.hrA)).statusCode]).toEqual([url, status]);
    }
    expect(await h.countEvents()).toBe(quiet);
  });

  it('exports the shortfall as CSV (UTF-8 with BOM), read back with a real CSV parser', async () => {
    const r = await send('GET', csv('?year=2026'), t.hrA);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toBe('attachment; filename="kekurangan-jp-kota-manokwari-2026.csv"');
    const bytes = Buffer.from(r.body, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: { fields: string[]; problem?: unknown }[] = [];
    for await (const record of readCsvRecords([bytes])) records.push(record);
    expect(records.every((rec) => rec.problem === undefined)).toBe(true);
    const [header, ...rows] = records.map((rec) => rec.fields);
    expect(header).toEqual([
      'nip',
      'name',
      'unit_id',
      'position_title',
      'year',
      'jp',
      'target',
      'shortfall',
      'trainings',
    ]);
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column('nip')).toEqual([KADIS, KABID, PLT, KEPSEK, GURU1, GURU2].sort());
    expect(column('shortfall')[column('nip').indexOf(GURU1)]).toBe('1');
  });

  it('access: the shortfall for HR of the agency and AUDITOR (recorded); bad queries are 400 and write nothing', async () => {
    const before = await h.countEvents();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    const allowed: Who[] = ['HR own', 'AUDITOR'];
    for (const who of EVERYONE) {
      got[who] = (await send('GET', shortfall('?year=2026'), await tokenOf(h, who))).statusCode;
      want[who] = who === 'anonymous' ? 401 : allowed.includes(who) ? 200 : 403;
    }
    expect(got).toEqual(want);
    expect((await send('GET', csv('?year=2026'), t.hrB)).statusCode).toBe(403);
    expect(await h.countEvents()).toBe(before + 1); // the auditor's read is recorded
    const bad = async (url: string, token: string, status: number, code: string) => {
      const r = await send('GET', url, token);
      expect({ url, status: r.statusCode, code: (r.json() as { code?: string }).code }).toEqual({ url, status, code });
    };
    const quiet = await h.countEvents();
    await bad(shortfall(''), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(shortfall('?year=20x6'), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(shortfall('?year=2026&limit=0'), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(shortfall('?year=2026&after=abc'), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(shortfall('?year=2026&sort=name'), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(csv(''), t.hrA, 400, 'VALIDATION_FAILED');
    await bad(shortfall('?year=2026', 'no-such-agency'), t.auditor, 404, 'AGENCY_NOT_FOUND');
    await bad(shortfall('?year=2026', B), t.hrA, 403, 'FORBIDDEN');
    expect(await h.countEvents()).toBe(quiet);
  });
});
