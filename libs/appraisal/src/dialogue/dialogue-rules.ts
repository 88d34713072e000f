// The performance dialogue (dialog kinerja) gate. A rating whose gap to the employee's self-assessment is wide is
// marked for dialogue (whichever came first: the rating or the self-assessment), and its approval waits for a
// dialogue that counts: a note the RATER recorded after the mark, acknowledged by the employee, or left
// unacknowledged past the policy's deadline (recorded as such on the approval). The employee's own note ("I do
// not agree") never unlocks approval. Rules: docs/domain-rules.md (dialogue).
import type { Rating } from '../../../policy/src/policy.js';
import { RATINGS } from '../../../policy/src/policy.js';
import { dialogueAcknowledgementDeadline, type Deadline } from '../../../policy/src/deadlines.js';
import type { ActiveAppraisal, RatingVersion } from '../appraisal/appraisal-state.js';

/**
 * Our reading of "a large self-vs-supervisor gap": with the ratings as steps 0..2 (RATINGS order), the distances
 * on hasil kerja and perilaku add up to 2 or more: two steps on one axis (DI_BAWAH vs DI_ATAS), or one on each.
 */
export const DIALOGUE_GAP = 2;

export function ratingGap(
  self: { hasilKerja: Rating; perilaku: Rating },
  rater: { hasilKerja: Rating; perilaku: Rating },
): number {
  const step = (r: Rating) => RATINGS.indexOf(r);
  return (
    Math.abs(step(self.hasilKerja) - step(rater.hasilKerja)) + Math.abs(step(self.perilaku) - step(rater.perilaku))
  );
}

export type DialogueStatus =
  | { required: false }
  | { required: true; settled: { noteId: string; acknowledged: boolean } }
  | {
      required: true;
      settled: null;
      /** The rater's notes after the mark still awaiting the employee, each with the day it counts anyway. */
      awaitingAcknowledgement: { noteId: string; until: Deadline }[];
    };

/** Where the dialogue of `rating` stands at `now`. */
export function dialogueStatus(appraisal: ActiveAppraisal, rating: RatingVersion, now: string): DialogueStatus {
  if (!rating.forDialogue) return { required: false };
  const notes = Object.entries(appraisal.dialogueNotes)
    .filter(([, n]) => n.recordedByNip === rating.raterNip && n.seq > rating.dialogueSinceSeq)
    .sort(([, a], [, b]) => a.seq - b.seq);
  const acknowledged = notes.find(([, n]) => n.acknowledgedAt !== null);
  if (acknowledged) return { required: true, settled: { noteId: acknowledged[0], acknowledged: true } };
  const pending = notes.map(([noteId, n]) => ({
    noteId,
    until: dialogueAcknowledgementDeadline(appraisal.policy, n.recordedAt, appraisal.timeZone),
  }));
  const lapsed = pending.find((p) => Date.parse(now) >= Date.parse(p.until.closesAt));
  if (lapsed) return { required: true, settled: { noteId: lapsed.noteId, acknowledged: false } };
  return { required: true, settled: null, awaitingAcknowledgement: pending };
}
