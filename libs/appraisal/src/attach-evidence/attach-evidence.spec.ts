import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { AttachEvidence } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, EvidenceFile } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  base,
  draftedPlan,
  evidenceAttached,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { attachEvidenceDecider } from './attach-evidence.js';

const spec = specFor(attachEvidenceDecider);
type Data = AttachEvidence['data'];
const URL_OK = 'https://drive.example.go.id/laporan-kelas-4.pdf';
const SHA = 'a'.repeat(64);
const pdf: EvidenceFile = { fileName: 'laporan.pdf', mediaType: 'application/pdf', sizeBytes: 52_000, sha256: SHA };
const attach = (
  data: Partial<Data> = {},
  actorNip: string | null = NIP,
  phase: CyclePhase = 'IN_PROGRESS',
): AttachEvidence => ({
  type: 'AttachEvidence',
  ...base(actorNip, phase),
  data: {
    evidenceId: 'ev-1',
    kind: 'LINK',
    url: ` ${URL_OK} `,
    file: null,
    description: ' Laporan hasil belajar kelas 4 ',
    ...data,
  },
});
const fileData = (file: Partial<EvidenceFile> = {}): Partial<Data> => ({
  kind: 'FILE',
  url: null,
  file: { ...pdf, ...file },
});
const fileAttached = (file: EvidenceFile, attachedByNip = NIP): AppraisalEvent => ({
  type: 'EvidenceAttached.v1',
  data: {
    evidenceId: 'ev-1',
    kind: 'FILE',
    url: null,
    file,
    description: 'Laporan hasil belajar kelas 4',
    attachedByNip,
    attachedAt: NOW,
  },
});

describe('attach evidence', () => {
  it('given an appraisal, when the employee attaches a link, then EvidenceAttached LINK', () => {
    spec
      .given(draftedPlan())
      .when(attach())
      .then([evidenceAttached('ev-1', NIP, NOW)]);
  });

  it('given an appraisal in ASSESSMENT, when the rater attaches file metadata, then EvidenceAttached FILE', () => {
    spec
      .given(draftedPlan())
      .when(attach(fileData({ mediaType: 'Application/PDF', fileName: ' laporan.pdf ' }), RATER, 'ASSESSMENT'))
      .then([fileAttached(pdf, RATER)]);
  });

  it('given an appraisal, when a file of exactly 100 MiB is attached, then EvidenceAttached', () => {
    const big = { ...pdf, sizeBytes: 104_857_600 };
    spec
      .given(draftedPlan())
      .when(attach(fileData(big)))
      .then([fileAttached(big)]);
  });

  it('given an appraisal in PLANNING, when evidence is attached, then EvidenceAttached', () => {
    spec
      .given(draftedPlan())
      .when(attach({}, NIP, 'PLANNING'))
      .then([evidenceAttached('ev-1', NIP, NOW)]);
  });

  const invalid: [string, string, Partial<Data>][] = [
    ['an ftp link', 'url', { url: 'ftp://files.example.go.id/a.pdf' }],
    ['a link that does not parse', 'url', { url: 'not a url' }],
    ['a link with file metadata', 'file', { file: pdf }],
    ['a file with a url', 'url', { ...fileData(), url: URL_OK }],
    ['a file without metadata', 'file', { ...fileData(), file: null }],
    ['a blank file name', 'file.fileName', fileData({ fileName: ' ' })],
    ['a file name over 255 characters', 'file.fileName', fileData({ fileName: `${'a'.repeat(252)}.pdf` })],
    ['a media type without subtype', 'file.mediaType', fileData({ mediaType: 'pdf' })],
    ['an empty file', 'file.sizeBytes', fileData({ sizeBytes: 0 })],
    ['a file over 100 MiB', 'file.sizeBytes', fileData({ sizeBytes: 104_857_601 })],
    ['a fractional size', 'file.sizeBytes', fileData({ sizeBytes: 1.5 })],
    ['an uppercase hash', 'file.sha256', fileData({ sha256: 'A'.repeat(64) })],
    ['a short hash', 'file.sha256', fileData({ sha256: 'a'.repeat(63) })],
    ['an unknown kind', 'kind', { kind: 'PHOTO' as Data['kind'] }],
  ];
  it.each(invalid)('given an appraisal, when the evidence is %s, then INVALID_EVIDENCE naming %s', (_, field, data) => {
    const error = spec.given(draftedPlan()).when(attach(data)).thenThrows('INVALID_EVIDENCE', 'invalid');
    expect(error.details.map((d) => d.field)).toContain(field);
  });

  it('given an appraisal, when the description is blank, then TEXT_REQUIRED', () => {
    spec
      .given(draftedPlan())
      .when(attach({ description: '' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given evidence ev-1, when ev-1 is attached again, then EVIDENCE_ID_TAKEN', () => {
    spec
      .given([...draftedPlan(), evidenceAttached('ev-1')])
      .when(attach())
      .thenThrows('EVIDENCE_ID_TAKEN', 'conflict');
  });

  it.each([
    ["the rater's supervisor", RATER_SUPERVISOR],
    ['a peer', PEER],
  ])('given an appraisal, when %s attaches evidence, then NOT_ASSIGNED', (_, actor) => {
    spec.given(draftedPlan()).when(attach({}, actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it.each<CyclePhase>(['DETERMINATION', 'PUBLISHED', 'CLOSED'])(
    'given an appraisal, when evidence is attached in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given(draftedPlan())
        .when(attach({}, NIP, phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when evidence is attached, then APPRAISAL_ENDED', () => {
    spec
      .given([...draftedPlan(), appraisalEnded()])
      .when(attach())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
