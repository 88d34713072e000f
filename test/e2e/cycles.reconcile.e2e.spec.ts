// Mid-cycle changes handled explicitly (issue 4): after a join, two moves and a supervisor change, reconcile
// starts, transfers, ends and re-assigns exactly those appraisals, one event each; again, it writes nothing;
// too late in the cycle, a joiner is refused with a reason and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, lineEventually, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT } = NIPS;
const NEW1 = '199203102018012001';
const NEW2 = '199405052019031002';

const newEmployee = (nip: string) => ({
  nip,
  name: `Pegawai ${nip.slice(-4)}`,
  employmentType: 'PNS',
  agencyId: A,
  unitId: 'sd-3',
  positionTitle: 'Guru Ahli Pertama',
  golongan: 'III/a',
  jobType: 'FUNGSIONAL',
});

describe('POST /cycles/{id}/reconcile', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody('rc-2026'));
    await c.eventually<{ items: unknown[] }>('/api/v1/cycles/rc-2026/appraisals', t.hrA, (p) => p.items.length === 4);
    await c.advance('rc-2026', t.hrA, 'IN_PROGRESS');
  });
  afterAll(async () => {
    await h.close();
  });

  const employeeEventually = (nip: string, unitId: string) =>
    c.eventually<{ unitId: string }>(`/api/v1/employees/${nip}`, t.hrA, (e) => e.unitId === unitId);

  it('starts the joiner, transfers the mover, ends the leaver, changes the rater where the line changed', async () => {
    await c.ok('POST', '/api/v1/employees', t.hrA, newEmployee(NEW1));
    await c.ok('PUT', `/api/v1/employees/${GURU2}/unit`, t.hrA, { unitId: 'bidang-sd' });
    await c.ok('PUT', `/api/v1/employees/${GURU1}/unit`, t.hrA, { unitId: 'bidang-smp' });
    await c.ok('PUT', `/api/v1/employees/${KEPSEK}/rater-override`, t.hrA, {
      raterNip: PLT,
      reason: 'Plt. menilai selama kepala bidang cuti panjang',
    });
    await lineEventually(h, t.hrA, NEW1, (l) => l.rater?.nip === KEPSEK);
    await lineEventually(h, t.hrA, GURU2, (l) => l.rater?.nip === KABID && l.raterSupervisor?.nip === KADIS);
    await lineEventually(h, t.hrA, KEPSEK, (l) => l.rater?.nip === PLT);
    await employeeEventually(GURU1, 'bidang-smp');
    await employeeEventually(GURU2, 'bidang-sd');
    await employeeEventually(NEW1, 'sd-3');

    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles/rc-2026/reconcile', t.hrA, undefined, {
      'if-match': 'W/"1"',
    });
    expect([response.statusCode, response.headers.etag]).toEqual([200, 'W/"1"']);
    expect(response.json()).toEqual({
      cycleId: 'rc-2026',
      revision: '1',
      started: [{ nip: NEW1, unitId: 'sd-3' }],
      transferred: [{ nip: GURU2, fromUnitId: 'sd-3', toUnitId: 'bidang-sd' }],
      ended: [{ nip: GURU1, unitId: 'sd-3' }],
      raterChanged: [
        { nip: KEPSEK, fromRaterNip: KABID, toRaterNip: PLT, raterSupervisorNip: KADIS },
        { nip: GURU2, fromRaterNip: KEPSEK, toRaterNip: KABID, raterSupervisorNip: KADIS },
      ],
      refused: [],
      // KABID's rater KADIS heads the agency's root unit and has no rater: nobody approves KABID's rating
      withoutRater: [],
      withoutRaterSupervisor: [KABID],
    });
    expect(await h.countEvents()).toBe(before + 5);

    const read = async (nip: string) =>
      (await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName('rc-2026', nip))).map((e) => ({
        type: e.type,
        data: e.data,
        reason: e.metadata.reason,
      }));
    expect(await read(NEW1)).toEqual([
      expect.objectContaining({
        type: 'AppraisalStarted.v1',
        data: expect.objectContaining({ reason: 'JOINED_MID_CYCLE', unitId: 'sd-3', raterNip: KEPSEK }),
      }),
    ]);
    expect((await read(GURU2)).slice(1)).toEqual([
      expect.objectContaining({ type: 'AppraisalTransferred.v1', reason: 'moved from sd-3 to bidang-sd' }),
      expect.objectContaining({ type: 'RaterChanged.v1', data: expect.objectContaining({ toRaterNip: KABID }) }),
    ]);
    expect((await read(GURU1)).at(-1)).toMatchObject({ type: 'AppraisalEnded.v1' });

    const ended = await c.eventually<{ items: { nip: string }[] }>(
      '/api/v1/cycles/rc-2026/appraisals?status=ENDED',
      t.hrA,
      (p) => p.items.length === 1,
    );
    expect(ended.items.map((a) => a.nip)).toEqual([GURU1]);
  });

  it('run again, it changes nothing and writes nothing', async () => {
    await c.eventually<{ items: unknown[] }>('/api/v1/cycles/rc-2026/appraisals', t.hrA, (p) => p.items.length === 5);
    const before = await h.countEvents();
    const again = await c.send('POST', '/api/v1/cycles/rc-2026/reconcile', t.admin);
    expect(again.json()).toMatchObject({ started: [], transferred: [], ended: [], raterChanged: [], refused: [] });
    expect(await h.countEvents()).toBe(before);
  });

  it('after the assessment a joiner is refused with the reason, nothing written', async () => {
    await c.advance('rc-2026', t.hrA, 'ASSESSMENT', 'DETERMINATION');
    await c.ok('POST', '/api/v1/employees', t.hrA, newEmployee(NEW2));
    await lineEventually(h, t.hrA, NEW2, (l) => l.rater?.nip === KEPSEK);
    await employeeEventually(NEW2, 'sd-3');
    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles/rc-2026/reconcile', t.hrA);
    expect(response.json()).toMatchObject({
      started: [],
      refused: [{ nip: NEW2, code: 'WRONG_CYCLE_PHASE', message: expect.stringContaining('too late') }],
    });
    expect(await h.countEvents()).toBe(before);
  });
});
