// The rules regulation may change, as pure JSON-serialisable data (DOMAIN sections 5-9). A cycle pins one
// published version of this document when it opens and is judged by it for ever (DOMAIN preamble).

/** Rating of hasil kerja (results), perilaku kerja (behaviour) or kinerja on the 9-box (DOMAIN section 5). */
export type Rating = 'DI_BAWAH_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_ATAS_EKSPEKTASI';
export const RATINGS: readonly Rating[] = ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'];

/** An employee's predikat kinerja, best first. */
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export const PREDIKATS: readonly Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** A unit's predikat kinerja organisasi, set by the leader one level up (DOMAIN section 6, step 1). */
export type UnitPredikat = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export const UNIT_PREDIKATS: readonly UnitPredikat[] = [
  'ISTIMEWA',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
];

/** Potensial axis of the 9-box (PermenPANRB 3/2020). */
export type Potensial = 'RENDAH' | 'MENENGAH' | 'TINGGI';
export const POTENSIALS: readonly Potensial[] = ['RENDAH', 'MENENGAH', 'TINGGI'];

/**
 * One bound of the distribution curve over the employees' predikat, e.g. "SANGAT_BAIK <= 70%"
 * = `{ predikat: ['SANGAT_BAIK'], kind: 'MAX_SHARE', value: 70 }`. Shares are whole percents (0..100) of the
 * people in the population; counts are people. Several predikat in one bound are summed ("KURANG +
 * BUTUH_PERBAIKAN >= 10%").
 */
export interface DistributionBound {
  predikat: Predikat[];
  kind: BoundKind;
  value: number;
}
export type BoundKind = 'MAX_SHARE' | 'MIN_SHARE' | 'MAX_COUNT' | 'MIN_COUNT';
export const BOUND_KINDS: readonly BoundKind[] = ['MAX_SHARE', 'MIN_SHARE', 'MAX_COUNT', 'MIN_COUNT'];

/**
 * How a percentage bound becomes a head count for a population of n (it matters for small units):
 * - STRICT: the percentage as written, never exceeded (max = floor(p*n), min = ceil(p*n));
 * - LENIENT: rounded in the unit's favour (max = ceil(p*n), min = floor(p*n));
 * - NEAREST: rounded half up (max and min = round(p*n)).
 */
export type DistributionRounding = 'STRICT' | 'LENIENT' | 'NEAREST';
export const DISTRIBUTION_ROUNDINGS: readonly DistributionRounding[] = ['STRICT', 'LENIENT', 'NEAREST'];

/** Whether the curve is applied to each unit's employees or to the whole agency's. */
export type DistributionScope = 'UNIT' | 'AGENCY';
export const DISTRIBUTION_SCOPES: readonly DistributionScope[] = ['UNIT', 'AGENCY'];

/** CALENDAR: every day counts; WORKING: Saturdays, Sundays and the agency's holidays do not. */
export type DayCounting = 'CALENDAR' | 'WORKING';
export const DAY_COUNTINGS: readonly DayCounting[] = ['CALENDAR', 'WORKING'];

/** When the subjectivity audits flag a rater (every field as in libs/audits' AuditSettings). */
export interface AuditThresholds {
  /** Raters with fewer approved ratings are reported but never flagged. */
  minRatings: number;
  /** Leniency/severity: |shrunk standardised difference| at least this (Cohen's d scale). */
  leniencyEffectSize: number;
  /** Central tendency and halo: one-sided binomial p-value below this. */
  alpha: number;
  /** Central tendency: the rater's SESUAI/SESUAI share exceeds the rest's by at least this. */
  centralShareExcess: number;
  /** Halo: the rater's all-one-level share exceeds the rest's by at least this. */
  haloShareExcess: number;
}

export interface Policy {
  /** For people: what this version is and where it comes from. */
  title: string;
  legalBasis: string[];
  /** predikatMatrix[ratingHasilKerja][ratingPerilaku] = predikat (DOMAIN section 5). */
  predikatMatrix: Record<Rating, Record<Rating, Predikat>>;
  distribution: {
    scope: DistributionScope;
    rounding: DistributionRounding;
    /** curves[unitPredikat] = every bound the employees' predikat must meet (DOMAIN section 6). */
    curves: Record<UnitPredikat, DistributionBound[]>;
  };
  objection: {
    /** Days after receiving the result within which a keberatan may be filed (DOMAIN section 7). */
    windowDays: number;
    windowCounting: DayCounting;
    /** Days after filing within which the atasan pejabat penilai should decide; later ones are overdue. */
    decisionDays: number;
    decisionCounting: DayCounting;
    /**
     * Days the pejabat penilai and the employee have to answer the decider's request for a statement; an
     * unanswered request lapses after them. Absent from the built-in national version 1 (which never changes)
     * and from versions published without it: read it through `statementDeadline`, which supplies the default.
     */
    statementDays?: number;
    statementCounting?: DayCounting;
  };
  /**
   * A performance dialogue unlocks approval of a rating marked for it once the employee acknowledges the rater's
   * note, or once this many days pass without an acknowledgement (recorded as unacknowledged). Absent from the
   * built-in national version 1: read through `dialogueAcknowledgementDeadline`, which supplies the default.
   */
  dialogue?: { acknowledgementDays: number; acknowledgementCounting: DayCounting };
  /** Peer input is shown only in aggregates of at least this many reviewers (DOMAIN section 9). */
  peerAnonymityMinimum: number;
  /**
   * What employees see of their unit's results. Absent from the built-in national version 1 (which never changes)
   * and from versions published without it: read it through `publishNamesInUnit`, which supplies the default
   * (anonymous aggregates only).
   */
  transparency?: { publishNamesInUnit: boolean };
  /**
   * Competency development owed per employee per calendar year, in JP (PP 11/2017: at least 20). Absent from the
   * built-in national version 1: read through `annualJpTarget` (development.ts), which supplies the default.
   */
  development?: { annualJpTarget: number };
  /**
   * Thresholds of the subjectivity audits (docs/subjectivity-audits.md). No regulation sets them; absent from the
   * built-in national version 1: read through `auditSettingsOf` (libs/audits), which supplies the defaults.
   */
  audits?: AuditThresholds;
  /** Angka kredit earned, in percent of the base, per annual predikat (DOMAIN section 8). */
  creditPointPercentages: Record<Predikat, number>;
  /** nineBox[kinerja][potensial] = box number 1..9 (DOMAIN section 8). */
  nineBox: Record<Rating, Record<Potensial, number>>;
}
