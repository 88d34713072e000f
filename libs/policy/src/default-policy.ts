// The built-in default: version 1 of the national policy. It encodes DOMAIN sections 5-9 exactly; items the
// domain reference marks [U] (unconfirmed) are marked [U] here too and are exactly what a later version may
// change. NEVER EDIT THIS OBJECT: cycles pinned to national version 1 are judged by it. Publish a new version
// instead (default-policy.spec.ts pins its canonical hash so an edit fails the build).
import type { Policy } from './policy.js';

export const DEFAULT_POLICY: Policy = deepFreeze({
  title: 'Kebijakan nasional bawaan (PermenPANRB 6/2022, SE MenPANRB 3/2023, PP 30/2019)',
  legalBasis: [
    'PermenPANRB 6/2022 (kuadran predikat)',
    'SE MenPANRB 3/2023 (kurva distribusi)',
    'PP 30/2019 Pasal 59 (keberatan)',
    'PermenPANRB 3/2020 (9-box)',
  ],
  // DOMAIN section 5 [S]: rows = rating hasil kerja, columns = rating perilaku kerja; no weighting.
  // Behaviour below expectation with results at or above it is misconduct: KURANG.
  predikatMatrix: {
    DI_ATAS_EKSPEKTASI: {
      DI_BAWAH_EKSPEKTASI: 'KURANG',
      SESUAI_EKSPEKTASI: 'BAIK',
      DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
    },
    SESUAI_EKSPEKTASI: {
      DI_BAWAH_EKSPEKTASI: 'KURANG',
      SESUAI_EKSPEKTASI: 'BAIK',
      DI_ATAS_EKSPEKTASI: 'BAIK',
    },
    DI_BAWAH_EKSPEKTASI: {
      DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
      SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
      DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    },
  },
  distribution: {
    // [U] DOMAIN section 6: whether the curve applies per unit or per agency is unconfirmed; per unit, as
    // the SE's three steps are per unit (the unit's predikat fixes its curve).
    scope: 'UNIT',
    // [U] DOMAIN section 6: rounding for small units is unconfirmed; STRICT reads the percentages as written.
    rounding: 'STRICT',
    // DOMAIN section 6 [S], SE MenPANRB 3/2023: unit predikat -> bounds on the employees' predikat.
    curves: {
      ISTIMEWA: [{ predikat: ['SANGAT_BAIK'], kind: 'MAX_SHARE', value: 70 }],
      BAIK: [
        { predikat: ['BAIK'], kind: 'MAX_SHARE', value: 70 },
        { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], kind: 'MIN_COUNT', value: 1 },
      ],
      BUTUH_PERBAIKAN: [
        { predikat: ['BUTUH_PERBAIKAN'], kind: 'MIN_SHARE', value: 60 },
        { predikat: ['SANGAT_BAIK'], kind: 'MAX_SHARE', value: 10 },
      ],
      KURANG: [
        { predikat: ['KURANG'], kind: 'MIN_SHARE', value: 60 },
        { predikat: ['BUTUH_PERBAIKAN'], kind: 'MIN_SHARE', value: 10 },
        { predikat: ['SANGAT_BAIK'], kind: 'MAX_SHARE', value: 10 },
      ],
      SANGAT_KURANG: [
        { predikat: ['SANGAT_KURANG'], kind: 'MIN_SHARE', value: 60 },
        { predikat: ['KURANG', 'BUTUH_PERBAIKAN'], kind: 'MIN_SHARE', value: 10 },
        { predikat: ['SANGAT_BAIK'], kind: 'MAX_COUNT', value: 0 },
      ],
    },
  },
  objection: {
    // DOMAIN section 7 [P], PP 30/2019 Pasal 59: within 14 days of receiving the result.
    windowDays: 14,
    // [U] calendar vs working days is unconfirmed; default calendar days (on the agency's local calendar).
    windowCounting: 'CALENDAR',
    // [U] the regulation sets no decision deadline; default 14 days, overdue objections are shown.
    decisionDays: 14,
    decisionCounting: 'CALENDAR',
  },
  // DOMAIN section 9: peer input only in aggregates of at least 3 reviewers (policy default).
  peerAnonymityMinimum: 3,
  // DOMAIN section 8 [S]: angka kredit scale with the annual predikat.
  creditPointPercentages: {
    SANGAT_BAIK: 150,
    BAIK: 100,
    BUTUH_PERBAIKAN: 75,
    KURANG: 50,
    // [U] SANGAT_KURANG is unconfirmed in the sources; 25 continues the 150/100/75/50 steps.
    SANGAT_KURANG: 25,
  },
  // DOMAIN section 8, PermenPANRB 3/2020: box 9 = kinerja di atas x potensial tinggi [S]; the numbering of
  // the other boxes is [U]: the layout commonly drawn from PermenPANRB 3/2020 (low-low = 1, then by diagonals).
  nineBox: {
    DI_BAWAH_EKSPEKTASI: { RENDAH: 1, MENENGAH: 2, TINGGI: 4 },
    SESUAI_EKSPEKTASI: { RENDAH: 3, MENENGAH: 5, TINGGI: 7 },
    DI_ATAS_EKSPEKTASI: { RENDAH: 6, MENENGAH: 8, TINGGI: 9 },
  },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
