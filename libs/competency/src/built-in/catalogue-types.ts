// Shapes of the competency catalogue. BerAKHLAK values are rated on behaviour, not on levels, so they carry
// indicators; the PermenPANRB 38/2017 competencies carry one descriptor per level 1..5.

export const COMPETENCY_LEVELS = [1, 2, 3, 4, 5] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

export interface BerakhlakValue {
  code: string;
  name: string;
  /** The three fixed behaviour indicators (panduan perilaku). */
  indicators: readonly [string, string, string];
}

export type CompetencyKind = 'MANAJERIAL' | 'SOSIAL_KULTURAL' | 'TEKNIS';

export interface LevelledCompetency {
  code: string;
  name: string;
  kind: CompetencyKind;
  description: string;
  /** levels[i] describes level i + 1. */
  levels: readonly [string, string, string, string, string];
}
