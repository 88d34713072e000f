import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { Rating } from '../../../policy/src/policy.js';
import type { SubmitSelfAssessment } from '../appraisal/appraisal-commands.js';
import { NIP, RATER, appraisalEnded, base, rhkDrafted, submittedPlan } from '../appraisal/appraisal-fixtures.js';
import {
  LATER,
  allValues,
  assessable,
  rated,
  ratingApproved,
  selfAssessed,
  selfAssessmentData,
} from '../assessment-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { submitSelfAssessmentDecider } from './submit-self-assessment.js';

const spec = specFor(submitSelfAssessmentDecider);
const submit = (
  data: Partial<SubmitSelfAssessment['data']> = {},
  actorNip: string | null = NIP,
  phase: SubmitSelfAssessment['cyclePhase'] = 'ASSESSMENT',
): SubmitSelfAssessment => ({
  type: 'SubmitSelfAssessment',
  ...base(actorNip, phase, LATER),
  data: selfAssessmentData(data),
});

describe('submit a self-assessment', () => {
  it('given an approved plan, when the employee rates every RHK and value, then SelfAssessmentSubmitted v1', () => {
    spec
      .given(assessable())
      .when(submit({ values: allValues('DI_ATAS_EKSPEKTASI', '  Melayani orang tua siswa  ') }))
      .then([selfAssessed(1, { values: allValues('DI_ATAS_EKSPEKTASI', 'Melayani orang tua siswa') }, LATER)]);
  });

  it('given a self-assessment and no rating yet, when the employee resubmits, then version 2', () => {
    spec
      .given([...assessable(), selfAssessed(1)])
      .when(submit({ hasilKerja: 'DI_ATAS_EKSPEKTASI' }))
      .then([selfAssessed(2, { hasilKerja: 'DI_ATAS_EKSPEKTASI' }, LATER)]);
  });

  it('given an approved rating, when the employee submits, then SELF_ASSESSMENT_CLOSED', () => {
    spec
      .given([...assessable(), selfAssessed(1), rated(1), ratingApproved(1)])
      .when(submit())
      .thenThrows('SELF_ASSESSMENT_CLOSED', 'conflict');
  });

  it('given a rating made before any self-assessment, when the employee self-assesses, then accepted with its gap to that rating', () => {
    spec
      .given([...assessable(), rated(1)])
      .when(submit())
      .then([
        {
          ...selfAssessed(1, {}, LATER),
          data: { ...selfAssessed(1, {}, LATER).data, ratingGap: { version: 1, gap: 0, forDialogue: false } },
        } as AppraisalEvent,
      ]);
  });

  it('given a rating, when a self-assessment differs by two steps, then it marks that rating version for dialogue', () => {
    const wide = { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' } as const;
    const [event] = submitSelfAssessmentDecider.decide(
      submit(wide),
      [...assessable(), rated(1)].reduce(
        submitSelfAssessmentDecider.evolve,
        submitSelfAssessmentDecider.initialState(),
      ),
    );
    expect(event.type === 'SelfAssessmentSubmitted.v1' && event.data.ratingGap).toEqual({
      version: 1,
      gap: 2,
      forDialogue: true,
    });
    const state = [...assessable(), rated(1), event].reduce(
      submitSelfAssessmentDecider.evolve,
      submitSelfAssessmentDecider.initialState(),
    );
    expect(state.status === 'active' && state.ratings[0]).toMatchObject({
      forDialogue: true,
      dialogueSinceSeq: state.status === 'active' ? state.seq : -1,
    });
  });

  it('given no appraisal, then APPRAISAL_NOT_FOUND; given an ended one, then APPRAISAL_ENDED', () => {
    spec.given([]).when(submit()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
    spec
      .given([...assessable(), appraisalEnded()])
      .when(submit())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given the cycle in progress, when submitted, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(assessable())
      .when(submit({}, NIP, 'IN_PROGRESS'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an approved plan, when the rater submits it, then NOT_ASSIGNED', () => {
    spec.given(assessable()).when(submit({}, RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a plan still awaiting approval, when submitted, then PLAN_NOT_APPROVED', () => {
    spec.given(submittedPlan()).when(submit()).thenThrows('PLAN_NOT_APPROVED', 'conflict');
  });

  it('given a plan of two RHK, when one is missing, another unknown and one twice, then RHK_RATINGS_INVALID naming each', () => {
    const twoRhk = [...assessable().slice(0, 2), rhkDrafted({ rhkId: 'rhk-2' }), ...assessable().slice(2)];
    const one = selfAssessmentData().rhk[0];
    const error = spec
      .given(twoRhk)
      .when(submit({ rhk: [one, one, { ...one, rhkId: 'rhk-9' }] }))
      .thenThrows('RHK_RATINGS_INVALID', 'invalid');
    expect(error.details).toEqual([
      { field: 'rhk[1]', message: 'duplicate', id: 'rhk-1' },
      { field: 'rhk[2]', message: 'unknown', id: 'rhk-9' },
      { field: 'rhk', message: 'missing', id: 'rhk-2' },
    ]);
  });

  it('given an approved plan, when a BerAKHLAK value is missing and another rated twice, then VALUE_RATINGS_INVALID', () => {
    const values = allValues();
    const error = spec
      .given(assessable())
      .when(submit({ values: [...values.slice(1), values[1]] }))
      .thenThrows('VALUE_RATINGS_INVALID', 'invalid');
    expect(error.details).toEqual([
      { field: 'values[6]', message: 'duplicate', id: 'AKUNTABEL' },
      { field: 'values', message: 'missing', id: 'BERORIENTASI_PELAYANAN' },
    ]);
  });

  it('given an approved plan, when a rating is not one of the three, then INVALID_RATING naming the field', () => {
    const error = spec
      .given(assessable())
      .when(submit({ perilaku: 'BAIK' as Rating }))
      .thenThrows('INVALID_RATING', 'invalid');
    expect(error.details[0].field).toBe('perilaku');
    const rhk = [{ ...selfAssessmentData().rhk[0], rating: 'SANGAT_BAIK' as Rating }];
    expect(spec.given(assessable()).when(submit({ rhk })).thenThrows('INVALID_RATING').details[0].field).toBe(
      'rhk[0].rating',
    );
  });

  it('given an approved plan, when evidence that was never attached is cited, then EVIDENCE_NOT_FOUND', () => {
    const rhk = [{ ...selfAssessmentData().rhk[0], evidenceIds: ['ev-1', 'ev-404'] }];
    const error = spec.given(assessable()).when(submit({ rhk })).thenThrows('EVIDENCE_NOT_FOUND', 'not_found');
    expect(error.details).toEqual([{ field: 'evidenceIds[1]', message: 'no evidence ev-404' }]);
    const inherited = [{ ...selfAssessmentData().rhk[0], evidenceIds: ['constructor'] }];
    spec
      .given(assessable())
      .when(submit({ rhk: inherited }))
      .thenThrows('EVIDENCE_NOT_FOUND', 'not_found');
  });

  it('given an approved plan, when a note is over 2000 characters, then NOTE_TOO_LONG', () => {
    const rhk = [{ ...selfAssessmentData().rhk[0], note: 'x'.repeat(2001) }];
    spec.given(assessable()).when(submit({ rhk })).thenThrows('NOTE_TOO_LONG', 'invalid');
    spec
      .given(assessable())
      .when(submit({ values: allValues('SESUAI_EKSPEKTASI', 'y'.repeat(2001)) }))
      .thenThrows('NOTE_TOO_LONG', 'invalid');
  });
});
