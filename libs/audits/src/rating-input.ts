// What every audit reads: one approved (or published) rating per appraisal, with who rated whom. Built by the
// read models from the events; the audits themselves are pure functions of this list.
import type { Rating } from '../../policy/src/policy.js';

export interface RatedAppraisal {
  rateeNip: string;
  raterNip: string;
  unitId: string;
  hasilKerja: Rating;
  perilaku: Rating;
  /** Competency levels (1..5) the rater observed, by competency code; may be empty. */
  competencyLevels: readonly { code: string; level: number }[];
}

const STEP: Record<Rating, number> = { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_ATAS_EKSPEKTASI: 2 };

/**
 * The score the leniency audit compares: the two ratings as steps 0..2, summed (0..4). The predikat is not used
 * because its matrix is not monotone (KURANG for misconduct sits above BUTUH_PERBAIKAN); the ratings are.
 */
export const scoreOf = (r: Pick<RatedAppraisal, 'hasilKerja' | 'perilaku'>): number =>
  STEP[r.hasilKerja] + STEP[r.perilaku];

export const isAllSesuai = (r: Pick<RatedAppraisal, 'hasilKerja' | 'perilaku'>): boolean =>
  r.hasilKerja === 'SESUAI_EKSPEKTASI' && r.perilaku === 'SESUAI_EKSPEKTASI';

/** Groups by rater, in NIP order, so reports are deterministic. */
export function byRater(ratings: readonly RatedAppraisal[]): [string, RatedAppraisal[]][] {
  const groups = new Map<string, RatedAppraisal[]>();
  for (const r of ratings) groups.set(r.raterNip, [...(groups.get(r.raterNip) ?? []), r]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
