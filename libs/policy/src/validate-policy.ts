// Refuses an incomplete or contradictory policy, naming every problem by its field path
// (`distribution.curves.BAIK[0].value`). Input is `unknown` because policies arrive as JSON from people.
import {
  BOUND_KINDS,
  DAY_COUNTINGS,
  DISTRIBUTION_ROUNDINGS,
  DISTRIBUTION_SCOPES,
  POTENSIALS,
  PREDIKATS,
  RATINGS,
  UNIT_PREDIKATS,
  type DistributionBound,
  type Policy,
  type Predikat,
} from './policy.js';

export interface PolicyProblem {
  field: string;
  message: string;
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

class Problems {
  readonly list: PolicyProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** The object at `path` with exactly `keys` (missing and unknown keys are problems); undefined if not one. */
  /** An object with every key of `keys`, optionally some of `optional`, and nothing else. */
  record(value: unknown, path: string, keys: readonly string[], optional: readonly string[] = []): Obj | undefined {
    if (!isObject(value)) {
      this.add(path, `must be an object with ${keys.join(', ')}`);
      return undefined;
    }
    for (const key of keys) if (!(key in value)) this.add(join(path, key), 'is missing');
    for (const key of Object.keys(value)) {
      if (!keys.includes(key) && !optional.includes(key)) this.add(join(path, key), 'is not a policy field');
    }
    return value;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (value !== undefined && !allowed.includes(value as string)) {
      this.add(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }

  intIn(value: unknown, path: string, min: number, max: number): void {
    if (value === undefined) return;
    if (!isInt(value) || value < min || value > max) {
      this.add(path, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
  }
}

const TOP_LEVEL = [
  'title',
  'legalBasis',
  'predikatMatrix',
  'distribution',
  'objection',
  'peerAnonymityMinimum',
  'creditPointPercentages',
  'nineBox',
] as const;

export function validatePolicy(input: unknown): PolicyValidation {
  const p = new Problems();
  const policy = p.record(input, '', TOP_LEVEL, ['dialogue', 'transparency', 'development', 'audits']);
  if (policy) {
    if (policy.title !== undefined && (typeof policy.title !== 'string' || policy.title.trim() === '')) {
      p.add('title', 'must be a non-blank text');
    }
    if (policy.legalBasis !== undefined) {
      if (!Array.isArray(policy.legalBasis)) p.add('legalBasis', 'must be a list of texts');
      else
        policy.legalBasis.forEach((item, i) => {
          if (typeof item !== 'string' || item.trim() === '') p.add(`legalBasis[${i}]`, 'must be a non-blank text');
        });
    }
    checkMatrix(p, policy.predikatMatrix);
    checkDistribution(p, policy.distribution);
    checkObjection(p, policy.objection);
    checkDialogue(p, policy.dialogue);
    checkTransparency(p, policy.transparency);
    checkDevelopment(p, policy.development);
    checkAudits(p, policy.audits);
    // One reviewer's "aggregate" is that reviewer's own words: anonymity needs at least two.
    p.intIn(policy.peerAnonymityMinimum, 'peerAnonymityMinimum', 2, 1000);
    checkCreditPoints(p, policy.creditPointPercentages);
    checkNineBox(p, policy.nineBox);
  }
  return p.list.length === 0 ? { ok: true, policy: input as Policy } : { ok: false, problems: p.list };
}

function checkMatrix(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const rows = p.record(value, 'predikatMatrix', RATINGS);
  for (const hasil of RATINGS) {
    const row = rows?.[hasil] === undefined ? undefined : p.record(rows[hasil], `predikatMatrix.${hasil}`, RATINGS);
    for (const perilaku of RATINGS) p.oneOf(row?.[perilaku], `predikatMatrix.${hasil}.${perilaku}`, PREDIKATS);
  }
}

function checkDistribution(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const distribution = p.record(value, 'distribution', ['scope', 'rounding', 'curves']);
  if (!distribution) return;
  p.oneOf(distribution.scope, 'distribution.scope', DISTRIBUTION_SCOPES);
  p.oneOf(distribution.rounding, 'distribution.rounding', DISTRIBUTION_ROUNDINGS);
  if (distribution.curves === undefined) return;
  const curves = p.record(distribution.curves, 'distribution.curves', UNIT_PREDIKATS);
  for (const unit of UNIT_PREDIKATS) {
    const path = `distribution.curves.${unit}`;
    const curve = curves?.[unit];
    if (curve === undefined) continue;
    if (!Array.isArray(curve)) {
      p.add(path, 'must be a list of bounds (empty: no constraint)');
      continue;
    }
    const before = p.list.length;
    curve.forEach((bound, i) => checkBound(p, bound, `${path}[${i}]`));
    if (p.list.length === before) checkContradictions(p, curve as DistributionBound[], path);
  }
}

function checkBound(p: Problems, value: unknown, path: string): void {
  const bound = p.record(value, path, ['predikat', 'kind', 'value']);
  if (!bound) return;
  if (bound.predikat !== undefined) {
    const list = bound.predikat;
    if (!Array.isArray(list) || list.length === 0) p.add(`${path}.predikat`, 'must be a non-empty list of predikat');
    else {
      list.forEach((item, i) => p.oneOf(item, `${path}.predikat[${i}]`, PREDIKATS));
      if (new Set(list).size !== list.length) p.add(`${path}.predikat`, 'lists a predikat twice');
    }
  }
  p.oneOf(bound.kind, `${path}.kind`, BOUND_KINDS);
  const isShare = bound.kind === 'MAX_SHARE' || bound.kind === 'MIN_SHARE';
  if (isShare) p.intIn(bound.value, `${path}.value`, 0, 100);
  else p.intIn(bound.value, `${path}.value`, 0, 100_000);
}

/**
 * Bounds no population of any size could meet: a minimum above a maximum of a superset, minimums of
 * disjoint groups summing above 100%, or maximums covering every predikat summing below 100%.
 */
function checkContradictions(p: Problems, curve: DistributionBound[], path: string): void {
  const subset = (a: Predikat[], b: Predikat[]) => a.every((x) => b.includes(x));
  curve.forEach((min, i) => {
    if (min.kind !== 'MIN_SHARE' && min.kind !== 'MIN_COUNT') return;
    curve.forEach((max, j) => {
      const comparable =
        (min.kind === 'MIN_SHARE' && max.kind === 'MAX_SHARE') ||
        (min.kind === 'MIN_COUNT' && max.kind === 'MAX_COUNT');
      if (comparable && subset(min.predikat, max.predikat) && min.value > max.value) {
        p.add(`${path}[${i}]`, `contradicts ${path}[${j}]: at least ${min.value} but at most ${max.value}`);
      }
    });
  });
  const mins = curve.filter((b) => b.kind === 'MIN_SHARE');
  forEachSubset(mins, (group) => {
    const disjoint = new Set(group.flatMap((b) => b.predikat)).size === group.flatMap((b) => b.predikat).length;
    const total = group.reduce((sum, b) => sum + b.value, 0);
    if (group.length > 1 && disjoint && total > 100) {
      p.add(path, `minimum shares of separate predikat add up to ${total}% > 100%`);
    }
  });
  const maxes = curve.filter((b) => b.kind === 'MAX_SHARE');
  forEachSubset(maxes, (group) => {
    const covered = new Set(group.flatMap((b) => b.predikat));
    const total = group.reduce((sum, b) => sum + b.value, 0);
    if (covered.size === PREDIKATS.length && total < 100) {
      p.add(path, `maximum shares cover every predikat but add up to ${total}% < 100%`);
    }
  });
}

function forEachSubset<T>(items: T[], visit: (group: T[]) => void): void {
  // Curves have a handful of bounds; 2^n stays tiny (and is capped for safety).
  const n = Math.min(items.length, 12);
  for (let mask = 1; mask < 1 << n; mask++) visit(items.filter((_, i) => (mask >> i) & 1));
}

function checkObjection(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const keys = ['windowDays', 'windowCounting', 'decisionDays', 'decisionCounting'];
  // Statement settings came with objections: versions published before them stay valid without.
  const objection = p.record(value, 'objection', keys, ['statementDays', 'statementCounting']);
  if (!objection) return;
  p.intIn(objection.windowDays, 'objection.windowDays', 1, 365);
  p.oneOf(objection.windowCounting, 'objection.windowCounting', DAY_COUNTINGS);
  p.intIn(objection.decisionDays, 'objection.decisionDays', 1, 365);
  p.oneOf(objection.decisionCounting, 'objection.decisionCounting', DAY_COUNTINGS);
  p.intIn(objection.statementDays, 'objection.statementDays', 1, 60);
  p.oneOf(objection.statementCounting, 'objection.statementCounting', DAY_COUNTINGS);
}

function checkDialogue(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const dialogue = p.record(value, 'dialogue', ['acknowledgementDays', 'acknowledgementCounting']);
  if (!dialogue) return;
  p.intIn(dialogue.acknowledgementDays, 'dialogue.acknowledgementDays', 1, 60);
  p.oneOf(dialogue.acknowledgementCounting, 'dialogue.acknowledgementCounting', DAY_COUNTINGS);
}

function checkDevelopment(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const development = p.record(value, 'development', ['annualJpTarget']);
  if (!development) return;
  p.intIn(development.annualJpTarget, 'development.annualJpTarget', 1, 1000);
}

const AUDIT_FRACTIONS = ['leniencyEffectSize', 'alpha', 'centralShareExcess', 'haloShareExcess'] as const;

function checkAudits(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const audits = p.record(value, 'audits', ['minRatings', ...AUDIT_FRACTIONS]);
  if (!audits) return;
  // Fewer than 3 ratings cannot show a rater's tendency; an effect size or share outside (0, 1] flags all or none.
  p.intIn(audits.minRatings, 'audits.minRatings', 3, 1000);
  for (const key of AUDIT_FRACTIONS) {
    const v = audits[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > (key === 'leniencyEffectSize' ? 5 : 1)) {
      p.add(
        `audits.${key}`,
        `must be a number above 0 and at most ${key === 'leniencyEffectSize' ? 5 : 1}, got ${JSON.stringify(v)}`,
      );
    }
  }
}

function checkTransparency(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const transparency = p.record(value, 'transparency', ['publishNamesInUnit']);
  if (transparency && 'publishNamesInUnit' in transparency && typeof transparency.publishNamesInUnit !== 'boolean') {
    p.add(
      'transparency.publishNamesInUnit',
      `must be true or false, got ${JSON.stringify(transparency.publishNamesInUnit)}`,
    );
  }
}

function checkCreditPoints(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const table = p.record(value, 'creditPointPercentages', PREDIKATS);
  if (!table) return;
  for (const predikat of PREDIKATS) p.intIn(table[predikat], `creditPointPercentages.${predikat}`, 0, 1000);
  // A worse predikat earning more credit than a better one is a contradiction, not a choice.
  for (let i = 1; i < PREDIKATS.length; i++) {
    const better = table[PREDIKATS[i - 1]];
    const worse = table[PREDIKATS[i]];
    if (isInt(better) && isInt(worse) && worse > better) {
      p.add(
        `creditPointPercentages.${PREDIKATS[i]}`,
        `${worse}% is more than ${PREDIKATS[i - 1]}'s ${better}%: a worse predikat may not earn more`,
      );
    }
  }
}

function checkNineBox(p: Problems, value: unknown): void {
  if (value === undefined) return;
  const rows = p.record(value, 'nineBox', RATINGS);
  const seen = new Map<number, string>();
  for (const kinerja of RATINGS) {
    const row = rows?.[kinerja] === undefined ? undefined : p.record(rows[kinerja], `nineBox.${kinerja}`, POTENSIALS);
    for (const potensial of POTENSIALS) {
      const path = `nineBox.${kinerja}.${potensial}`;
      const box = row?.[potensial];
      p.intIn(box, path, 1, 9);
      if (!isInt(box)) continue;
      const other = seen.get(box);
      if (other) p.add(path, `box ${box} is already ${other}: each box number 1..9 is used once`);
      else seen.set(box, path);
    }
  }
}
