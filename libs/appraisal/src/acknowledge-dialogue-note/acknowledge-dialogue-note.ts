// The employee confirms that the performance dialogue the rater recorded took place (agreeing or not: the
// comment says so). Only the rater's notes are acknowledged; an acknowledged note unlocks the approval of a
// rating marked for dialogue (dialogue/dialogue-rules.ts).
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AcknowledgeDialogueNote } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { boundedNote } from '../assessment-rules.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION'];
const ACTION = 'acknowledge a dialogue note';

export function decideAcknowledgeDialogueNote(
  command: AcknowledgeDialogueNote,
  state: AppraisalState,
): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requireActor(command.actorNip, appraisal.nip, 'the employee', ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { noteId } = command.data;
  const note = Object.hasOwn(appraisal.dialogueNotes, noteId) ? appraisal.dialogueNotes[noteId] : undefined;
  if (!note)
    throw new DomainError('not_found', 'DIALOGUE_NOTE_NOT_FOUND', `no dialogue note ${noteId} in this appraisal`);
  if (note.recordedByNip === appraisal.nip) {
    throw new DomainError(
      'conflict',
      'OWN_DIALOGUE_NOTE',
      "your own note needs no acknowledgement: acknowledge the rater's",
    );
  }
  if (note.acknowledgedAt !== null) {
    throw new DomainError(
      'conflict',
      'DIALOGUE_NOTE_ALREADY_ACKNOWLEDGED',
      `note ${noteId} was acknowledged at ${note.acknowledgedAt}`,
    );
  }
  return [
    {
      type: 'DialogueNoteAcknowledged.v1',
      data: {
        noteId,
        acknowledgedByNip: appraisal.nip,
        comment: boundedNote('comment', command.data.comment),
        acknowledgedAt: command.now,
      },
    },
  ];
}

export const acknowledgeDialogueNoteDecider: Decider<AcknowledgeDialogueNote, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideAcknowledgeDialogueNote,
  evolve: evolveAppraisal,
};
