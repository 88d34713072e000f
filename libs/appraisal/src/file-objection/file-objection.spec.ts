import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { decisionDeadline, objectionDeadline } from '../../../policy/src/deadlines.js';
import { NIP, RATER, base, started } from '../appraisal/appraisal-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { approved, published } from '../assessment-fixtures.js';
import type { FileObjection } from '../objection/objection-commands.js';
import {
  FILED_AT,
  LAST_MOMENT,
  PUBLISHED_AT,
  TZ,
  WINDOW_CLOSED,
  filed,
  items,
  linkEvidence,
  publishedAndReceived,
  upheld,
} from '../objection/objection-fixtures.js';
import { fileObjectionDecider } from './file-objection.js';

const spec = specFor(fileObjectionDecider);
const file = (
  overrides: Partial<FileObjection['data']> = {},
  now = FILED_AT,
  actorNip: string | null = NIP,
): FileObjection => ({
  type: 'FileObjection',
  ...base(actorNip, 'PUBLISHED', now),
  data: {
    objectionId: 'obj-1',
    reasons: 'Realisasi IKI-1 melebihi target; bukti terlampir',
    items: items(),
    evidence: [linkEvidence()],
    ...overrides,
  },
});

describe('file an objection (keberatan)', () => {
  it('given a received result, when the employee files in time, then ObjectionFiled to the atasan pejabat penilai with the decision due date', () => {
    spec.given(publishedAndReceived()).when(file()).then([filed()]);
  });

  it('given a WIT agency, when filed at 23:59:59 local time on the last day, then it is in time', () => {
    spec
      .given(publishedAndReceived())
      .when(file({}, LAST_MOMENT))
      .then([filed({ filedAt: LAST_MOMENT, decisionDue: decisionDeadline(DEFAULT_POLICY, LAST_MOMENT, TZ) })]);
  });

  it('given a WIT agency, when filed at 00:00 local time after the last day (still that day in UTC), then 422 with the deadline and zone', () => {
    const error = spec
      .given(publishedAndReceived())
      .when(file({}, WINDOW_CLOSED))
      .thenThrows('OBJECTION_WINDOW_CLOSED', 'unprocessable');
    expect(error.message).toContain('2027-01-18');
    expect(error.message).toContain('Asia/Jayapura (WIT)');
  });

  it('given a result never acknowledged, then the window counts from publication', () => {
    const history = [...approved(), published({ publishedAt: PUBLISHED_AT })];
    const window = objectionDeadline(DEFAULT_POLICY, PUBLISHED_AT, TZ);
    spec
      .given(history)
      .when(file())
      .then([filed({ window })]);
    spec.given(history).when(file({}, window.closesAt)).thenThrows('OBJECTION_WINDOW_CLOSED');
  });

  it('given no published result, then RESULT_NOT_PUBLISHED', () => {
    spec.given(approved()).when(file()).thenThrows('RESULT_NOT_PUBLISHED', 'conflict');
  });

  it('given the cycle is still in determination, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(publishedAndReceived())
      .when({ ...file(), cyclePhase: 'DETERMINATION' })
      .thenThrows('WRONG_CYCLE_PHASE');
  });

  it('given a closed cycle and an open window, then the employee may still file', () => {
    spec
      .given(publishedAndReceived())
      .when({ ...file(), cyclePhase: 'CLOSED' })
      .then([filed()]);
  });

  it('when someone else (the rater) files, then NOT_ASSIGNED', () => {
    spec
      .given(publishedAndReceived())
      .when(file({}, FILED_AT, RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an open objection, when a second is filed, then OBJECTION_ALREADY_OPEN', () => {
    spec
      .given([...publishedAndReceived(), filed()])
      .when(file({ objectionId: 'obj-2' }))
      .thenThrows('OBJECTION_ALREADY_OPEN', 'conflict');
  });

  it('given a decided objection, when another is filed, then OBJECTION_ALREADY_DECIDED (the decision is final)', () => {
    spec
      .given([...publishedAndReceived(), filed(), upheld(FILED_AT)])
      .when(file({ objectionId: 'obj-2' }))
      .thenThrows('OBJECTION_ALREADY_DECIDED', 'conflict');
  });

  it('given a withdrawn objection and an open window, then the employee may file again (withdrawal is no decision)', () => {
    const withdrawn: AppraisalEvent = {
      type: 'ObjectionWithdrawn.v1',
      data: { objectionId: 'obj-1', reason: 'Akan diajukan ulang dengan bukti lengkap', withdrawnAt: FILED_AT },
    };
    spec
      .given([...publishedAndReceived(), filed(), withdrawn])
      .when(file({ objectionId: 'obj-2' }))
      .then([filed({ objectionId: 'obj-2' })]);
    spec
      .given([...publishedAndReceived(), filed(), withdrawn])
      .when(file({ objectionId: 'obj-1' }))
      .thenThrows('OBJECTION_ID_TAKEN', 'conflict');
  });

  it('when the reasons are blank, then TEXT_REQUIRED', () => {
    spec
      .given(publishedAndReceived())
      .when(file({ reasons: '  ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('when items name nothing, something twice, or what the published rating lacks, then OBJECTION_ITEMS_INVALID naming each', () => {
    spec
      .given(publishedAndReceived())
      .when(file({ items: [] }))
      .thenThrows('OBJECTION_ITEMS_INVALID');
    const error = spec
      .given(publishedAndReceived())
      .when(
        file({
          items: [
            { kind: 'PERILAKU_RATING' },
            { kind: 'PERILAKU_RATING' },
            { kind: 'REALISATION', rhkId: 'rhk-1', ikiId: 'iki-9' },
            { kind: 'COMPETENCY_LEVEL', competencyCode: 'PEDAGOGIK' },
          ],
        }),
      )
      .thenThrows('OBJECTION_ITEMS_INVALID', 'invalid');
    expect(error.details?.map((d) => d.field)).toEqual(['items[1]', 'items[2]', 'items[3]']);
  });

  it('when items name a realisation and a competency level of the published rating, then they are accepted', () => {
    const named = [
      { kind: 'REALISATION' as const, rhkId: 'rhk-1', ikiId: 'iki-1' },
      { kind: 'COMPETENCY_LEVEL' as const, competencyCode: 'KERJA_SAMA' },
    ];
    spec
      .given(publishedAndReceived())
      .when(file({ items: named }))
      .then([filed({ items: named })]);
  });

  it('when evidence is malformed, then INVALID_EVIDENCE naming the field', () => {
    const error = spec
      .given(publishedAndReceived())
      .when(file({ evidence: [linkEvidence(), { ...linkEvidence(), url: 'ftp://x' }] }))
      .thenThrows('INVALID_EVIDENCE', 'invalid');
    expect(error.details?.[0]?.field).toBe('evidence[1].url');
  });

  it('given the line has no atasan pejabat penilai, then the objection is filed unassigned', () => {
    const history = [started({ raterSupervisorNip: null }), ...publishedAndReceived().slice(1)];
    spec
      .given(history)
      .when(file())
      .then([filed({ deciderNip: null })]);
  });
});
