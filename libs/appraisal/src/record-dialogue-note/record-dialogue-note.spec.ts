import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RecordDialogueNote } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  approvedPlan,
  base,
  dialogueNoteRecorded,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { recordDialogueNoteDecider } from './record-dialogue-note.js';

const spec = specFor(recordDialogueNoteDecider);
type Data = RecordDialogueNote['data'];
const note = (
  data: Partial<Data> = {},
  actorNip: string | null = RATER,
  phase: CyclePhase = 'IN_PROGRESS',
): RecordDialogueNote => ({
  type: 'RecordDialogueNote',
  ...base(actorNip, phase),
  data: { noteId: 'note-2', heldOn: '2026-06-15', text: ' Dialog kinerja semester I ', corrects: null, ...data },
});
const recorded = (recordedByNip: string, corrects: string | null = null): AppraisalEvent => ({
  type: 'DialogueNoteRecorded.v1',
  data: {
    noteId: 'note-2',
    heldOn: '2026-06-15',
    text: 'Dialog kinerja semester I',
    recordedByNip,
    corrects,
    recordedAt: NOW,
  },
});
const history = [...approvedPlan(), dialogueNoteRecorded('note-1', RATER)];

describe('record dialogue note', () => {
  it('given an appraisal, when the rater records a dialogue note, then DialogueNoteRecorded', () => {
    spec
      .given(history)
      .when(note())
      .then([recorded(RATER)]);
  });

  it('given an appraisal in DETERMINATION, when the employee records a note, then DialogueNoteRecorded', () => {
    spec
      .given(history)
      .when(note({}, NIP, 'DETERMINATION'))
      .then([recorded(NIP)]);
  });

  it('given note-1 by the rater, when the rater corrects it, then a new DialogueNoteRecorded naming note-1', () => {
    spec
      .given(history)
      .when(note({ corrects: 'note-1' }))
      .then([recorded(RATER, 'note-1')]);
  });

  it.each(['2026-02-30', '2026-6-15', '15-06-2026', ''])(
    'given an appraisal, when heldOn is %p, then INVALID_DATE',
    (heldOn) => {
      spec.given(history).when(note({ heldOn })).thenThrows('INVALID_DATE', 'invalid');
    },
  );

  it('given an appraisal, when the text is blank, then TEXT_REQUIRED', () => {
    spec
      .given(history)
      .when(note({ text: '' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given note-1, when note-1 is recorded again, then DIALOGUE_NOTE_ID_TAKEN', () => {
    spec
      .given(history)
      .when(note({ noteId: 'note-1' }))
      .thenThrows('DIALOGUE_NOTE_ID_TAKEN', 'conflict');
  });

  it('given an appraisal, when a note corrects an unknown one, then CORRECTS_UNKNOWN', () => {
    spec
      .given(history)
      .when(note({ corrects: 'note-9' }))
      .thenThrows('CORRECTS_UNKNOWN', 'invalid');
  });

  it('given note-1 by the rater, when the employee claims to correct it, then CORRECTS_OTHERS_ENTRY', () => {
    spec
      .given(history)
      .when(note({ corrects: 'note-1' }, NIP))
      .thenThrows('CORRECTS_OTHERS_ENTRY', 'forbidden');
  });

  it.each([
    ["the rater's supervisor", RATER_SUPERVISOR],
    ['a peer', PEER],
  ])('given an appraisal, when %s records a note, then NOT_ASSIGNED', (_, actor) => {
    spec.given(history).when(note({}, actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it.each<CyclePhase>(['PUBLISHED', 'CLOSED'])(
    'given an appraisal, when a note is recorded in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given(history)
        .when(note({}, RATER, phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when a note is recorded, then APPRAISAL_ENDED', () => {
    spec
      .given([...history, appraisalEnded()])
      .when(note())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
