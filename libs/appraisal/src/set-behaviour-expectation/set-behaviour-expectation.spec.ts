import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { SetBehaviourExpectation } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, BerakhlakValueCode } from '../appraisal/appraisal-events.js';
import { NIP, NOW, RATER, RATER_SUPERVISOR, appraisalEnded, base, started } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { setBehaviourExpectationDecider } from './set-behaviour-expectation.js';

const spec = specFor(setBehaviourExpectationDecider);
const EXPECTATION = 'Merespons keluhan orang tua siswa dalam 1x24 jam';
const setExpectation = (
  value: string = 'BERORIENTASI_PELAYANAN',
  expectation = ` ${EXPECTATION} `,
  actorNip: string | null = RATER,
  phase: CyclePhase = 'PLANNING',
): SetBehaviourExpectation => ({
  type: 'SetBehaviourExpectation',
  ...base(actorNip, phase),
  data: { value: value as BerakhlakValueCode, expectation },
});
const expectationSet = (value: BerakhlakValueCode, expectation = EXPECTATION): AppraisalEvent => ({
  type: 'BehaviourExpectationSet.v1',
  data: { value, expectation, setByNip: RATER, setAt: NOW },
});

describe('set behaviour expectation', () => {
  it('given an appraisal, when the rater sets the expectation for a value, then BehaviourExpectationSet', () => {
    spec
      .given([started()])
      .when(setExpectation())
      .then([expectationSet('BERORIENTASI_PELAYANAN')]);
  });

  it('given an expectation already set, when the rater sets it again in progress, then a new BehaviourExpectationSet', () => {
    spec
      .given([started(), expectationSet('KOLABORATIF', 'lama')])
      .when(setExpectation('KOLABORATIF', 'Memimpin KKG kelas 4', RATER, 'IN_PROGRESS'))
      .then([expectationSet('KOLABORATIF', 'Memimpin KKG kelas 4')]);
  });

  it('given an appraisal, when the value is not a BerAKHLAK value, then UNKNOWN_VALUE', () => {
    spec.given([started()]).when(setExpectation('JUJUR')).thenThrows('UNKNOWN_VALUE', 'invalid');
  });

  it('given an appraisal, when the expectation is blank, then TEXT_REQUIRED', () => {
    spec.given([started()]).when(setExpectation('LOYAL', ' ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given an appraisal, when the expectation is over 2000 characters, then TEXT_REQUIRED', () => {
    spec
      .given([started()])
      .when(setExpectation('LOYAL', 'x'.repeat(2001)))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it.each([
    ['the employee', NIP],
    ["the rater's supervisor", RATER_SUPERVISOR],
  ])('given an appraisal, when %s sets an expectation, then NOT_ASSIGNED', (_, actor) => {
    spec
      .given([started()])
      .when(setExpectation('LOYAL', 'x', actor))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an appraisal, when set in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec
      .given([started()])
      .when(setExpectation('LOYAL', 'x', RATER, 'ASSESSMENT'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an ended appraisal, when set, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(setExpectation()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
