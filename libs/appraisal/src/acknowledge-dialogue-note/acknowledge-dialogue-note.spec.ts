import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { AcknowledgeDialogueNote } from '../appraisal/appraisal-commands.js';
import { NIP, RATER, base, dialogueNoteRecorded } from '../appraisal/appraisal-fixtures.js';
import { LATER, assessable, rated } from '../assessment-fixtures.js';
import { acknowledgeDialogueNoteDecider } from './acknowledge-dialogue-note.js';

const spec = specFor(acknowledgeDialogueNoteDecider);
const acknowledge = (
  noteId = 'note-1',
  actorNip: string | null = NIP,
  comment: string | null = ' Saya tidak setuju ',
): AcknowledgeDialogueNote => ({
  type: 'AcknowledgeDialogueNote',
  ...base(actorNip, 'ASSESSMENT', LATER),
  data: { noteId, comment },
});
const withRaterNote = () => [...assessable(), rated(1), dialogueNoteRecorded('note-1', RATER)];

describe('acknowledge a dialogue note', () => {
  it("given the rater's note, when the employee acknowledges it (even disagreeing), then DialogueNoteAcknowledged", () => {
    spec
      .given(withRaterNote())
      .when(acknowledge())
      .then([
        {
          type: 'DialogueNoteAcknowledged.v1',
          data: { noteId: 'note-1', acknowledgedByNip: NIP, comment: 'Saya tidak setuju', acknowledgedAt: LATER },
        },
      ]);
  });

  it('when someone other than the employee acknowledges, then NOT_ASSIGNED', () => {
    spec.given(withRaterNote()).when(acknowledge('note-1', RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it("given the employee's own note, then OWN_DIALOGUE_NOTE", () => {
    spec
      .given([...assessable(), dialogueNoteRecorded('note-2', NIP)])
      .when(acknowledge('note-2'))
      .thenThrows('OWN_DIALOGUE_NOTE', 'conflict');
  });

  it('given an acknowledged note, when acknowledged again, then DIALOGUE_NOTE_ALREADY_ACKNOWLEDGED; an unknown note is 404', () => {
    const acknowledged = acknowledgeDialogueNoteDecider.decide(
      acknowledge(),
      withRaterNote().reduce(acknowledgeDialogueNoteDecider.evolve, acknowledgeDialogueNoteDecider.initialState()),
    );
    spec
      .given([...withRaterNote(), ...acknowledged])
      .when(acknowledge())
      .thenThrows('DIALOGUE_NOTE_ALREADY_ACKNOWLEDGED', 'conflict');
    spec.given(withRaterNote()).when(acknowledge('constructor')).thenThrows('DIALOGUE_NOTE_NOT_FOUND', 'not_found');
  });

  it('given the results published, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(withRaterNote())
      .when({ ...acknowledge(), cyclePhase: 'PUBLISHED' })
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });
});
