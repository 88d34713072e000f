// HR records a keberatan the agency received as a letter, on the employee's behalf. The letter's received date is
// the filing date: it must lie inside the window and not in the future; the scan's SHA-256 proves which letter.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { decisionDeadline } from '../../../policy/src/deadlines.js';
import { addDays, localDateOf, startOfLocalDay } from '../../../policy/src/local-calendar.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { RecordPaperObjection } from '../objection/objection-commands.js';
import {
  OBJECTION_PHASES,
  objectionWindow,
  requireMayFile,
  requireObjectionContent,
  requirePublished,
  windowClosed,
  zoneLabel,
} from '../objection/objection-rules.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function decideRecordPaperObjection(command: RecordPaperObjection, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, OBJECTION_PHASES, 'record an objection');
  const publication = requirePublished(appraisal);
  requireMayFile(appraisal);
  const { letterReceivedOn, letterScanSha256 } = command.data;
  if (
    typeof letterReceivedOn !== 'string' ||
    !LOCAL_DATE.test(letterReceivedOn) ||
    addDays(letterReceivedOn, 0) !== letterReceivedOn
  ) {
    throw new DomainError('invalid', 'INVALID_DATE', 'letterReceivedOn must be a date YYYY-MM-DD', [
      { field: 'letterReceivedOn', message: 'YYYY-MM-DD' },
    ]);
  }
  const today = localDateOf(new Date(command.now), appraisal.timeZone);
  if (letterReceivedOn > today) {
    throw new DomainError(
      'invalid',
      'LETTER_DATE_IN_FUTURE',
      `letterReceivedOn ${letterReceivedOn} is after today (${today}, ${zoneLabel(appraisal.timeZone)})`,
      [{ field: 'letterReceivedOn', message: `after ${today}` }],
    );
  }
  const window = objectionWindow(appraisal);
  if (letterReceivedOn < window.startDay || letterReceivedOn > window.lastDay) {
    const when = letterReceivedOn < window.startDay ? `before the window opened on ${window.startDay}` : 'after it';
    throw windowClosed(window, `the letter was received on ${letterReceivedOn}, ${when}`);
  }
  if (typeof letterScanSha256 !== 'string' || !SHA256.test(letterScanSha256)) {
    throw new DomainError(
      'invalid',
      'INVALID_EVIDENCE',
      "letterScanSha256 must be the scan's SHA-256 (64 lowercase hex)",
      [{ field: 'letterScanSha256', message: '64 lowercase hex digits' }],
    );
  }
  const content = requireObjectionContent(appraisal, command.data);
  const filedOn = startOfLocalDay(letterReceivedOn, appraisal.timeZone);
  return [
    {
      type: 'ObjectionFiled.v1',
      data: {
        ...content,
        filedByNip: null,
        recordedByHr: true,
        letterReceivedOn,
        letterScanSha256,
        ratingVersion: publication.ratingVersion,
        deciderNip: appraisal.raterSupervisorNip,
        window,
        decisionDue: decisionDeadline(appraisal.policy, filedOn, appraisal.timeZone),
        filedAt: command.now,
      },
    },
  ];
}

export const recordPaperObjectionDecider: Decider<RecordPaperObjection, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRecordPaperObjection,
  evolve: evolveAppraisal,
};
