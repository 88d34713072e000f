// Events and commands for the keberatan specs (test-only): a result published and received in a WIT agency.
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { objectionDeadline, decisionDeadline, statementDeadline } from '../../../policy/src/deadlines.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { NIP, RATER, RATER_SUPERVISOR } from '../appraisal/appraisal-fixtures.js';
import { approved, published } from '../assessment-fixtures.js';
import type { ObjectedItem, ObjectionEvent, StatementParty } from './objection-events.js';

export const PUBLISHED_AT = '2027-01-04T01:00:00.000Z';
/** 23:30 on 2027-01-04 in Manokwari (WIT, UTC+9): day 0 of the window; its last day is 2027-01-18. */
export const RECEIVED_AT = '2027-01-04T14:30:00.000Z';
export const TZ = 'Asia/Jayapura';
/** 23:59:59 WIT on the last day, and the first instant after it (still 2027-01-18 in UTC). */
export const LAST_MOMENT = '2027-01-18T14:59:59.000Z';
export const WINDOW_CLOSED = '2027-01-18T15:00:00.000Z';
export const FILED_AT = '2027-01-08T02:00:00.000Z';
export const HR_NIP = '198001012005011007';

export const items = (): ObjectedItem[] => [{ kind: 'HASIL_KERJA_RATING' }];
export const linkEvidence = () => ({
  kind: 'LINK' as const,
  url: 'https://drive.example.go.id/laporan-kegiatan',
  file: null,
  description: 'Laporan kegiatan semester II',
});

/** An approved BAIK rating, published and acknowledged by the employee. */
export const publishedAndReceived = (): AppraisalEvent[] => [
  ...approved(),
  published({ publishedAt: PUBLISHED_AT, recommendations: [{ kind: 'COACHING', predikat: 'BAIK' }] }),
  {
    type: 'ResultReceived.v1',
    data: { receivedAt: RECEIVED_AT, objectionDeadline: objectionDeadline(DEFAULT_POLICY, RECEIVED_AT, TZ) },
  },
];

export const filed = (
  overrides: Partial<Extract<ObjectionEvent, { type: 'ObjectionFiled.v1' }>['data']> = {},
): AppraisalEvent => ({
  type: 'ObjectionFiled.v1',
  data: {
    objectionId: 'obj-1',
    filedByNip: NIP,
    recordedByHr: false,
    letterReceivedOn: null,
    letterScanSha256: null,
    reasons: 'Realisasi IKI-1 melebihi target; bukti terlampir',
    items: items(),
    evidence: [linkEvidence()],
    ratingVersion: 1,
    deciderNip: RATER_SUPERVISOR,
    window: objectionDeadline(DEFAULT_POLICY, RECEIVED_AT, TZ),
    decisionDue: decisionDeadline(DEFAULT_POLICY, FILED_AT, TZ),
    filedAt: FILED_AT,
    ...overrides,
  },
});

export const REQUESTED_AT = '2027-01-11T02:00:00.000Z'; // a Monday: 5 working days end on Monday 2027-01-18

export const statementRequested = (party: StatementParty, at = REQUESTED_AT): AppraisalEvent => ({
  type: 'ObjectionStatementRequested.v1',
  data: {
    objectionId: 'obj-1',
    party,
    partyNip: party === 'RATER' ? RATER : NIP,
    requestedByNip: RATER_SUPERVISOR,
    due: statementDeadline(DEFAULT_POLICY, at, TZ),
    requestedAt: at,
  },
});

export const statementGiven = (party: StatementParty, at = '2027-01-12T02:00:00.000Z'): AppraisalEvent => ({
  type: 'ObjectionStatementGiven.v1',
  data: {
    objectionId: 'obj-1',
    party,
    givenByNip: party === 'RATER' ? RATER : NIP,
    statement: party === 'RATER' ? 'Penilaian sesuai bukti yang ada' : 'Bukti tambahan terlampir',
    evidence: [],
    givenAt: at,
  },
});

const SESUAI_BAIK = { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' } as const;

/** obj-1 decided UPHELD by the rater's supervisor (the default result, SESUAI/SESUAI = BAIK, stands). */
export const upheld = (decidedAt = '2027-01-14T02:00:00.000Z'): AppraisalEvent => ({
  type: 'ObjectionDecided.v1',
  data: {
    objectionId: 'obj-1',
    outcome: 'UPHELD',
    reasons: 'Penilaian didukung bukti',
    decidedByNip: RATER_SUPERVISOR,
    before: SESUAI_BAIK,
    after: SESUAI_BAIK,
    recommendations: [],
    overdue: false,
    decidedAt,
  },
});

/** Filed, both statements requested and given: ready to decide. */
export const readyToDecide = (): AppraisalEvent[] => [
  ...publishedAndReceived(),
  filed(),
  statementRequested('RATER'),
  statementRequested('EMPLOYEE'),
  statementGiven('RATER'),
  statementGiven('EMPLOYEE'),
];
