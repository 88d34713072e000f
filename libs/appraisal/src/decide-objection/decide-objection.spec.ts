import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, RATER_SUPERVISOR, base } from '../appraisal/appraisal-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import type { DecideObjection } from '../objection/objection-commands.js';
import {
  filed,
  publishedAndReceived,
  readyToDecide,
  statementGiven,
  statementRequested,
} from '../objection/objection-fixtures.js';
import { decideObjectionDecider } from './decide-objection.js';

const spec = specFor(decideObjectionDecider);
const DECIDED_AT = '2027-01-20T02:00:00.000Z';
const SESUAI_BAIK = { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' } as const;
const decide = (
  overrides: Partial<DecideObjection['data']> = {},
  now = DECIDED_AT,
  actorNip: string | null = RATER_SUPERVISOR,
): DecideObjection => ({
  type: 'DecideObjection',
  ...base(actorNip, 'PUBLISHED', now),
  data: {
    objectionId: 'obj-1',
    outcome: 'UPHELD',
    reasons: 'Penilaian didukung bukti yang cukup',
    hasilKerja: null,
    perilaku: null,
    ...overrides,
  },
});
const decidedEvent = (data: Partial<Extract<AppraisalEvent, { type: 'ObjectionDecided.v1' }>['data']>) => ({
  type: 'ObjectionDecided.v1' as const,
  data: {
    objectionId: 'obj-1',
    outcome: 'UPHELD' as const,
    reasons: 'Penilaian didukung bukti yang cukup',
    decidedByNip: RATER_SUPERVISOR,
    before: SESUAI_BAIK,
    after: SESUAI_BAIK,
    recommendations: [{ kind: 'COACHING' as const, predikat: 'BAIK' as const }],
    overdue: false,
    decidedAt: DECIDED_AT,
    ...data,
  },
});

describe('decide an objection (final)', () => {
  it('given both statements given, when the decider upholds, then ObjectionDecided UPHELD with the result unchanged', () => {
    spec
      .given(readyToDecide())
      .when(decide())
      .then([decidedEvent({})]);
  });

  it('when the decider changes the ratings, then the predikat comes from the pinned matrix and follow-ups follow it', () => {
    spec
      .given(readyToDecide())
      .when(decide({ outcome: 'CHANGED', hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' }))
      .then([
        decidedEvent({
          outcome: 'CHANGED',
          after: { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' },
          recommendations: [{ kind: 'TALENT_POOL', predikat: 'SANGAT_BAIK', nineBox: null }],
        }),
      ]);
  });

  it('given a CHANGED decision, then the folded published result carries the new ratings', () => {
    const history = [
      ...readyToDecide(),
      decidedEvent({
        outcome: 'CHANGED',
        after: { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
      }),
    ];
    const state = history.reduce(decideObjectionDecider.evolve, decideObjectionDecider.initialState());
    expect(state.status === 'active' && state.publication?.hasilKerja).toBe('DI_ATAS_EKSPEKTASI');
    expect(state.status === 'active' && state.objections[0]?.status).toBe('DECIDED');
  });

  it('when CHANGED names the published ratings again, then DECISION_CHANGES_NOTHING', () => {
    spec
      .given(readyToDecide())
      .when(decide({ outcome: 'CHANGED', hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' }))
      .thenThrows('DECISION_CHANGES_NOTHING', 'invalid');
  });

  it('when CHANGED lacks a rating, then INVALID_RATING; when UPHELD sends ratings, then RATINGS_NOT_ALLOWED', () => {
    spec
      .given(readyToDecide())
      .when(decide({ outcome: 'CHANGED', hasilKerja: 'DI_ATAS_EKSPEKTASI' }))
      .thenThrows('INVALID_RATING');
    spec
      .given(readyToDecide())
      .when(decide({ perilaku: 'DI_ATAS_EKSPEKTASI' }))
      .thenThrows('RATINGS_NOT_ALLOWED');
  });

  it('given a statement was never requested, then STATEMENTS_NOT_REQUESTED naming the party', () => {
    const error = spec
      .given([...publishedAndReceived(), filed(), statementRequested('RATER'), statementGiven('RATER')])
      .when(decide())
      .thenThrows('STATEMENTS_NOT_REQUESTED', 'conflict');
    expect(error.message).toContain('EMPLOYEE');
  });

  it('given a requested statement neither given nor lapsed, then STATEMENT_PENDING with its last day', () => {
    const error = spec
      .given([
        ...publishedAndReceived(),
        filed(),
        statementRequested('RATER'),
        statementRequested('EMPLOYEE'),
        statementGiven('EMPLOYEE'),
      ])
      .when(decide({}, '2027-01-18T14:59:59.000Z'))
      .thenThrows('STATEMENT_PENDING', 'conflict');
    expect(error.message).toBe('waiting for statements: RATER (until 2027-01-18)');
  });

  it('given an unanswered request past its deadline (lapsed), then the decision goes ahead', () => {
    spec
      .given([
        ...publishedAndReceived(),
        filed(),
        statementRequested('RATER'),
        statementRequested('EMPLOYEE'),
        statementGiven('EMPLOYEE'),
      ])
      .when(decide({}, '2027-01-18T15:00:00.000Z'))
      .then([decidedEvent({ decidedAt: '2027-01-18T15:00:00.000Z' })]);
  });

  it('when decided after the decision deadline, then it is taken and marked overdue', () => {
    // Filed 2027-01-08 (WIT), 14 calendar days: due by the end of 2027-01-22 local time.
    spec
      .given(readyToDecide())
      .when(decide({}, '2027-01-22T15:00:00.000Z'))
      .then([decidedEvent({ overdue: true, decidedAt: '2027-01-22T15:00:00.000Z' })]);
  });

  it('when someone who is not the decider decides (the rater, the employee), then NOT_ASSIGNED', () => {
    spec
      .given(readyToDecide())
      .when(decide({}, DECIDED_AT, RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
    spec
      .given(readyToDecide())
      .when(decide({}, DECIDED_AT, NIP))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an unassigned objection, then OBJECTION_UNASSIGNED', () => {
    spec
      .given([...publishedAndReceived(), filed({ deciderNip: null })])
      .when(decide())
      .thenThrows('OBJECTION_UNASSIGNED', 'conflict');
  });

  it('given a decided objection, when decided again, then OBJECTION_NOT_OPEN', () => {
    spec
      .given([...readyToDecide(), decidedEvent({})])
      .when(decide())
      .thenThrows('OBJECTION_NOT_OPEN', 'conflict');
  });

  it('given no such objection, then OBJECTION_NOT_FOUND', () => {
    spec
      .given(readyToDecide())
      .when(decide({ objectionId: 'obj-9' }))
      .thenThrows('OBJECTION_NOT_FOUND', 'not_found');
  });
});
