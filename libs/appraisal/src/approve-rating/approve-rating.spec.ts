import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ApproveRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
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

  // LATER is 2026-12-15 (a Tuesday) 11:00 WIT; a note recorded at NOTE_AT (Monday 2026-12-14) counts
  // unacknowledged only after 5 working days, from local midnight after Monday 2026-12-21.
  const NOTE_AT = '2026-12-14T02:00:00.000Z';
  const acknowledged = (noteId: string, at = LATER): AppraisalEvent => ({
    type: 'DialogueNoteAcknowledged.v1',
    data: {
      noteId,
      acknowledgedByNip: NIP,
      comment: 'Saya tidak setuju, tetapi dialog sudah dilakukan',
      acknowledgedAt: at,
    },
  });

  it("given a rating for dialogue, the rater's note after it and the employee's acknowledgement, when approved, then RatingApproved recording the dialogue", () => {
    spec
      .given([
        ...assessable(),
        selfAssessed(1),
        forDialogue(),
        dialogueNoteRecorded('note-9', RATER, NOTE_AT),
        acknowledged('note-9'),
      ])
      .when(approve())
      .then([
        {
          ...approvedEvent(1, 'SANGAT_BAIK'),
          data: { ...approvedEvent(1, 'SANGAT_BAIK').data, dialogue: { noteId: 'note-9', acknowledged: true } },
        },
      ]);
  });

  it("given the rater's note not yet acknowledged and its deadline not passed, when approved, then DIALOGUE_REQUIRED naming the note and the day", () => {
    const error = spec
      .given([...assessable(), selfAssessed(1), forDialogue(), dialogueNoteRecorded('note-9', RATER, NOTE_AT)])
      .when(approve())
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
    expect(error.message).toContain('note-9');
    expect(error.message).toContain('2026-12-21');
  });

  it("given the rater's note left unacknowledged past the deadline, when approved, then RatingApproved recording it unacknowledged", () => {
    spec
      .given([...assessable(), selfAssessed(1), forDialogue(), dialogueNoteRecorded('note-9', RATER, NOTE_AT)])
      .when({ ...approve(), now: '2026-12-21T15:00:00.000Z' })
      .then([
        {
          type: 'RatingApproved.v1',
          data: {
            version: 1,
            predikat: 'SANGAT_BAIK',
            approvedByNip: RATER_SUPERVISOR,
            dialogue: { noteId: 'note-9', acknowledged: false },
            approvedAt: '2026-12-21T15:00:00.000Z',
          },
        },
      ]);
  });

  it('given only the employee\'s own note ("Saya tidak setuju"), when approved, then DIALOGUE_REQUIRED', () => {
    spec
      .given([...assessable(), selfAssessed(1), forDialogue(), dialogueNoteRecorded('note-9', NIP, NOTE_AT)])
      .when({ ...approve(), now: '2027-02-01T02:00:00.000Z' })
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
  });

  it('given a rating for dialogue and no dialogue note since, when approved, then DIALOGUE_REQUIRED', () => {
    spec
      .given([...assessable(), selfAssessed(1), forDialogue()])
      .when(approve())
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
    spec
      .given([...assessable(), dialogueNoteRecorded('note-1'), acknowledged('note-1'), selfAssessed(1), forDialogue()])
      .when(approve())
      .thenThrows('DIALOGUE_REQUIRED', 'conflict');
  });

  it('given a rating made before the self-assessment whose wide gap marked it, then a note from before the self-assessment does not count', () => {
    const wideSelf: AppraisalEvent = {
      ...selfAssessed(1, { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'DI_BAWAH_EKSPEKTASI' }),
    };
    const marked = {
      ...wideSelf,
      data: { ...wideSelf.data, ratingGap: { version: 1, gap: 2, forDialogue: true } },
    } as AppraisalEvent;
    const history = [
      ...assessable(),
      rated(1),
      dialogueNoteRecorded('note-1', RATER, NOTE_AT),
      acknowledged('note-1'),
      marked,
    ];
    spec.given(history).when(approve()).thenThrows('DIALOGUE_REQUIRED', 'conflict');
    spec
      .given([...history, dialogueNoteRecorded('note-2', RATER, NOTE_AT), acknowledged('note-2')])
      .when(approve())
      .then([
        { ...approvedEvent(), data: { ...approvedEvent().data, dialogue: { noteId: 'note-2', acknowledged: true } } },
      ]);
  });

  it('given a rating under a declared conflict of interest, when approved without acknowledgement, then CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED naming the declaration', () => {
    const underConflict = [...assessable(), selfAssessed(1), rated(1, { conflictOfInterestDeclarationIds: ['coi-1'] })];
    const error = spec
      .given(underConflict)
      .when(approve())
      .thenThrows('CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED', 'conflict');
    expect(error.details?.[0]).toMatchObject({ declarationId: 'coi-1' });
    spec
      .given(underConflict)
      .when({ ...approve(), data: { version: 1, conflictOfInterestAcknowledgement: '  ' } })
      .thenThrows('CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED');
  });

  it('given a rating under a declared conflict of interest, when approved with a reason, then the acknowledgement is recorded', () => {
    spec
      .given([...assessable(), selfAssessed(1), rated(1, { conflictOfInterestDeclarationIds: ['coi-1'] })])
      .when({
        ...approve(),
        data: { version: 1, conflictOfInterestAcknowledgement: 'Bukti realisasi diperiksa sendiri oleh atasan' },
      })
      .then([
        {
          ...approvedEvent(),
          data: {
            ...approvedEvent().data,
            conflictOfInterest: {
              declarationIds: ['coi-1'],
              acknowledgement: 'Bukti realisasi diperiksa sendiri oleh atasan',
            },
          },
        },
      ]);
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
