// Gaps between what the employee, their peers and their rater said, per rater and per unit: where a rater's
// view differs systematically from their people's own, or from their peers', a conversation is due.
// Self gap = self score - supervisor score (0..4 scale, see rating-input.ts); peer gap = mean peer step over
// every BerAKHLAK value rated - the supervisor's perilaku step (0..2 scale). Method: docs/subjectivity-audits.md.
import type { Rating } from '../../../policy/src/policy.js';
import { scoreOf } from '../rating-input.js';
import { mean, round } from '../statistics/descriptive.js';

export interface GapInput {
  raterNip: string;
  unitId: string;
  supervisor: { hasilKerja: Rating; perilaku: Rating };
  self: { hasilKerja: Rating; perilaku: Rating } | null;
  /** Every peer's rating of every value, pooled; shown only from `peerMinimum` reviewers on. */
  peer: { reviewers: number; ratings: Rating[] } | null;
}

export interface GapSummary {
  key: string;
  ratings: number;
  selfAssessed: number;
  /** Mean self minus supervisor score, and how many differ by two steps or more (the dialogue threshold). */
  meanSelfGap: number | null;
  wideSelfGaps: number;
  /** Ratings with peer input from at least the anonymity minimum of reviewers, and the mean peer gap. */
  peerAssessed: number;
  meanPeerGap: number | null;
}

const STEP: Record<Rating, number> = { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_ATAS_EKSPEKTASI: 2 };
export const WIDE_GAP = 2;

export function assessmentGaps(rows: readonly GapInput[], by: 'rater' | 'unit', peerMinimum: number): GapSummary[] {
  const groups = new Map<string, GapInput[]>();
  for (const row of rows) {
    const key = by === 'rater' ? row.raterNip : row.unitId;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, rs]) => {
      const selfGaps = rs.flatMap((r) => (r.self ? [scoreOf(r.self) - scoreOf(r.supervisor)] : []));
      const peerGaps = rs.flatMap((r) =>
        r.peer && r.peer.reviewers >= peerMinimum && r.peer.ratings.length > 0
          ? [mean(r.peer.ratings.map((x) => STEP[x])) - STEP[r.supervisor.perilaku]]
          : [],
      );
      return {
        key,
        ratings: rs.length,
        selfAssessed: selfGaps.length,
        meanSelfGap: selfGaps.length > 0 ? round(mean(selfGaps)) : null,
        wideSelfGaps: selfGaps.filter((g) => Math.abs(g) >= WIDE_GAP).length,
        peerAssessed: peerGaps.length,
        meanPeerGap: peerGaps.length > 0 ? round(mean(peerGaps)) : null,
      };
    });
}
