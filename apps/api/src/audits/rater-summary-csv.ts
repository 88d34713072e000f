// The per-rater audit as CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel reads the
// text as UTF-8. Numbers are plain (dot decimals); empty cells where a measure does not apply.
import type { CentralTendency } from '../../../../libs/audits/src/central-tendency/central-tendency.js';
import type { Halo } from '../../../../libs/audits/src/halo/halo.js';
import type { RaterEffect } from '../../../../libs/audits/src/rater-effects/rater-effects.js';
import type { RaterEvidence } from '../../../../libs/read-models/src/audits/rating-facts.queries.js';

const COLUMNS = [
  'rater_nip',
  'ratings',
  'effect_sd',
  'effect_low',
  'effect_high',
  'leniency_flag',
  'central_share',
  'central_flag',
  'halo_share',
  'halo_flag',
  'off_sesuai',
  'off_sesuai_without_evidence',
  'off_sesuai_thin_justification',
  'revised_after_approval',
  'objections',
  'overturned',
  'conflict_of_interest',
];

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function raterSummaryCsv(
  effects: readonly RaterEffect[],
  central: readonly CentralTendency[],
  halos: readonly Halo[],
  evidence: readonly RaterEvidence[],
): string {
  const lines = [COLUMNS.join(',')];
  for (const e of effects) {
    const c = central.find((x) => x.raterNip === e.raterNip);
    const h = halos.find((x) => x.raterNip === e.raterNip);
    const v = evidence.find((x) => x.raterNip === e.raterNip);
    lines.push(
      [
        e.raterNip,
        e.ratings,
        e.effect,
        e.interval[0],
        e.interval[1],
        e.flag ?? '',
        c?.share,
        c?.flagged ? 'CENTRAL' : '',
        h && h.assessable > 0 ? h.share : '',
        h?.flagged ? 'HALO' : '',
        v?.offSesuai,
        v?.offSesuaiWithoutEvidence,
        v?.offSesuaiThinJustification,
        v?.revisedAfterApproval,
        v?.objections,
        v?.overturned,
        v?.conflictOfInterest,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
