// Names and HR filters on appraisal reads (issue 11): the rows of GET /cycles/{id}/appraisals and the appraisal
// view carry the employee's, rater's and rater's supervisor's names from the employee directory (the appraisal
// keeps NIPs; a rename shows), and HR narrows the rows by plan status, rating status, predikat, dialogue and
// conflict-of-interest flags.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appraisalStreamName, type AppraisalEvent } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  CYCLE,
  NIPS,
  append,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';

const LIST = `/api/v1/cycles/${CYCLE}/appraisals`;
const NAMES = {
  [NIPS.GURU1]: 'Siti Rahayu, S.Pd.',
  [NIPS.KEPSEK]: 'Maria Mandacan, S.Pd.',
  [NIPS.KABID]: 'Drs. Yohanis Rumbiak, M.Pd.',
};

interface Row {
  nip: string;
  name: string | null;
  raterNip: string | null;
  raterName: string | null;
  raterSupervisorNip: string | null;
  raterSupervisorName: string | null;
  planStatus: string;
  ratingStatus: string | null;
  forDialogue: boolean;
  conflictOfInterest: boolean;
}

describe('names and filters on appraisal reads', () => {
  let h: ApiHarness;
  let t: Tokens;

  const rename = (nip: string, name: string) =>
    ok(h, 'PUT', `/api/v1/employees/${nip}/name`, t.hrA, { name, reason: 'e2e: nama sesuai SK' });
  const rows = async (query: string, token = t.hrA) =>
    ((await ok(h, 'GET', `${LIST}?${query}`, token)).body as { items: Row[] }).items;
  const nipsOf = async (query: string, token = t.hrA) => (await rows(query, token)).map((r) => r.nip);
  /** The read models follow the events: poll until the rows match. */
  const eventuallyRows = (query: string, ready: (items: Row[]) => boolean, token = t.hrA) =>
    h.eventually(async () => {
      const items = await rows(query, token);
      return ready(items) ? items : undefined;
    });

  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    t = await tokensFor(h);
    await buildOrganization(h, t);
    for (const [nip, name] of Object.entries(NAMES)) await rename(nip, name);
    await openCycle(h);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('names', () => {
    it("rows carry the employee's, rater's and rater's supervisor's names beside their NIPs", async () => {
      const items = await eventuallyRows('unitId=sd-3', (list) => list.some((r) => r.nip === NIPS.GURU1));
      expect(items.find((r) => r.nip === NIPS.GURU1)).toMatchObject({
        nip: NIPS.GURU1,
        name: 'Siti Rahayu, S.Pd.',
        raterNip: NIPS.KEPSEK,
        raterName: 'Maria Mandacan, S.Pd.',
        raterSupervisorNip: NIPS.KABID,
        raterSupervisorName: 'Drs. Yohanis Rumbiak, M.Pd.',
      });
      // A rater reads the same names on their own rows.
      expect((await rows('raterNip=' + NIPS.KEPSEK, t.kepsek)).find((r) => r.nip === NIPS.GURU1)).toMatchObject({
        raterName: 'Maria Mandacan, S.Pd.',
      });
    });

    it('the appraisal view carries the three names; the appraisal itself keeps NIPs only', async () => {
      const { body } = await ok(h, 'GET', appraisalUrl(NIPS.GURU1), t.guru1);
      expect(body).toMatchObject({
        nip: NIPS.GURU1,
        name: 'Siti Rahayu, S.Pd.',
        raterNip: NIPS.KEPSEK,
        raterName: 'Maria Mandacan, S.Pd.',
        raterSupervisorNip: NIPS.KABID,
        raterSupervisorName: 'Drs. Yohanis Rumbiak, M.Pd.',
      });
      const events = (await ok(h, 'GET', `${appraisalUrl(NIPS.GURU1)}/events`, t.auditor)).body as {
        items: unknown[];
      };
      expect(JSON.stringify(events.items)).not.toContain('Maria Mandacan');
    });

    it('a rename (EmployeeRenamed) shows in the rows and the view without touching the appraisal', async () => {
      const before = (await h.api.infrastructure.eventStore.readStream(appraisalStreamName(CYCLE, NIPS.GURU1))).length;
      await rename(NIPS.KEPSEK, 'Maria Mandacan-Rumbiak, S.Pd., M.Pd.');
      const renamed = await eventuallyRows(`raterNip=${NIPS.KEPSEK}`, (items) =>
        items.every((r) => r.raterName === 'Maria Mandacan-Rumbiak, S.Pd., M.Pd.'),
      );
      expect(renamed.map((r) => r.nip)).toContain(NIPS.GURU1);
      // KEPSEK's own row names them as the employee.
      expect((await rows(`raterNip=${NIPS.KABID}`)).find((r) => r.nip === NIPS.KEPSEK)?.name).toBe(
        'Maria Mandacan-Rumbiak, S.Pd., M.Pd.',
      );
      const { body } = await ok(h, 'GET', appraisalUrl(NIPS.GURU1), t.guru1);
      expect(body.raterName).toBe('Maria Mandacan-Rumbiak, S.Pd., M.Pd.');
      const after = (await h.api.infrastructure.eventStore.readStream(appraisalStreamName(CYCLE, NIPS.GURU1))).length;
      expect(after).toBe(before);
    });
  });

  describe('HR filters', () => {
    const at = new Date().toISOString();
    const planned = (status: 'SUBMITTED' | 'APPROVED'): AppraisalEvent[] => [
      { type: 'RhkDrafted.v1', data: { ...guruRhk('rhk-1', 'iki-1'), draftedAt: at } } as AppraisalEvent,
      { type: 'PlanSubmitted.v1', data: { submittedAt: at } },
      ...(status === 'APPROVED'
        ? [{ type: 'PlanApproved.v1', data: { approvedByNip: NIPS.KEPSEK, approvedAt: at } } as AppraisalEvent]
        : []),
    ];
    const rated = (predikat: 'BAIK' | 'SANGAT_BAIK', flags: { forDialogue?: boolean; coi?: string[] } = {}) =>
      ({
        type: 'SupervisorRatingSubmitted.v1',
        data: {
          version: 1,
          raterNip: NIPS.KEPSEK,
          realisations: [],
          hasilKerja: predikat === 'BAIK' ? 'SESUAI_EKSPEKTASI' : 'DI_ATAS_EKSPEKTASI',
          perilaku: predikat === 'BAIK' ? 'SESUAI_EKSPEKTASI' : 'DI_ATAS_EKSPEKTASI',
          predikat,
          valueNotes: [],
          competencyLevels: [],
          justification: predikat === 'BAIK' ? null : 'melampaui target',
          evidenceIds: [],
          conflictOfInterestDeclarationIds: flags.coi ?? [],
          forDialogue: flags.forDialogue ?? false,
          submittedAt: at,
        },
      }) as AppraisalEvent;
    const approved = (predikat: 'BAIK' | 'SANGAT_BAIK') =>
      ({
        type: 'RatingApproved.v1',
        data: { version: 1, predikat, approvedByNip: NIPS.KABID, approvedAt: at },
      }) as AppraisalEvent;

    beforeAll(async () => {
      // The states the filters pick out, set up as the plan and rating routes would leave them.
      await append(h, appraisalStreamName(CYCLE, NIPS.GURU1), planned('SUBMITTED'));
      await append(h, appraisalStreamName(CYCLE, NIPS.GURU2), [
        ...planned('APPROVED'),
        rated('BAIK', { forDialogue: true }),
      ]);
      await append(h, appraisalStreamName(CYCLE, NIPS.GURU3), [
        ...planned('APPROVED'),
        rated('BAIK', { coi: ['coi-1'] }),
        approved('BAIK'),
      ]);
      await append(h, appraisalStreamName(CYCLE, NIPS.GURU4), [
        ...planned('APPROVED'),
        rated('SANGAT_BAIK'),
        approved('SANGAT_BAIK'),
      ]);
      await eventuallyRows('predikat=SANGAT_BAIK', (items) => items.length === 1);
    });

    it.each([
      ['planStatus=SUBMITTED', [NIPS.GURU1]],
      ['planStatus=APPROVED', [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4]],
      ['unitId=sd-3&ratingStatus=NOT_RATED', [NIPS.KEPSEK, NIPS.GURU1, NIPS.GURU5]],
      ['ratingStatus=SUBMITTED', [NIPS.GURU2]],
      ['ratingStatus=APPROVED', [NIPS.GURU3, NIPS.GURU4]],
      ['predikat=BAIK', [NIPS.GURU3]],
      ['forDialogue=true', [NIPS.GURU2]],
      ['conflictOfInterest=true', [NIPS.GURU3]],
      ['unitId=sd-3&forDialogue=false&conflictOfInterest=false&ratingStatus=APPROVED', [NIPS.GURU4]],
      ['planStatus=APPROVED&ratingStatus=APPROVED&predikat=SANGAT_BAIK', [NIPS.GURU4]],
      ['planStatus=APPROVED&limit=2', [NIPS.GURU2, NIPS.GURU3]],
    ])('%s', async (query, expected) => {
      expect(await nipsOf(query)).toEqual([...expected].sort());
    });

    it("a rater's filtered rows stay within their own reports", async () => {
      expect(await nipsOf('forDialogue=true', t.kepsek)).toEqual([NIPS.GURU2]);
      expect(await nipsOf('forDialogue=true', t.kepsek2)).toEqual([]);
    });

    it.each([
      ['planStatus=DONE', 'query.planStatus'],
      ['ratingStatus=PENDING', 'query.ratingStatus'],
      ['predikat=LUAR_BIASA', 'query.predikat'],
      ['forDialogue=yes', 'query.forDialogue'],
      ['conflictOfInterest=1', 'query.conflictOfInterest'],
      ['dialogue=true', 'query.dialogue'],
    ])('%s is 400 VALIDATION_FAILED and writes nothing', async (query, field) => {
      const before = await h.countEvents();
      const sent = await send(h, 'GET', `${LIST}?${query}`, t.hrA);
      expect(sent.status).toBe(400);
      expect(sent.body.code).toBe('VALIDATION_FAILED');
      const fields = (sent.body.details as { field: string }[]).map((d) => d.field.replace(/^(?!query\.)/, 'query.'));
      expect(fields).toContain(field);
      expect(await h.countEvents()).toBe(before);
    });
  });
});
