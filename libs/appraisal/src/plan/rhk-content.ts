// What a drafted or revised RHK must contain (DOMAIN section 3): a title, a kind, 1..20 IKI with targets, and
// where it comes from — an RHK of the rater's plan (cascading), or the unit's Perjanjian Kinerja for a JPT or
// for an employee whose rater has no plan in this cycle.
import { DomainError, type DomainErrorDetail } from '../../../shared-kernel/src/domain-error.js';
import type { Iki, IkiAspect, RhkContent, RhkKind } from '../appraisal/appraisal-events.js';
import { hasKey } from '../appraisal/appraisal-items.js';
import type { ActiveAppraisal } from '../appraisal/appraisal-state.js';
import type { RaterPlanFact } from '../appraisal/appraisal-commands.js';
import { perjanjianKinerjaReason, perjanjianKinerjaSentence } from './cascade-sources.js';

const RHK_KINDS: readonly RhkKind[] = ['UTAMA', 'TAMBAHAN'];
const IKI_ASPECTS: readonly IkiAspect[] = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'];
export const MAX_IKI_PER_RHK = 20;

/** Trimmed text of 1..max characters, or undefined after noting the problem. */
function text(problems: DomainErrorDetail[], field: string, value: unknown, max: number): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) {
    problems.push({
      field,
      message: trimmed.length === 0 ? `required (1-${max} characters)` : `over ${max} characters`,
    });
    return undefined;
  }
  return trimmed;
}

function iki(problems: DomainErrorDetail[], at: string, raw: Iki): Iki | undefined {
  if (typeof raw !== 'object' || raw === null) {
    problems.push({ field: at, message: 'an IKI object' });
    return undefined;
  }
  const before = problems.length;
  const ikiId = text(problems, `${at}.ikiId`, raw.ikiId, 100) ?? '';
  const description = text(problems, `${at}.description`, raw.description, 2000) ?? '';
  let result: Iki | undefined;
  if (raw.type === 'QUANTITATIVE') {
    if (!IKI_ASPECTS.includes(raw.aspect)) {
      problems.push({ field: `${at}.aspect`, message: `must be one of ${IKI_ASPECTS.join(', ')}` });
    }
    if (typeof raw.target !== 'number' || !Number.isFinite(raw.target) || raw.target < 0) {
      problems.push({ field: `${at}.target`, message: 'a quantitative target is a finite number >= 0' });
    }
    const unit = text(problems, `${at}.unit`, raw.unit, 50) ?? '';
    result = { ikiId, description, type: 'QUANTITATIVE', aspect: raw.aspect, target: raw.target, unit };
  } else if (raw.type === 'QUALITATIVE') {
    const target = text(problems, `${at}.target`, raw.target, 2000) ?? '';
    result = { ikiId, description, type: 'QUALITATIVE', target };
  } else {
    problems.push({ field: `${at}.type`, message: 'must be QUANTITATIVE or QUALITATIVE' });
  }
  return problems.length === before ? result : undefined;
}

/** The RHK's own fields, trimmed, or INVALID_RHK listing every problem by field (e.g. `iki[1].aspect`). */
export function requireValidRhk(content: RhkContent): Omit<RhkContent, 'cascadesFrom' | 'perjanjianKinerjaRef'> {
  const problems: DomainErrorDetail[] = [];
  const rhkId = text(problems, 'rhkId', content.rhkId, 100);
  const title = text(problems, 'title', content.title, 500);
  if (!RHK_KINDS.includes(content.kind)) problems.push({ field: 'kind', message: 'must be UTAMA or TAMBAHAN' });
  const rawIki = Array.isArray(content.iki) ? content.iki : [];
  if (rawIki.length < 1 || rawIki.length > MAX_IKI_PER_RHK) {
    problems.push({ field: 'iki', message: `an RHK has 1-${MAX_IKI_PER_RHK} IKI, got ${rawIki.length}` });
  }
  const ikiList = rawIki.map((raw, index) => iki(problems, `iki[${index}]`, raw));
  ikiList.forEach((item, index) => {
    if (item && ikiList.findIndex((other) => other?.ikiId === item.ikiId) < index) {
      problems.push({ field: `iki[${index}].ikiId`, message: `${item.ikiId} appears twice in this RHK` });
    }
  });
  if (problems.length > 0 || !rhkId || !title) {
    throw new DomainError(
      'invalid',
      'INVALID_RHK',
      `the RHK is not valid: ${problems.map((p) => p.field).join(', ')}`,
      problems,
    );
  }
  return { rhkId, kind: content.kind, title, iki: ikiList as Iki[] };
}

/**
 * IKI ids are unique across the plan and never reused (realisations name them): every IKI id must be new,
 * except those the revised RHK already has.
 */
export function requireFreeIkiIds(appraisal: ActiveAppraisal, iki: readonly Iki[], revised: RhkContent | null): void {
  const own = new Set((revised?.iki ?? []).map((i) => i.ikiId));
  const taken = iki
    .map((item, index) => ({ ikiId: item.ikiId, index }))
    .filter(({ ikiId }) => !own.has(ikiId) && hasKey(appraisal.items.IKI, ikiId));
  if (taken.length > 0) {
    throw new DomainError(
      'conflict',
      'IKI_ID_TAKEN',
      `IKI ${taken.map((t) => t.ikiId).join(', ')} already used in this plan`,
      taken.map(({ ikiId, index }) => ({ field: `iki[${index}].ikiId`, message: `${ikiId} is taken` })),
    );
  }
}

/** Whether this RHK must cascade from the rater's plan, and from which RHK ids. */
type CascadeSource =
  { kind: 'PERJANJIAN_KINERJA'; sentence: string } | { kind: 'RATER_PLAN'; raterPlan: RaterPlanFact };

/**
 * A non-JPT with a rater who has an appraisal in this cycle plans by cascading, so planning is refused until
 * the rater's plan has at least one RHK.
 */
export function requireCascadeSource(appraisal: ActiveAppraisal, raterPlan: RaterPlanFact | null): CascadeSource {
  const reason = perjanjianKinerjaReason(appraisal, raterPlan);
  if (reason !== null || raterPlan === null) {
    const sentence = perjanjianKinerjaSentence(reason ?? 'RATER_NOT_IN_CYCLE', appraisal.raterNip);
    return { kind: 'PERJANJIAN_KINERJA', sentence };
  }
  if (raterPlan.rhkIds.length === 0) {
    throw new DomainError(
      'conflict',
      'SUPERVISOR_PLAN_MISSING',
      `planning is refused until the plan of your rater ${raterPlan.raterNip} has at least one RHK: each RHK cascades from one of theirs`,
      [{ field: 'cascadesFrom', message: `the plan of ${raterPlan.raterNip} has no RHK yet` }],
    );
  }
  return { kind: 'RATER_PLAN', raterPlan };
}

/** `cascadesFrom` and `perjanjianKinerjaRef`, consistent with the source. */
export function requireCascade(
  source: CascadeSource,
  content: RhkContent,
): Pick<RhkContent, 'cascadesFrom' | 'perjanjianKinerjaRef'> {
  const ref = typeof content.perjanjianKinerjaRef === 'string' ? content.perjanjianKinerjaRef.trim() : '';
  if (source.kind === 'PERJANJIAN_KINERJA') {
    if (content.cascadesFrom !== null) {
      throw new DomainError(
        'invalid',
        'CASCADE_NOT_ALLOWED',
        `${source.sentence}, not from a supervisor's RHK: cascadesFrom must be null`,
        [{ field: 'cascadesFrom', message: 'must be null' }],
      );
    }
    if (ref.length === 0 || ref.length > 200) {
      throw new DomainError(
        'invalid',
        'PERJANJIAN_KINERJA_REQUIRED',
        `${source.sentence}: name that item in perjanjianKinerjaRef (1-200 characters)`,
        [{ field: 'perjanjianKinerjaRef', message: 'required' }],
      );
    }
    return { cascadesFrom: null, perjanjianKinerjaRef: ref };
  }
  const { raterPlan } = source;
  if (content.cascadesFrom === null || content.cascadesFrom === undefined) {
    throw new DomainError(
      'invalid',
      'CASCADE_REQUIRED',
      `each RHK cascades from an RHK of your rater ${raterPlan.raterNip}: name it in cascadesFrom`,
      [{ field: 'cascadesFrom', message: 'required' }],
    );
  }
  if (content.perjanjianKinerjaRef !== null && content.perjanjianKinerjaRef !== undefined) {
    throw new DomainError(
      'invalid',
      'PERJANJIAN_KINERJA_NOT_ALLOWED',
      'an RHK that cascades from the rater plan does not name a Perjanjian Kinerja item',
      [{ field: 'perjanjianKinerjaRef', message: 'must be null' }],
    );
  }
  const { raterNip, rhkId } = content.cascadesFrom;
  if (raterNip !== raterPlan.raterNip || !raterPlan.rhkIds.includes(rhkId)) {
    throw new DomainError(
      'invalid',
      'UNKNOWN_SUPERVISOR_RHK',
      `cascadesFrom must name an RHK of the plan of your rater ${raterPlan.raterNip}; ${raterNip}/${rhkId} is not one`,
      [{ field: 'cascadesFrom', message: `known: ${raterPlan.rhkIds.join(', ')}` }],
    );
  }
  return { cascadesFrom: { raterNip, rhkId }, perjanjianKinerjaRef: null };
}
