// The rated employee files a keberatan against the published result, in writing with reasons, within the window
// counted on the agency's calendar. It goes to the atasan pejabat penilai at the time of filing (PP 30/2019 Pasal
// 59; docs/domain-rules.md, keberatan); without one, HR assigns a decider.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { decisionDeadline } from '../../../policy/src/deadlines.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { FileObjection } from '../objection/objection-commands.js';
import {
  OBJECTION_PHASES,
  objectionWindow,
  requireMayFile,
  requireObjectionContent,
  requirePublished,
  windowClosed,
} from '../objection/objection-rules.js';

const ACTION = 'file an objection';

export function decideFileObjection(command: FileObjection, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requireActor(command.actorNip, appraisal.nip, 'the employee', ACTION);
  requirePhase(command.cyclePhase, OBJECTION_PHASES, ACTION);
  const publication = requirePublished(appraisal);
  requireMayFile(appraisal);
  const window = objectionWindow(appraisal);
  if (Date.parse(command.now) >= Date.parse(window.closesAt)) throw windowClosed(window, 'it is too late to file');
  const content = requireObjectionContent(appraisal, command.data);
  return [
    {
      type: 'ObjectionFiled.v1',
      data: {
        ...content,
        filedByNip: appraisal.nip,
        recordedByHr: false,
        letterReceivedOn: null,
        letterScanSha256: null,
        ratingVersion: publication.ratingVersion,
        deciderNip: appraisal.raterSupervisorNip,
        window,
        decisionDue: decisionDeadline(appraisal.policy, command.now, appraisal.timeZone),
        filedAt: command.now,
      },
    },
  ];
}

export const fileObjectionDecider: Decider<FileObjection, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideFileObjection,
  evolve: evolveAppraisal,
};
