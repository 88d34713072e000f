// Terse construction of ratings for the audit specs (test-only).
import type { Rating } from '../../../policy/src/policy.js';
import type { RatedAppraisal } from '../rating-input.js';

const AXIS: Record<string, Rating> = { B: 'DI_BAWAH_EKSPEKTASI', S: 'SESUAI_EKSPEKTASI', A: 'DI_ATAS_EKSPEKTASI' };

/** rated('A', 'AS') = rater A rated hasil kerja DI_ATAS and perilaku SESUAI; levels are competency levels. */
export function rated(raterNip: string, axes: string, levels: number[] = [], index = 0): RatedAppraisal {
  return {
    rateeNip: `${raterNip}-${index}-${axes}`,
    raterNip,
    unitId: 'unit-1',
    hasilKerja: AXIS[axes[0]],
    perilaku: AXIS[axes[1]],
    competencyLevels: levels.map((level, i) => ({ code: `C${i}`, level })),
  };
}

export const many = (raterNip: string, axes: string[], levels: number[][] = []): RatedAppraisal[] =>
  axes.map((a, i) => rated(raterNip, a, levels[i] ?? [], i));
