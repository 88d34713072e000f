// A note of a performance dialogue (dialog kinerja) between the employee and the rater, with the day it was
// held. A rating marked "for dialogue" waits for one recorded after it. Corrections are new notes.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { RecordDialogueNote } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  employeeOf,
  raterOf,
  requireActorAmong,
  requireCorrection,
  requireNewItemId,
} from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION'];
const ACTION = 'record a dialogue note';

/** A real calendar date YYYY-MM-DD (no 2026-02-30). */
function requireDate(field: string, raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== raw) {
    throw new DomainError('invalid', 'INVALID_DATE', `${field} must be a real date YYYY-MM-DD`, [
      { field, message: `got ${raw}` },
    ]);
  }
  return raw;
}

export function decideRecordDialogueNote(command: RecordDialogueNote, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const recordedByNip = requireActorAmong(command.actorNip, [employeeOf(appraisal), raterOf(appraisal)], ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { data } = command;
  const noteId = requireNewItemId(appraisal, 'DIALOGUE_NOTE', 'noteId', data.noteId);
  const heldOn = requireDate('heldOn', data.heldOn);
  const text = requireText('text', data.text);
  const corrects = requireCorrection(appraisal, 'DIALOGUE_NOTE', data.corrects, recordedByNip);
  return [
    {
      type: 'DialogueNoteRecorded.v1',
      data: { noteId, heldOn, text, recordedByNip, corrects, recordedAt: command.now },
    },
  ];
}

export const recordDialogueNoteDecider: Decider<RecordDialogueNote, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRecordDialogueNote,
  evolve: evolveAppraisal,
};
