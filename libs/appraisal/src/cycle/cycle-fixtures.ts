// Events and commands for the given/when/then specs of cycle streams (test-only).
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { PREDIKATS, type Policy, type Predikat, type UnitPredikat } from '../../../policy/src/policy.js';
import type { PredikatCounts } from '../../../policy/src/distribution.js';
import type { CycleEvent, CycleEventOf, CyclePhase } from './cycle-events.js';
import { CYCLE_PHASES } from './cycle-events.js';
import type { OpenCycle } from './cycle-commands.js';

export const CYCLE_ID = 'kota-manokwari-2026';
export const AGENCY_ID = 'kota-manokwari';
/** dinas (root) > bidang-sd > sd-3, sd-4 */
export const ROOT_UNIT_ID = 'dinas';
export const UNIT_IDS = ['dinas', 'bidang-sd', 'sd-3', 'sd-4'];
/** The leader one level up (sets the unit predikat). */
export const LEADER = '197001012000011001';
export const NOW = '2026-01-02T01:00:00.000Z';
export const LATER = '2026-12-20T02:00:00.000Z';

/** A policy whose curves apply to the whole agency instead of each unit. */
export const AGENCY_SCOPE_POLICY: Policy = {
  ...DEFAULT_POLICY,
  distribution: { ...DEFAULT_POLICY.distribution, scope: 'AGENCY' },
};

export const openCycleCommand = (
  data: Partial<OpenCycle['data']> = {},
  facts: Partial<Omit<OpenCycle, 'type' | 'now' | 'data'>> = {},
): OpenCycle => ({
  type: 'OpenCycle',
  now: NOW,
  data: {
    cycleId: CYCLE_ID,
    agencyId: AGENCY_ID,
    name: 'Penilaian Kinerja Tahunan 2026',
    kind: 'ANNUAL',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    rootUnitId: ROOT_UNIT_ID,
    ...data,
  },
  timeZone: 'Asia/Jayapura',
  unitIds: UNIT_IDS,
  frameworkRef: { frameworkId: 'kota-manokwari-kompetensi', version: 1 },
  policyRef: { scope: 'national', version: 1 },
  policy: DEFAULT_POLICY,
  ...facts,
});

export const cycleOpened = (policy: Policy = DEFAULT_POLICY): CycleEvent => {
  const { data, timeZone, unitIds, frameworkRef, policyRef } = openCycleCommand();
  return {
    type: 'CycleOpened.v1',
    data: {
      ...data,
      timeZone,
      unitIds: unitIds ?? [],
      frameworkRef,
      policyRef,
      policy,
      openedAt: NOW,
    },
  };
};

export const phaseAdvanced = (from: CyclePhase, to: CyclePhase, reason = `to ${to}`): CycleEvent => ({
  type: 'CyclePhaseAdvanced.v1',
  data: { from, to, reason, advancedAt: LATER },
});

/** The cycle opened and advanced, one event per step, up to and including `phase`. */
export const cycleIn = (phase: CyclePhase, policy: Policy = DEFAULT_POLICY): CycleEvent[] => {
  const steps = CYCLE_PHASES.slice(0, CYCLE_PHASES.indexOf(phase) + 1);
  return [cycleOpened(policy), ...steps.slice(1).map((to, i) => phaseAdvanced(steps[i], to))];
};

export const unitPredikatSet = (
  populationId: string,
  unitPredikat: UnitPredikat,
  reason = 'Capaian kinerja organisasi tahun 2026',
): CycleEvent => ({
  type: 'UnitPredikatSet.v1',
  data: { populationId, unitPredikat, setByNip: LEADER, reason, setAt: LATER },
});

export const distributionDetermined = (
  populationId: string,
  unitPredikat: UnitPredikat,
  members: { nip: string; predikat: Predikat; ratingVersion: number }[] = [],
  overrides: Partial<CycleEventOf<'DistributionDetermined.v1'>['data']> = {},
): CycleEvent => {
  const counts: PredikatCounts = Object.fromEntries(PREDIKATS.map((p) => [p, 0]));
  for (const m of members) counts[m.predikat] = (counts[m.predikat] ?? 0) + 1;
  return {
    type: 'DistributionDetermined.v1',
    data: {
      populationId,
      unitPredikat,
      members,
      counts,
      violations: [],
      override: null,
      determinedByNip: LEADER,
      determinedAt: LATER,
      ...overrides,
    },
  };
};

/** n distinct NIPs in ascending order (born 1985-03-15, appointed 2010-01, male, sequence 001, 002, ...). */
export const nips = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `198503152010011${String(i + 1).padStart(3, '0')}`);
