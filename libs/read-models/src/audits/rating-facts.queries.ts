// What the audits routes read: the approved ratings of a cycle as libs/audits takes them, and the per-rater
// evidence, revision and objection counts. Only active appraisals with an approved latest rating count.
import type { Kysely } from 'kysely';
import type { RatedAppraisal } from '../../../audits/src/rating-input.js';
import type { GapInput } from '../../../audits/src/assessment-gaps/assessment-gaps.js';
import type { GroupInput } from '../../../audits/src/group-gaps/group-gaps.js';
import type { Predikat, Rating } from '../../../policy/src/policy.js';
import { activeSchema } from '../../../projections/src/projection.js';
import { EMPLOYEE_DIRECTORY } from '../employee-directory/employee-directory.projection.js';
import type { EmployeeDirectoryTables } from '../employee-directory/employee-directory.tables.js';
import { RATING_FACTS } from './rating-facts.projection.js';
import type { RatingFactsRow, RatingFactsTables } from './rating-facts.tables.js';

export interface RaterEvidence {
  raterNip: string;
  ratings: number;
  /** Ratings off SESUAI (DI_ATAS or DI_BAWAH on either axis) and how many of them had no evidence or a thin justification. */
  offSesuai: number;
  offSesuaiWithoutEvidence: number;
  offSesuaiThinJustification: number;
  /** Ratings revised after approval (during determination, to fit the curve). */
  revisedAfterApproval: number;
  /** Objections filed against this rater's ratings, and how many ended CHANGED (overturned). */
  objections: number;
  overturned: number;
  objectionRate: number;
  overturnRate: number | null;
  conflictOfInterest: number;
}

/** A justification shorter than this is "thin" (our threshold; docs/subjectivity-audits.md). */
export const THIN_JUSTIFICATION = 80;

async function rows(db: Kysely<unknown>, cycleId: string, unitId?: string): Promise<RatingFactsRow[]> {
  const t = (db as Kysely<RatingFactsTables>).withSchema(await activeSchema(db, RATING_FACTS));
  let q = t
    .selectFrom('rating_facts')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('status', '=', 'ACTIVE')
    .where('approved', '=', true)
    .where('rater_nip', 'is not', null);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return (await q.orderBy('nip').execute()) as RatingFactsRow[];
}

const rated = (r: RatingFactsRow): RatedAppraisal => ({
  rateeNip: r.nip,
  raterNip: r.rater_nip as string,
  unitId: r.unit_id,
  hasilKerja: r.hasil_kerja as Rating,
  perilaku: r.perilaku as Rating,
  competencyLevels: r.competency_levels as { code: string; level: number }[],
});

export async function ratedAppraisals(
  db: Kysely<unknown>,
  cycleId: string,
  unitId?: string,
): Promise<RatedAppraisal[]> {
  return (await rows(db, cycleId, unitId)).map(rated);
}

export async function gapInputs(db: Kysely<unknown>, cycleId: string): Promise<GapInput[]> {
  return (await rows(db, cycleId)).map((r) => {
    const peer = r.peer_ratings as Rating[][];
    return {
      raterNip: r.rater_nip as string,
      unitId: r.unit_id,
      supervisor: { hasilKerja: r.hasil_kerja as Rating, perilaku: r.perilaku as Rating },
      self:
        r.self_hasil_kerja && r.self_perilaku ? { hasilKerja: r.self_hasil_kerja, perilaku: r.self_perilaku } : null,
      peer: peer.length > 0 ? { reviewers: peer.length, ratings: peer.flat() } : null,
    };
  });
}

/** The final predikat of each rated appraisal with the group facts from the NIP and the directory. */
export async function groupInputs(db: Kysely<unknown>, cycleId: string): Promise<GroupInput[]> {
  const facts = await rows(db, cycleId);
  const directory = (db as Kysely<EmployeeDirectoryTables>).withSchema(await activeSchema(db, EMPLOYEE_DIRECTORY));
  const nips = facts.map((r) => r.nip);
  const golongan = new Map(
    nips.length === 0
      ? []
      : (await directory.selectFrom('employees').select(['nip', 'golongan']).where('nip', 'in', nips).execute()).map(
          (e) => [e.nip, e.golongan] as const,
        ),
  );
  return facts.map((r) => ({
    predikat: (r.final_predikat ?? r.predikat) as Predikat,
    // NIP layout: birth date YYYYMMDD, appointment YYYYMM, gender digit (1 male, 2 female).
    gender: r.nip[14] === '2' ? 'FEMALE' : 'MALE',
    golongan: golongan.get(r.nip) ?? null,
    birthDate: `${r.nip.slice(0, 4)}-${r.nip.slice(4, 6)}-${r.nip.slice(6, 8)}`,
    appointmentMonth: `${r.nip.slice(8, 12)}-${r.nip.slice(12, 14)}`,
  }));
}

const off = (r: RatingFactsRow) => r.hasil_kerja !== 'SESUAI_EKSPEKTASI' || r.perilaku !== 'SESUAI_EKSPEKTASI';

export async function raterEvidence(db: Kysely<unknown>, cycleId: string): Promise<RaterEvidence[]> {
  const byRater = new Map<string, RatingFactsRow[]>();
  for (const r of await rows(db, cycleId))
    byRater.set(r.rater_nip as string, [...(byRater.get(r.rater_nip as string) ?? []), r]);
  return [...byRater]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([raterNip, rs]) => {
      const offRatings = rs.filter(off);
      const objections = rs.reduce((n, r) => n + r.objections_filed, 0);
      const overturned = rs.filter((r) => r.objection_outcome === 'CHANGED').length;
      return {
        raterNip,
        ratings: rs.length,
        offSesuai: offRatings.length,
        offSesuaiWithoutEvidence: offRatings.filter((r) => r.evidence_count === 0).length,
        offSesuaiThinJustification: offRatings.filter((r) => r.justification_length < THIN_JUSTIFICATION).length,
        revisedAfterApproval: rs.filter((r) => r.revised_after_approval).length,
        objections,
        overturned,
        objectionRate: Math.round((objections / rs.length) * 1000) / 1000,
        overturnRate: objections > 0 ? Math.round((overturned / objections) * 1000) / 1000 : null,
        conflictOfInterest: rs.filter((r) => r.conflict_of_interest).length,
      };
    });
}

/** Outcomes of ratings made under a declared conflict of interest against the rest. */
export async function conflictOutcomes(db: Kysely<unknown>, cycleId: string) {
  const all = await rows(db, cycleId);
  const summarise = (rs: RatingFactsRow[]) => {
    const share = (p: Predikat) =>
      rs.length === 0 ? null : Math.round((rs.filter((r) => r.predikat === p).length / rs.length) * 1000) / 1000;
    return { ratings: rs.length, sangatBaikShare: share('SANGAT_BAIK'), baikShare: share('BAIK') };
  };
  const flagged = all.filter((r) => r.conflict_of_interest);
  return {
    underConflict: {
      ...summarise(flagged),
      nips: flagged.map((r) => r.nip),
      raterNips: [...new Set(flagged.map((r) => r.rater_nip as string))],
    },
    rest: summarise(all.filter((r) => !r.conflict_of_interest)),
  };
}
