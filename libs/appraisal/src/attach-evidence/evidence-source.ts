// Where a piece of evidence is: a link, or the metadata of a stored file with its SHA-256. Shared by attached
// evidence and the evidence carried by objections and their statements.
import { DomainError, type DomainErrorDetail } from '../../../shared-kernel/src/domain-error.js';
import type { EvidenceFile } from '../appraisal/appraisal-events.js';

export const MAX_EVIDENCE_FILE_BYTES = 104_857_600; // 100 MiB
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

function isHttpUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const { protocol } = new URL(raw);
  return protocol === 'http:' || protocol === 'https:';
}

function fileProblems(file: EvidenceFile, at: string): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const name = typeof file.fileName === 'string' ? file.fileName.trim() : '';
  if (name.length === 0 || name.length > 255)
    problems.push({ field: `${at}file.fileName`, message: '1-255 characters' });
  if (typeof file.mediaType !== 'string' || !MEDIA_TYPE.test(file.mediaType)) {
    problems.push({ field: `${at}file.mediaType`, message: 'a media type such as application/pdf' });
  }
  if (!Number.isInteger(file.sizeBytes) || file.sizeBytes < 1 || file.sizeBytes > MAX_EVIDENCE_FILE_BYTES) {
    problems.push({ field: `${at}file.sizeBytes`, message: `an integer from 1 to ${MAX_EVIDENCE_FILE_BYTES}` });
  }
  if (typeof file.sha256 !== 'string' || !SHA256.test(file.sha256)) {
    problems.push({ field: `${at}file.sha256`, message: '64 lowercase hex digits' });
  }
  return problems;
}

function invalidEvidence(problems: DomainErrorDetail[]): never {
  const fields = problems.map((p) => p.field).join(', ');
  throw new DomainError('invalid', 'INVALID_EVIDENCE', `the evidence is not valid: ${fields}`, problems);
}

/**
 * A LINK has an http(s) url and no file; a FILE has file metadata and no url. `at` prefixes the field names in
 * the details (`evidence[2].`) when the evidence is one of several in a command.
 */
export function requireEvidenceSource(
  data: { kind: string; url: string | null; file: EvidenceFile | null },
  at = '',
): { url: string | null; file: EvidenceFile | null } {
  const problems: DomainErrorDetail[] = [];
  if (data.kind === 'LINK') {
    const url = typeof data.url === 'string' ? data.url.trim() : '';
    if (!isHttpUrl(url)) problems.push({ field: `${at}url`, message: 'an http or https URL' });
    if (data.file !== null) problems.push({ field: `${at}file`, message: 'must be null for a LINK' });
    if (problems.length > 0) invalidEvidence(problems);
    return { url, file: null };
  }
  if (data.kind === 'FILE') {
    const { file } = data;
    if (data.url !== null) problems.push({ field: `${at}url`, message: 'must be null for a FILE' });
    if (file === null || typeof file !== 'object')
      problems.push({ field: `${at}file`, message: 'required for a FILE' });
    else problems.push(...fileProblems(file, at));
    if (problems.length > 0 || file === null) return invalidEvidence(problems);
    const { fileName, mediaType, sizeBytes, sha256 } = file;
    return { url: null, file: { fileName: fileName.trim(), mediaType: mediaType.toLowerCase(), sizeBytes, sha256 } };
  }
  return invalidEvidence([{ field: `${at}kind`, message: 'LINK or FILE' }]);
}
