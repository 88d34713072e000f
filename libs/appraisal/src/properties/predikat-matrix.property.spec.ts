// Property: whatever valid rating the rater submits, the predikat written is DOMAIN section 5's table, written
// out here literally (not read from the policy), and "for dialogue" is exactly our reading of a large gap.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Rating } from '../../../policy/src/policy.js';
import type { SubmitSupervisorRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, BerakhlakValueCode } from '../appraisal/appraisal-events.js';
import { RATER, base, evidenceAttached } from '../appraisal/appraisal-fixtures.js';
import { assessable, rated, ratingReturned, selfAssessed } from '../assessment-fixtures.js';
import { submitSupervisorRatingDecider } from '../submit-supervisor-rating/submit-supervisor-rating.js';

const COMPETENCY_CODES = ['INTEGRITAS', 'KERJA_SAMA', 'KOMUNIKASI', 'PEREKAT_BANGSA'];

// DOMAIN section 5, PermenPANRB 6/2022 "kuadran":
//   hasil kerja ↓ / perilaku →   di bawah          sesuai             di atas
const SECTION_5: Record<string, Record<string, string>> = {
  DI_ATAS_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK' },
  SESUAI_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'BAIK' },
  DI_BAWAH_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
  },
};
const STEP: Record<Rating, number> = { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_ATAS_EKSPEKTASI: 2 };

const rating = fc.constantFrom<Rating>('DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);
const values: BerakhlakValueCode[] = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
];

/** A random rating input that is valid whatever the two ratings are (justification and evidence always given). */
const ratingInput = fc.record({
  hasilKerja: rating,
  perilaku: rating,
  quantitative: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  narrative: text,
  valueNotes: fc
    .subarray(values)
    .chain((picked) =>
      fc.tuple(...picked.map((value) => fc.record({ value: fc.constant(value), note: fc.string({ maxLength: 80 }) }))),
    ),
  competencyLevels: fc.uniqueArray(
    fc.record({
      code: fc.constantFrom(...COMPETENCY_CODES),
      level: fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5),
    }),
    { selector: (c) => c.code },
  ),
  justification: text,
  evidenceIds: fc.subarray(['ev-1', 'ev-2'], { minLength: 1 }),
  conflicts: fc.array(fc.uuid(), { maxLength: 2 }),
  self: fc.option(fc.record({ hasilKerja: rating, perilaku: rating })),
  revision: fc.boolean(),
});

describe('property: the supervisor rating’s predikat', () => {
  it('equals the DOMAIN section 5 table for every valid rating input; for dialogue iff the gap is 2 steps or more', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(ratingInput, (input) => {
        const history: AppraisalEvent[] = [...assessable(), evidenceAttached('ev-2')];
        if (input.self) history.push(selfAssessed(1, input.self));
        if (input.revision) history.push(rated(1), ratingReturned(1));
        const command: SubmitSupervisorRating = {
          type: 'SubmitSupervisorRating',
          ...base(RATER, 'ASSESSMENT'),
          data: {
            realisations: [
              { rhkId: 'rhk-1', ikiId: 'iki-1', value: input.quantitative, narrative: null },
              { rhkId: 'rhk-1', ikiId: 'iki-2', value: null, narrative: input.narrative },
            ],
            hasilKerja: input.hasilKerja,
            perilaku: input.perilaku,
            valueNotes: input.valueNotes,
            competencyLevels: input.competencyLevels,
            justification: input.justification,
            evidenceIds: input.evidenceIds,
          },
          activeConflictOfInterestIds: input.conflicts,
          populationDetermined: false,
          knownCompetencyCodes: COMPETENCY_CODES,
        };
        const state = history.reduce(
          submitSupervisorRatingDecider.evolve,
          submitSupervisorRatingDecider.initialState(),
        );
        const [event, ...rest] = submitSupervisorRatingDecider.decide(command, state);
        expect(rest).toEqual([]);
        if (event.type !== 'SupervisorRatingSubmitted.v1') throw new Error(`unexpected ${event.type}`);
        expect(event.data.predikat).toBe(SECTION_5[input.hasilKerja][input.perilaku]);
        expect(event.data.version).toBe(input.revision ? 2 : 1);
        const gap = input.self
          ? Math.abs(STEP[input.self.hasilKerja] - STEP[input.hasilKerja]) +
            Math.abs(STEP[input.self.perilaku] - STEP[input.perilaku])
          : 0;
        expect(event.data.forDialogue).toBe(gap >= 2);
        expect(event.data.conflictOfInterestDeclarationIds).toEqual(input.conflicts);
        seen.add(`${input.hasilKerja}/${input.perilaku}`);
      }),
      { numRuns: 500 },
    );
    expect(seen.size).toBe(9);
  });
});
