// Guards the keberatan use cases share: a published result, the window (on the agency's calendar), what may be
// objected to, evidence, and the objection named by id. See docs/domain-rules.md (keberatan) for the rules.
import { DomainError, type DomainErrorDetail } from '../../../shared-kernel/src/domain-error.js';
import { objectionDeadline, type Deadline } from '../../../policy/src/deadlines.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import type { ActiveAppraisal } from '../appraisal/appraisal-state.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import { requireEvidenceSource } from '../attach-evidence/evidence-source.js';
import { OBJECTED_ITEM_KINDS, type ObjectedItem, type ObjectionEvidence } from './objection-events.js';
import { openObjection, type ObjectionRecord } from './objection-state.js';

/** A result exists from PUBLISHED on, and the window must not depend on when HR closes the cycle. */
export const OBJECTION_PHASES: readonly CyclePhase[] = ['PUBLISHED', 'CLOSED'];
export const REASONS_MAX = 8000;
const MAX_ITEMS = 50;
const MAX_EVIDENCE = 20;

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
/** "Asia/Jayapura (WIT)": how a deadline's time zone is named in messages. */
export const zoneLabel = (timeZone: string): string =>
  ZONE_NAMES[timeZone] ? `${timeZone} (${ZONE_NAMES[timeZone]})` : timeZone;

export function requirePublished(appraisal: ActiveAppraisal): NonNullable<ActiveAppraisal['publication']> {
  if (!appraisal.publication) {
    throw new DomainError('conflict', 'RESULT_NOT_PUBLISHED', 'the result has not been published yet');
  }
  return appraisal.publication;
}

/**
 * The window runs from the acknowledged receipt of the result; an employee who never acknowledges is not given a
 * window without end: it then runs from publication (a result is received at the latest when it is published
 * to them).
 */
export function objectionWindow(appraisal: ActiveAppraisal): Deadline {
  const publication = requirePublished(appraisal);
  const start = appraisal.receipt?.receivedAt ?? publication.publishedAt;
  return objectionDeadline(appraisal.policy, start, appraisal.timeZone);
}

export function windowClosed(window: Deadline, detail: string): DomainError {
  return new DomainError(
    'unprocessable',
    'OBJECTION_WINDOW_CLOSED',
    `the objection window closed at the end of ${window.lastDay} (${zoneLabel(window.timeZone)}); ${detail}`,
    [{ field: 'objection', message: `last day ${window.lastDay}`, lastDay: window.lastDay, closesAt: window.closesAt }],
  );
}

/** One open objection at a time, and a decided result is final: no second objection against it. */
export function requireMayFile(appraisal: ActiveAppraisal): void {
  const open = openObjection(appraisal.objections);
  if (open) {
    throw new DomainError('conflict', 'OBJECTION_ALREADY_OPEN', `objection ${open.objectionId} is still open`);
  }
  const decided = appraisal.objections.find((o) => o.status === 'DECIDED');
  if (decided) {
    throw new DomainError(
      'conflict',
      'OBJECTION_ALREADY_DECIDED',
      `objection ${decided.objectionId} was decided and the decision is final; no second objection on this result`,
    );
  }
}

export interface ObjectionContent {
  objectionId: string;
  reasons: string;
  items: ObjectedItem[];
  evidence: ObjectionEvidence[];
}

/** The id is new, the reasons are written, the items name what the published result contains. */
export function requireObjectionContent(appraisal: ActiveAppraisal, data: ObjectionContent): ObjectionContent {
  const objectionId = requireText('objectionId', data.objectionId, 100);
  if (appraisal.objections.some((o) => o.objectionId === objectionId)) {
    throw new DomainError('conflict', 'OBJECTION_ID_TAKEN', `objectionId ${objectionId} is already used`, [
      { field: 'objectionId', message: 'taken' },
    ]);
  }
  const reasons = requireText('reasons', data.reasons, REASONS_MAX);
  return { objectionId, reasons, items: requireItems(appraisal, data.items), evidence: requireEvidence(data.evidence) };
}

function requireItems(appraisal: ActiveAppraisal, items: readonly ObjectedItem[]): ObjectedItem[] {
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
    throw new DomainError('invalid', 'OBJECTION_ITEMS_INVALID', `name 1-${MAX_ITEMS} items objected to`, [
      { field: 'items', message: `1-${MAX_ITEMS} items` },
    ]);
  }
  const rating = appraisal.ratings.find((r) => r.version === appraisal.publication?.ratingVersion);
  const iki = new Set(rating?.data.realisations.map((r) => `${r.rhkId}/${r.ikiId}`) ?? []);
  const competencies = new Set(rating?.data.competencyLevels.map((c) => c.code) ?? []);
  const seen = new Set<string>();
  const problems: DomainErrorDetail[] = [];
  const clean = items.map((item, i): ObjectedItem => {
    const field = `items[${i}]`;
    const key = itemKey(item);
    if (!OBJECTED_ITEM_KINDS.includes(item?.kind)) problems.push({ field: `${field}.kind`, message: 'unknown kind' });
    else if (item.kind === 'REALISATION' && !iki.has(`${item.rhkId}/${item.ikiId}`)) {
      problems.push({ field, message: `the published rating has no realisation of ${item.rhkId}/${item.ikiId}` });
    } else if (item.kind === 'COMPETENCY_LEVEL' && !competencies.has(item.competencyCode)) {
      problems.push({ field, message: `the published rating observed no level of ${item.competencyCode}` });
    } else if (seen.has(key)) problems.push({ field, message: 'named twice' });
    seen.add(key);
    return item;
  });
  if (problems.length > 0) {
    throw new DomainError(
      'invalid',
      'OBJECTION_ITEMS_INVALID',
      `items: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return clean;
}

const itemKey = (item: ObjectedItem): string => {
  if (item?.kind === 'REALISATION') return `${item.kind}:${item.rhkId}/${item.ikiId}`;
  if (item?.kind === 'COMPETENCY_LEVEL') return `${item.kind}:${item.competencyCode}`;
  return String(item?.kind);
};

export function requireEvidence(evidence: readonly ObjectionEvidence[]): ObjectionEvidence[] {
  if (!Array.isArray(evidence) || evidence.length > MAX_EVIDENCE) {
    throw new DomainError('invalid', 'INVALID_EVIDENCE', `at most ${MAX_EVIDENCE} pieces of evidence`, [
      { field: 'evidence', message: `0-${MAX_EVIDENCE} items` },
    ]);
  }
  return evidence.map((e, i) => ({
    kind: e.kind,
    ...requireEvidenceSource(e, `evidence[${i}].`),
    description: requireText(`evidence[${i}].description`, e.description, 2000),
  }));
}

export function requireObjection(appraisal: ActiveAppraisal, objectionId: string): ObjectionRecord {
  const found = appraisal.objections.find((o) => o.objectionId === objectionId);
  if (!found) {
    throw new DomainError('not_found', 'OBJECTION_NOT_FOUND', `no objection ${objectionId} on this appraisal`);
  }
  return found;
}

export function requireOpenObjection(appraisal: ActiveAppraisal, objectionId: string): ObjectionRecord {
  const objection = requireObjection(appraisal, objectionId);
  if (objection.status !== 'OPEN') {
    throw new DomainError(
      'conflict',
      'OBJECTION_NOT_OPEN',
      `objection ${objectionId} is ${objection.status.toLowerCase()}; nothing more can happen to it`,
      [{ field: 'objectionId', message: objection.status }],
    );
  }
  return objection;
}

/** The decider acts; an unassigned objection (no atasan pejabat penilai) waits for HR first. */
export function requireDecider(objection: ObjectionRecord, actorNip: string | null, action: string): string {
  if (objection.deciderNip === null) {
    throw new DomainError(
      'conflict',
      'OBJECTION_UNASSIGNED',
      `objection ${objection.objectionId} has no decider yet: HR must assign one before anyone can ${action}`,
    );
  }
  if (actorNip !== objection.deciderNip) {
    throw new DomainError('forbidden', 'NOT_ASSIGNED', `only the decider (${objection.deciderNip}) may ${action}`);
  }
  return actorNip;
}
