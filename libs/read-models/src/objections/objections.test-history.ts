// Test-only: the appraisal year of appraisals.test-history.ts (where G4A's keb-1 is decided CHANGED), then a
// keberatan season in January 2027 (WIT), for the objections queue and the inbox:
//   keb-2  G3A, to KABID: both statements requested, the rater's given, the employee's left to lapse; open.
//   keb-3  G3B, recorded by HR from a letter, to KABID; withdrawn.
//   keb-4  KABID (no atasan pejabat penilai above his rater): unassigned; he is then transferred to the dinas.
//   keb-5  KEPSEK4, to KADIS: decided UPHELD after the deadline (overdue).
//   keb-s1 another agency's (kab-sorong) employee: unassigned.
import { appraisalStreamName, type AppraisalEvent } from '../../../appraisal/src/appraisal/appraisal-events.js';
import type { StatementParty } from '../../../appraisal/src/objection/objection-events.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { decisionDeadline, objectionDeadline, statementDeadline } from '../../../policy/src/deadlines.js';
import {
  buildHistory as buildAppraisalYear,
  CYCLE,
  G3A,
  G3B,
  KABID,
  KADIS,
  KEPSEK3,
  KEPSEK4,
  SORONG,
  type HistoryEntry,
} from '../appraisals/appraisals.test-history.js';

export * from '../appraisals/appraisals.test-history.js';

export const SORONG_AGENCY = 'kab-sorong';
export const SORONG_NIP = '198601012012011001';
const TZ = 'Asia/Jayapura';
const SANGAT_BAIK = {
  hasilKerja: 'DI_ATAS_EKSPEKTASI',
  perilaku: 'DI_ATAS_EKSPEKTASI',
  predikat: 'SANGAT_BAIK',
} as const;

/** When each keberatan was filed: the queue lists them in this order. */
export const FILED = {
  'keb-5': '2027-01-05T01:00:00.000Z',
  'keb-2': '2027-01-08T02:00:00.000Z',
  'keb-3': '2027-01-08T03:00:00.000Z',
  'keb-4': '2027-01-09T01:00:00.000Z',
  'keb-s1': '2027-01-09T02:00:00.000Z',
} as const;

export function buildObjectionHistory(): HistoryEntry[] {
  const entries = buildAppraisalYear();
  const add = (cycleId: string, nip: string, event: AppraisalEvent, occurredAt: string) =>
    entries.push({ stream: appraisalStreamName(cycleId, nip), event, occurredAt });
  const file = (
    nip: string,
    objectionId: keyof typeof FILED,
    deciderNip: string | null,
    extra: { recordedByHr?: boolean; cycleId?: string } = {},
  ) => {
    const filedAt = FILED[objectionId];
    add(
      extra.cycleId ?? CYCLE,
      nip,
      {
        type: 'ObjectionFiled.v1',
        data: {
          objectionId,
          filedByNip: extra.recordedByHr ? null : nip,
          recordedByHr: extra.recordedByHr ?? false,
          letterReceivedOn: extra.recordedByHr ? filedAt.slice(0, 10) : null,
          letterScanSha256: extra.recordedByHr ? 'a'.repeat(64) : null,
          reasons: 'Bukti realisasi belum dipertimbangkan',
          items: [{ kind: 'HASIL_KERJA_RATING' }],
          evidence: [],
          ratingVersion: 1,
          deciderNip,
          window: objectionDeadline(DEFAULT_POLICY, '2027-01-04T02:00:00.000Z', TZ),
          decisionDue: decisionDeadline(DEFAULT_POLICY, filedAt, TZ),
          filedAt,
        },
      },
      filedAt,
    );
  };
  const request = (nip: string, objectionId: string, party: StatementParty, partyNip: string, by: string, at: string) =>
    add(
      CYCLE,
      nip,
      {
        type: 'ObjectionStatementRequested.v1',
        data: {
          objectionId,
          party,
          partyNip,
          requestedByNip: by,
          due: statementDeadline(DEFAULT_POLICY, at, TZ),
          requestedAt: at,
        },
      },
      at,
    );

  file(KEPSEK4, 'keb-5', KADIS);
  file(G3A, 'keb-2', KABID);
  file(G3B, 'keb-3', KABID, { recordedByHr: true });
  file(KABID, 'keb-4', null);
  add(
    SORONG,
    SORONG_NIP,
    {
      type: 'AppraisalStarted.v1',
      data: {
        cycleId: SORONG,
        nip: SORONG_NIP,
        agencyId: SORONG_AGENCY,
        unitId: 'dinas-sorong',
        jobType: 'FUNGSIONAL',
        raterNip: null,
        raterSupervisorNip: null,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        timeZone: TZ,
        frameworkRef: null,
        policyRef: { scope: 'national', version: 1 },
        policy: DEFAULT_POLICY,
        reason: 'CYCLE_OPENED',
        startedAt: '2027-01-09T01:30:00.000Z',
      },
    },
    '2027-01-09T01:30:00.000Z',
  );
  file(SORONG_NIP, 'keb-s1', null, { cycleId: SORONG });
  request(G3A, 'keb-2', 'RATER', KEPSEK3, KABID, '2027-01-11T02:00:00.000Z');
  request(G3A, 'keb-2', 'EMPLOYEE', G3A, KABID, '2027-01-11T02:05:00.000Z');
  add(
    CYCLE,
    G3A,
    {
      type: 'ObjectionStatementGiven.v1',
      data: {
        objectionId: 'keb-2',
        party: 'RATER',
        givenByNip: KEPSEK3,
        statement: 'Penilaian sesuai bukti',
        evidence: [],
        givenAt: '2027-01-12T02:00:00.000Z',
      },
    },
    '2027-01-12T02:00:00.000Z',
  );
  add(
    CYCLE,
    G3B,
    {
      type: 'ObjectionWithdrawn.v1',
      data: { objectionId: 'keb-3', reason: 'Sudah diklarifikasi', withdrawnAt: '2027-01-13T01:00:00.000Z' },
    },
    '2027-01-13T01:00:00.000Z',
  );
  // KABID moves to the dinas while his objection is open: the queue shows it under the new unit.
  add(
    CYCLE,
    KABID,
    {
      type: 'AppraisalTransferred.v1',
      data: { fromUnitId: 'bidang-sd', toUnitId: 'dinas', reason: 'Mutasi', transferredAt: '2027-01-14T01:00:00.000Z' },
    },
    '2027-01-14T01:00:00.000Z',
  );
  request(KEPSEK4, 'keb-5', 'RATER', KABID, KADIS, '2027-01-06T01:00:00.000Z');
  request(KEPSEK4, 'keb-5', 'EMPLOYEE', KEPSEK4, KADIS, '2027-01-06T01:05:00.000Z');
  add(
    CYCLE,
    KEPSEK4,
    {
      type: 'ObjectionDecided.v1',
      data: {
        objectionId: 'keb-5',
        outcome: 'UPHELD',
        reasons: 'Penilaian didukung bukti',
        decidedByNip: KADIS,
        before: SANGAT_BAIK,
        after: SANGAT_BAIK,
        recommendations: [],
        overdue: true,
        decidedAt: '2027-01-25T01:00:00.000Z',
      },
    },
    '2027-01-25T01:00:00.000Z',
  );
  return entries;
}
