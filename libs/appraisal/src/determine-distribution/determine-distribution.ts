// Steps 2-3 of the penetapan (DOMAIN section 6): the population's approved predikat are checked against the
// curve its unit predikat fixes, and the result is determined. A violated curve refuses the determination and
// names every violated bound with its numbers, unless an override is justified in writing (flagged for audit).
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { validateDistribution, type PredikatCounts } from '../../../policy/src/distribution.js';
import { PREDIKATS, type Predikat } from '../../../policy/src/policy.js';
import { requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import type { DetermineDistribution } from '../cycle/cycle-commands.js';
import type { CycleEvent } from '../cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState } from '../cycle/cycle-state.js';
import { requireCycle } from '../advance-cycle-phase/advance-cycle-phase.js';
import { requirePopulation } from '../set-unit-predikat/set-unit-predikat.js';

/** An override must say why in more than a word or two. */
export const MIN_OVERRIDE_JUSTIFICATION = 20;

export function decideDetermineDistribution(command: DetermineDistribution, state: CycleState): CycleEvent[] {
  const cycle = requireCycle(state);
  const { populationId } = command.data;
  requirePhase(cycle.phase, ['DETERMINATION'], 'determine a distribution');
  requirePopulation(cycle, populationId);
  const population = cycle.populations[populationId];
  const unitPredikat = population?.unitPredikat;
  if (!unitPredikat) {
    throw new DomainError(
      'conflict',
      'UNIT_PREDIKAT_NOT_SET',
      `the unit predikat of ${populationId} is not set: it fixes the curve, so it comes first`,
    );
  }
  if (population.determination) {
    throw new DomainError(
      'conflict',
      'ALREADY_DETERMINED',
      `the distribution of ${populationId} is already determined`,
    );
  }
  const members = requireApprovedMembers(command);
  const counts: PredikatCounts = Object.fromEntries(PREDIKATS.map((p) => [p, 0]));
  for (const m of members) counts[m.predikat] = (counts[m.predikat] ?? 0) + 1;

  const check = validateDistribution(cycle.policy, unitPredikat, counts);
  const violations = check.ok ? [] : check.violations;
  const given = command.data.overrideJustification?.trim() ? command.data.overrideJustification : null;
  if (violations.length > 0 && given === null) {
    throw new DomainError(
      'unprocessable',
      'DISTRIBUTION_VIOLATED',
      `the distribution of ${populationId} breaks the ${unitPredikat} curve: ` +
        violations.map((v) => v.message).join('; '),
      violations.map(({ bound, message, actualPeople, actualShare, limit, limitPeople, peopleOver, peopleShort }) => ({
        field: 'distribution',
        message,
        predikat: bound.predikat,
        kind: bound.kind,
        limit,
        limitPeople,
        actualPeople,
        actualShare,
        ...(peopleOver === undefined ? {} : { peopleOver }),
        ...(peopleShort === undefined ? {} : { peopleShort }),
      })),
    );
  }
  // An override is recorded only when the curve is actually broken; a justification given for a distribution
  // that meets the curve is ignored, so the audit flag (override !== null) never marks a compliant one.
  const override = violations.length > 0 ? { justification: requireJustification(given) } : null;
  return [
    {
      type: 'DistributionDetermined.v1',
      data: {
        populationId,
        unitPredikat,
        members,
        counts,
        violations,
        override,
        determinedByNip: command.actorNip,
        determinedAt: command.now,
      },
    },
  ];
}

/** Every member has an approved rating; the members sorted by NIP (the event reads the same however asked). */
function requireApprovedMembers(command: DetermineDistribution) {
  const seen = new Set<string>();
  const unapproved: string[] = [];
  const members: { nip: string; predikat: Predikat; ratingVersion: number }[] = [];
  for (const m of command.members) {
    if (seen.has(m.nip)) {
      throw new DomainError('invalid', 'DUPLICATE_MEMBER', `${m.nip} is listed twice in the population`);
    }
    seen.add(m.nip);
    if (m.approved === null) unapproved.push(m.nip);
    else members.push({ nip: m.nip, predikat: m.approved.predikat, ratingVersion: m.approved.ratingVersion });
  }
  if (unapproved.length > 0) {
    unapproved.sort();
    throw new DomainError(
      'conflict',
      'APPRAISALS_NOT_APPROVED',
      `${unapproved.length} appraisal(s) of ${command.data.populationId} have no approved rating: ${unapproved.join(', ')}`,
      unapproved.map((nip) => ({ field: 'members', message: 'no approved rating', nip })),
    );
  }
  return members.sort((a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
}

function requireJustification(value: string | null): string {
  const justification = requireText('overrideJustification', value);
  if (justification.length < MIN_OVERRIDE_JUSTIFICATION) {
    throw new DomainError(
      'invalid',
      'OVERRIDE_JUSTIFICATION_TOO_SHORT',
      `an override needs a written justification of at least ${MIN_OVERRIDE_JUSTIFICATION} characters`,
      [{ field: 'overrideJustification', message: `${justification.length} characters` }],
    );
  }
  return justification;
}

export const determineDistributionDecider: Decider<DetermineDistribution, CycleState, CycleEvent> = {
  initialState: initialCycleState,
  decide: decideDetermineDistribution,
  evolve: evolveCycle,
};
