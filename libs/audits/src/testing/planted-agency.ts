// A generated agency for the planted-bias property tests: raters of equal size rating ratees whose latent
// performance is drawn from one distribution, with four raters given a planted bias. Deterministic per seed.
import type { Rating } from '../../../policy/src/policy.js';
import type { RatedAppraisal } from '../rating-input.js';

export type Plant = 'LENIENT' | 'SEVERE' | 'HALO' | 'CENTRAL' | 'NONE';

export interface PlantedAgency {
  ratings: RatedAppraisal[];
  plants: Record<string, Plant>;
}

/** mulberry32: a tiny seeded PRNG, so a failing seed can be replayed exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Cut points giving roughly 10% DI_BAWAH, 75% SESUAI, 15% DI_ATAS for an unbiased rater (the national pattern). */
const LOW = -1.28;
const HIGH = 1.04;
const rate = (latent: number): Rating =>
  latent < LOW ? 'DI_BAWAH_EKSPEKTASI' : latent > HIGH ? 'DI_ATAS_EKSPEKTASI' : 'SESUAI_EKSPEKTASI';

const COMPETENCIES = ['INTEGRITAS', 'KERJA_SAMA', 'KOMUNIKASI', 'ORIENTASI_PADA_HASIL'];
const clampLevel = (level: number) => Math.min(5, Math.max(1, level));

export function plantedAgency(
  seed: number,
  options: { unbiasedRaters?: number; ratees?: number; shift?: number } = {},
): PlantedAgency {
  const { unbiasedRaters = 16, ratees = 12, shift = 1.2 } = options;
  const random = prng(seed);
  const plants: Record<string, Plant> = {};
  const kinds: Plant[] = ['LENIENT', 'SEVERE', 'HALO', 'CENTRAL', ...Array<Plant>(unbiasedRaters).fill('NONE')];
  const ratings: RatedAppraisal[] = [];
  kinds.forEach((plant, r) => {
    const raterNip = `rater-${String(r).padStart(3, '0')}`;
    plants[raterNip] = plant;
    for (let i = 0; i < ratees; i++) {
      const performance = normal(random);
      // Results and behaviour share the person's performance and differ by their own noise (correlation ~0.5).
      let hasil = 0.7 * performance + 0.71 * normal(random);
      let perilaku = 0.7 * performance + 0.71 * normal(random);
      if (plant === 'LENIENT') [hasil, perilaku] = [hasil + shift, perilaku + shift];
      if (plant === 'SEVERE') [hasil, perilaku] = [hasil - shift, perilaku - shift];
      const hasilKerja = plant === 'CENTRAL' ? 'SESUAI_EKSPEKTASI' : rate(hasil);
      // Halo: one overall impression drives every competency level; an honest rater's levels follow the
      // person's performance with per-competency differences.
      const base = 3 + Math.round(performance);
      const competencyLevels = COMPETENCIES.map((code) => ({
        code,
        level: clampLevel(plant === 'HALO' ? base : 3 + Math.round(0.8 * performance + 0.9 * normal(random))),
      }));
      ratings.push({
        competencyLevels,
        rateeNip: `${raterNip}-ratee-${i}`,
        raterNip,
        unitId: `unit-${r}`,
        hasilKerja,
        perilaku: plant === 'CENTRAL' ? 'SESUAI_EKSPEKTASI' : rate(perilaku),
      });
    }
  });
  return { ratings, plants };
}
