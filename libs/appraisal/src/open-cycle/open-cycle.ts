// HR opens a cycle for a unit subtree: the period, its kind, and the framework and policy versions it pins for
// ever (DOMAIN preamble). The appraisals of the people in scope are started by the caller, one stream each.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { addDays } from '../../../policy/src/local-calendar.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import type { OpenCycle } from '../cycle/cycle-commands.js';
import { CYCLE_KINDS, type CycleEvent } from '../cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState } from '../cycle/cycle-state.js';

export const CYCLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
/** A leap year's annual cycle is 366 days; nothing longer is a cycle. */
export const MAX_PERIOD_DAYS = 366;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function decideOpenCycle(command: OpenCycle, state: CycleState): CycleEvent[] {
  const { cycleId, agencyId, kind, periodStart, periodEnd, rootUnitId } = command.data;
  if (state.status !== 'none') {
    throw new DomainError('conflict', 'CYCLE_EXISTS', `cycle ${cycleId} is already open`, [
      { field: 'cycleId', message: 'taken' },
    ]);
  }
  if (!CYCLE_ID_PATTERN.test(cycleId ?? '')) {
    throw new DomainError('invalid', 'INVALID_CYCLE_ID', 'cycleId must be 3-64 lowercase letters, digits or dashes', [
      { field: 'cycleId', message: `must match ${CYCLE_ID_PATTERN.source}` },
    ]);
  }
  const name = requireText('name', command.data.name, 200);
  if (!(CYCLE_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('invalid', 'INVALID_CYCLE_KIND', `kind must be one of ${CYCLE_KINDS.join(', ')}`, [
      { field: 'kind', message: `unknown kind ${String(kind)}` },
    ]);
  }
  requirePeriod(periodStart, periodEnd);
  if (command.unitIds === null) {
    throw new DomainError('not_found', 'UNIT_NOT_FOUND', `agency ${agencyId} has no unit ${rootUnitId}`, [
      { field: 'rootUnitId', message: 'no such unit' },
    ]);
  }
  return [
    {
      type: 'CycleOpened.v1',
      data: {
        cycleId,
        agencyId,
        name,
        kind,
        periodStart,
        periodEnd,
        timeZone: command.timeZone,
        rootUnitId,
        unitIds: command.unitIds,
        frameworkRef: command.frameworkRef,
        policyRef: command.policyRef,
        policy: command.policy,
        openedAt: command.now,
      },
    },
  ];
}

function requirePeriod(periodStart: string, periodEnd: string): void {
  const refuse = (field: string, message: string) => {
    throw new DomainError('invalid', 'INVALID_PERIOD', `${field} ${message}`, [{ field, message }]);
  };
  for (const [field, date] of [
    ['periodStart', periodStart],
    ['periodEnd', periodEnd],
  ] as const) {
    // addDays(date, 0) normalises an impossible date (2026-02-30 -> 2026-03-02), so a mismatch means not real.
    if (!LOCAL_DATE.test(date ?? '') || addDays(date, 0) !== date) refuse(field, 'must be a real date YYYY-MM-DD');
  }
  // Both days count: 2028-01-01..2028-12-31 is 366 days.
  const days = (Date.parse(`${periodEnd}T00:00:00Z`) - Date.parse(`${periodStart}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1) refuse('periodEnd', `must not be before periodStart (${periodStart})`);
  if (days > MAX_PERIOD_DAYS) refuse('periodEnd', `gives a period of ${days} days; at most ${MAX_PERIOD_DAYS}`);
}

export const openCycleDecider: Decider<OpenCycle, CycleState, CycleEvent> = {
  initialState: initialCycleState,
  decide: decideOpenCycle,
  evolve: evolveCycle,
};
