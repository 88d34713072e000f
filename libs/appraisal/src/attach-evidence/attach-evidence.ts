// Evidence (bukti dukung): a link, or the metadata of an uploaded file with its SHA-256 (the file itself is
// stored elsewhere; the hash proves which file it was). Attached by the employee or the rater; other entries
// cite it by id.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { AttachEvidence } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireEvidenceSource } from './evidence-source.js';
import { employeeOf, raterOf, requireActorAmong, requireNewItemId } from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];
const ACTION = 'attach evidence';
export function decideAttachEvidence(command: AttachEvidence, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const attachedByNip = requireActorAmong(command.actorNip, [employeeOf(appraisal), raterOf(appraisal)], ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { data } = command;
  const evidenceId = requireNewItemId(appraisal, 'EVIDENCE', 'evidenceId', data.evidenceId);
  const source = requireEvidenceSource(data);
  const description = requireText('description', data.description, 2000);
  return [
    {
      type: 'EvidenceAttached.v1',
      data: { evidenceId, kind: data.kind, ...source, description, attachedByNip, attachedAt: command.now },
    },
  ];
}

export const attachEvidenceDecider: Decider<AttachEvidence, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideAttachEvidence,
  evolve: evolveAppraisal,
};
