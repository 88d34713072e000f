import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ApproveRating } from '../appraisal/appraisal-commands.js';
import { NIP, RATER, RATER_SUPERVISOR, base, dialogueNoteRecorded } from '../appraisal/appraisal-fixtures.js';
import { LATER, assessable, rated, ratingApproved, ratingReturned, selfAssessed } from '../assessment-fixtures.js';
import { approveRatingDecider } from './approve-rating.js';

const spec = specFor(approveRatingDecider);
const submitted = () => [...assessable(), selfAssessed(1), rated(1)];
const approve = (
  version = 1,
  actorNip: string | null = RATER_SUPERVISOR,
  phase: ApproveRating['cyclePhase'] = 'ASSESSMENT',
): ApproveRating => ({ type: 'ApproveRating', ...base(actorNip, phase, LATER), data: { version } });
const approvedEvent = (version = 1, predikat: 'BAIK' | 'SANGAT_BAIK' = 'BAIK') => ({
  type: 'RatingApproved.v1' as const,
  data: { version, predikat, approvedByNip: RATER_SUPERVISOR, approvedAt: LATER },
});
const forDialogue = () =>
  rated(1, {
    hasilKerja: 'DI_ATAS_EKSPEKTASI',
    perilaku: 'DI_ATAS_EKSPEKTASI',
    predikat: 'SANGAT_BAIK',
    justification: 'Melampaui target',
    evidenceIds: ['ev-1'],
    forDialogue: true,
  });

describe('approve a rating', () => {
  it('given a submitted rating, when the rater’s supervisor approves it, then RatingApproved with its predikat', () => {
    spec.given(submitted()).when(approve()).then([approvedEvent()]);
  });

  it('given version 1 returned and version 2 submitted, when version 2 is approved, then RatingApproved v2', () => {
    spec
      .given([...submitted(), ratingReturned(1), rated(2)])
      .when(approve(2))
      .then([approvedEvent(2)]);
  });

  it('given a rating for dialogue with a dialogue note recorded after it, when approved, then RatingApproved', () => {
    spec
      .given([...assessable(), selfAssessed(1), forDialogue(), dialogueNoteRecorded('note-9')])
      .when(approve())
      .then([approvedEvent(1, 'SANGAT_BAIK')]);
  });

  it('given a rating for dialogue and no dialogue note since, when approved, then DIALOGUE_REQUIRED', () => {
    spec
      .given([...assessable(), selfAssessed(1), forDialogue()])
      .when(approve())
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
    spec
      .given([...assessable(), dialogueNoteRecorded('note-1'), selfAssessed(1), forDialogue()])
      .when(approve())
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
  });

  it('given a revision of an approved rating in DETERMINATION, when version 2 is approved, then RatingApproved v2', () => {
    spec
      .given([...submitted(), ratingApproved(1), rated(2)])
      .when(approve(2, RATER_SUPERVISOR, 'DETERMINATION'))
      .then([approvedEvent(2)]);
  });

  it('given the results published, when approved, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(submitted())
      .when(approve(1, RATER_SUPERVISOR, 'PUBLISHED'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given a submitted rating, when the rater or the employee approves it, then NOT_ASSIGNED', () => {
    for (const actor of [RATER, NIP, null]) {
      spec.given(submitted()).when(approve(1, actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
    }
  });

  it('given no such version, when approved, then RATING_NOT_FOUND', () => {
    spec.given(submitted()).when(approve(2)).thenThrows('RATING_NOT_FOUND', 'not_found');
    spec.given(assessable()).when(approve(1)).thenThrows('RATING_NOT_FOUND', 'not_found');
  });

  it('given an approved rating, when approved again, then RATING_ALREADY_APPROVED', () => {
    spec
      .given([...submitted(), ratingApproved(1)])
      .when(approve(1))
      .thenThrows('RATING_ALREADY_APPROVED', 'conflict');
  });

  it('given a returned version, when it is approved, then RATING_NOT_PENDING', () => {
    spec
      .given([...submitted(), ratingReturned(1)])
      .when(approve(1))
      .thenThrows('RATING_NOT_PENDING', 'conflict');
    spec
      .given([...submitted(), ratingReturned(1), rated(2)])
      .when(approve(1))
      .thenThrows('RATING_NOT_PENDING', 'conflict');
  });
});
