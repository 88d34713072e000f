// Evidence (bukti dukung): a link, or the metadata of an uploaded file with its SHA-256 (the file itself is
// stored elsewhere; the hash proves which file it was). Attached by the employee or the rater; other entries
// cite it by id.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError, type DomainErrorDetail } from '../../../shared-kernel/src/domain-error.js';
import type { AttachEvidence } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, EvidenceFile } from '../appraisal/appraisal-events.js';
import { employeeOf, raterOf, requireActorAmong, requireNewItemId } from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];
const ACTION = 'attach evidence';
export const MAX_EVIDENCE_FILE_BYTES = 104_857_600; // 100 MiB
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

function isHttpUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const { protocol } = new URL(raw);
  return protocol === 'http:' || protocol === 'https:';
}

function fileProblems(file: EvidenceFile): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const name = typeof file.fileName === 'string' ? file.fileName.trim() : '';
  if (name.length === 0 || name.length > 255) problems.push({ field: 'file.fileName', message: '1-255 characters' });
  if (typeof file.mediaType !== 'string' || !MEDIA_TYPE.test(file.mediaType)) {
    problems.push({ field: 'file.mediaType', message: 'a media type such as application/pdf' });
  }
  if (!Number.isInteger(file.sizeBytes) || file.sizeBytes < 1 || file.sizeBytes > MAX_EVIDENCE_FILE_BYTES) {
    problems.push({ field: 'file.sizeBytes', message: `an integer from 1 to ${MAX_EVIDENCE_FILE_BYTES}` });
  }
  if (typeof file.sha256 !== 'string' || !SHA256.test(file.sha256)) {
    problems.push({ field: 'file.sha256', message: '64 lowercase hex digits' });
  }
  return problems;
}

function invalidEvidence(problems: DomainErrorDetail[]): never {
  const fields = problems.map((p) => p.field).join(', ');
  throw new DomainError('invalid', 'INVALID_EVIDENCE', `the evidence is not valid: ${fields}`, problems);
}

/** A LINK has an http(s) url and no file; a FILE has file metadata and no url. */
function requireSource(data: AttachEvidence['data']): { url: string | null; file: EvidenceFile | null } {
  const problems: DomainErrorDetail[] = [];
  if (data.kind === 'LINK') {
    const url = typeof data.url === 'string' ? data.url.trim() : '';
    if (!isHttpUrl(url)) problems.push({ field: 'url', message: 'an http or https URL' });
    if (data.file !== null) problems.push({ field: 'file', message: 'must be null for a LINK' });
    if (problems.length > 0) invalidEvidence(problems);
    return { url, file: null };
  }
  if (data.kind === 'FILE') {
    const { file } = data;
    if (data.url !== null) problems.push({ field: 'url', message: 'must be null for a FILE' });
    if (file === null || typeof file !== 'object') problems.push({ field: 'file', message: 'required for a FILE' });
    else problems.push(...fileProblems(file));
    if (problems.length > 0 || file === null) return invalidEvidence(problems);
    const { fileName, mediaType, sizeBytes, sha256 } = file;
    return { url: null, file: { fileName: fileName.trim(), mediaType: mediaType.toLowerCase(), sizeBytes, sha256 } };
  }
  return invalidEvidence([{ field: 'kind', message: 'LINK or FILE' }]);
}

export function decideAttachEvidence(command: AttachEvidence, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const attachedByNip = requireActorAmong(command.actorNip, [employeeOf(appraisal), raterOf(appraisal)], ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { data } = command;
  const evidenceId = requireNewItemId(appraisal, 'EVIDENCE', 'evidenceId', data.evidenceId);
  const source = requireSource(data);
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
