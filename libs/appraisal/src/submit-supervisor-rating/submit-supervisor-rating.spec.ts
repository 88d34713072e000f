import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { Rating } from '../../../policy/src/policy.js';
import type { SubmitSupervisorRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, BerakhlakValueCode, CompetencyObservation } from '../appraisal/appraisal-events.js';
import { builtInLevelledCodes } from '../../../competency/src/built-in/catalogue.js';
import { NIP, RATER, RATER_SUPERVISOR, base, started, submittedPlan } from '../appraisal/appraisal-fixtures.js';
import {
  LATER,
  assessable,
  rated,
  ratingApproved,
  ratingData,
  ratingReturned,
  selfAssessed,
} from '../assessment-fixtures.js';
import { submitSupervisorRatingDecider } from './submit-supervisor-rating.js';

const spec = specFor(submitSupervisorRatingDecider);
const decideFrom = (history: AppraisalEvent[], command: SubmitSupervisorRating) =>
  submitSupervisorRatingDecider.decide(
    command,
    history.reduce(submitSupervisorRatingDecider.evolve, submitSupervisorRatingDecider.initialState()),
  );
const selfRated = () => [...assessable(), selfAssessed(1)];
const rate = (
  data: Partial<SubmitSupervisorRating['data']> = {},
  {
    actorNip = RATER as string | null,
    phase = 'ASSESSMENT' as SubmitSupervisorRating['cyclePhase'],
    coi = [] as string[],
    determined = false,
    known = builtInLevelledCodes() as readonly string[],
  } = {},
): SubmitSupervisorRating => ({
  type: 'SubmitSupervisorRating',
  ...base(actorNip, phase, LATER),
  data: ratingData(data),
  activeConflictOfInterestIds: coi,
  populationDetermined: determined,
  knownCompetencyCodes: known,
});
const justified = { justification: '  Melampaui target KKM di semua kelas ', evidenceIds: ['ev-1'] };
const [quantitative, qualitative] = ratingData().realisations;

describe('submit a supervisor rating', () => {
  it('given a self-assessment, when the rater rates SESUAI / SESUAI, then version 1 with predikat BAIK', () => {
    spec
      .given(selfRated())
      .when(rate())
      .then([rated(1, { submittedAt: LATER })]);
  });

  it('given a self-assessment of SESUAI / SESUAI, when the rater rates DI_ATAS / DI_ATAS, then SANGAT_BAIK and for dialogue (gap 2)', () => {
    const data = { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' } as const;
    spec
      .given(selfRated())
      .when(rate({ ...data, ...justified }))
      .then([
        rated(1, {
          ...data,
          ...justified,
          justification: 'Melampaui target KKM di semua kelas',
          predikat: 'SANGAT_BAIK',
          forDialogue: true,
          submittedAt: LATER,
        }),
      ]);
  });

  it('given a self-assessment, when the ratings differ by one step only, then not for dialogue', () => {
    const [event] = submitSupervisorRatingDecider.decide(
      rate({ hasilKerja: 'DI_ATAS_EKSPEKTASI', ...justified }),
      selfRated().reduce(submitSupervisorRatingDecider.evolve, submitSupervisorRatingDecider.initialState()),
    );
    expect(event.data).toMatchObject({ predikat: 'BAIK', forDialogue: false });
  });

  it('given no self-assessment, when the rater rates DI_BAWAH / DI_BAWAH, then SANGAT_KURANG, not for dialogue', () => {
    const data = { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'DI_BAWAH_EKSPEKTASI', ...justified } as const;
    const [event] = submitSupervisorRatingDecider.decide(
      rate(data),
      assessable().reduce(submitSupervisorRatingDecider.evolve, submitSupervisorRatingDecider.initialState()),
    );
    expect(event.data).toMatchObject({ predikat: 'SANGAT_KURANG', forDialogue: false });
  });

  it('given a returned version 1, when the rater revises, then version 2 (version 1 kept)', () => {
    spec
      .given([...selfRated(), rated(1), ratingReturned(1)])
      .when(rate({ perilaku: 'DI_BAWAH_EKSPEKTASI', ...justified }))
      .then([
        rated(2, {
          perilaku: 'DI_BAWAH_EKSPEKTASI',
          ...justified,
          justification: 'Melampaui target KKM di semua kelas',
          predikat: 'KURANG',
          forDialogue: false,
          submittedAt: LATER,
        }),
      ]);
  });

  it('given an active conflict of interest, when the rater rates, then the rating is recorded and flagged', () => {
    spec
      .given(selfRated())
      .when(rate({}, { coi: ['coi-7'] }))
      .then([rated(1, { conflictOfInterestDeclarationIds: ['coi-7'], submittedAt: LATER })]);
  });

  it('given a predikat smuggled into the command, then it is ignored: the matrix decides', () => {
    const smuggled = { ...rate(), data: { ...ratingData(), predikat: 'SANGAT_BAIK' } } as SubmitSupervisorRating;
    spec
      .given(selfRated())
      .when(smuggled)
      .then([rated(1, { submittedAt: LATER })]);
  });

  it('given the cycle in progress, when rated, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(selfRated())
      .when(rate({}, { phase: 'IN_PROGRESS' }))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an appraisal, when the employee or the rater’s supervisor rates, then NOT_ASSIGNED', () => {
    for (const actorNip of [NIP, RATER_SUPERVISOR, null]) {
      spec.given(selfRated()).when(rate({}, { actorNip })).thenThrows('NOT_ASSIGNED', 'forbidden');
    }
  });

  it('given a plan not approved yet, when rated, then PLAN_NOT_APPROVED', () => {
    spec.given(submittedPlan()).when(rate()).thenThrows('PLAN_NOT_APPROVED', 'conflict');
  });

  it('given a rating awaiting approval, when the rater submits another, then RATING_AWAITING_APPROVAL', () => {
    spec
      .given([...selfRated(), rated(1)])
      .when(rate())
      .thenThrows('RATING_AWAITING_APPROVAL', 'conflict');
  });

  it('given an approved rating in ASSESSMENT, when the rater submits another, then RATING_ALREADY_APPROVED', () => {
    spec
      .given([...selfRated(), rated(1), ratingApproved(1)])
      .when(rate())
      .thenThrows('RATING_ALREADY_APPROVED', 'conflict');
  });

  it('given an approved rating in DETERMINATION, when the rater revises it to fit the curve, then version 2 awaits approval', () => {
    const events = decideFrom([...selfRated(), rated(1), ratingApproved(1)], rate({}, { phase: 'DETERMINATION' }));
    expect(events).toEqual([
      expect.objectContaining({ type: 'SupervisorRatingSubmitted.v1', data: expect.objectContaining({ version: 2 }) }),
    ]);
  });

  it('given a revision awaiting approval in DETERMINATION, when the rater submits another, then RATING_AWAITING_APPROVAL', () => {
    spec
      .given([...selfRated(), rated(1), ratingApproved(1), rated(2)])
      .when(rate({}, { phase: 'DETERMINATION' }))
      .thenThrows('RATING_AWAITING_APPROVAL', 'conflict');
  });

  it('given the population determined, when the rater revises an approved rating, then POPULATION_DETERMINED', () => {
    spec
      .given([...selfRated(), rated(1), ratingApproved(1)])
      .when(rate({}, { phase: 'DETERMINATION', determined: true }))
      .thenThrows('POPULATION_DETERMINED', 'conflict');
  });

  it('given the results published, when the rater submits a rating, then WRONG_CYCLE_PHASE', () => {
    spec
      .given([...selfRated(), rated(1), ratingApproved(1)])
      .when(rate({}, { phase: 'PUBLISHED' }))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given a plan with two IKI, when one is missing, one unknown and one twice, then REALISATIONS_INVALID naming each', () => {
    const error = spec
      .given(selfRated())
      .when(rate({ realisations: [quantitative, quantitative, { ...qualitative, ikiId: 'iki-9' }] }))
      .thenThrows('REALISATIONS_INVALID', 'invalid');
    expect(error.details).toEqual([
      { field: 'realisations[1]', message: 'duplicate', id: 'rhk-1/iki-1' },
      { field: 'realisations[2]', message: 'unknown', id: 'rhk-1/iki-9' },
      { field: 'realisations', message: 'missing', id: 'rhk-1/iki-2' },
    ]);
  });

  it('given a plan, when a quantitative IKI has no number or a qualitative one no narrative, then REALISATIONS_INVALID', () => {
    const error = spec
      .given(selfRated())
      .when(
        rate({
          realisations: [
            { ...quantitative, value: null },
            { ...qualitative, narrative: ' ' },
          ],
        }),
      )
      .thenThrows('REALISATIONS_INVALID', 'invalid');
    expect(error.details.map((d) => d.field)).toEqual(['realisations[0].value', 'realisations[1].narrative']);
  });

  it('given a self-assessment, when a rating is not one of the three, then INVALID_RATING', () => {
    spec
      .given(selfRated())
      .when(rate({ hasilKerja: 'ISTIMEWA' as Rating }))
      .thenThrows('INVALID_RATING', 'invalid');
  });

  it('given a self-assessment, when DI_ATAS or DI_BAWAH comes without justification, then JUSTIFICATION_REQUIRED', () => {
    spec
      .given(selfRated())
      .when(rate({ hasilKerja: 'DI_ATAS_EKSPEKTASI', justification: '  ', evidenceIds: ['ev-1'] }))
      .thenThrows('JUSTIFICATION_REQUIRED', 'invalid');
    spec
      .given(selfRated())
      .when(rate({ perilaku: 'DI_BAWAH_EKSPEKTASI', justification: null, evidenceIds: ['ev-1'] }))
      .thenThrows('JUSTIFICATION_REQUIRED', 'invalid');
  });

  it('given a self-assessment, when DI_ATAS is justified but cites no evidence, then EVIDENCE_REQUIRED', () => {
    spec
      .given(selfRated())
      .when(rate({ hasilKerja: 'DI_ATAS_EKSPEKTASI', justification: 'Melampaui target', evidenceIds: [] }))
      .thenThrows('EVIDENCE_REQUIRED', 'invalid');
  });

  it('given a self-assessment, when the cited evidence was never attached, then EVIDENCE_NOT_FOUND', () => {
    spec
      .given(selfRated())
      .when(rate({ hasilKerja: 'DI_ATAS_EKSPEKTASI', justification: 'Melampaui target', evidenceIds: ['ev-404'] }))
      .thenThrows('EVIDENCE_NOT_FOUND', 'not_found');
  });

  it('given a self-assessment, when a justification is over 4000 characters, then JUSTIFICATION_TOO_LONG', () => {
    spec
      .given(selfRated())
      .when(rate({ justification: 'x'.repeat(4001) }))
      .thenThrows('JUSTIFICATION_TOO_LONG', 'invalid');
  });

  it('given a self-assessment, when a competency is listed twice or a level is outside 1-5, then COMPETENCY_LEVELS_INVALID', () => {
    const levels = (...list: [string, number][]) =>
      list.map(([code, level]) => ({ code, level }) as CompetencyObservation);
    const error = spec
      .given(selfRated())
      .when(
        rate({
          competencyLevels: levels(['KERJA_SAMA', 3], ['KERJA_SAMA', 4], ['INTEGRITAS', 6], ['KOMUNIKASI', 2.5]),
        }),
      )
      .thenThrows('COMPETENCY_LEVELS_INVALID', 'invalid');
    expect(error.details.map((d) => d.field)).toEqual([
      'competencyLevels[1].code',
      'competencyLevels[2].level',
      'competencyLevels[3].level',
    ]);
    spec
      .given(selfRated())
      .when(rate({ competencyLevels: levels(['INTEGRITAS', 0]) }))
      .thenThrows('COMPETENCY_LEVELS_INVALID', 'invalid');
  });

  describe('competency codes (the pinned framework version, else the built-in catalogue)', () => {
    const levels = (...codes: string[]) => codes.map((code) => ({ code, level: 3 }) as CompetencyObservation);

    it('given no pinned framework, when a level names a code outside the built-in catalogue, then UNKNOWN_COMPETENCY listing the known codes', () => {
      const error = spec
        .given(selfRated())
        .when(rate({ competencyLevels: levels('INTEGRITAS', 'PEDAGOGIK') }))
        .thenThrows('UNKNOWN_COMPETENCY', 'invalid');
      expect(error.message).toContain('PEDAGOGIK is not in the built-in catalogue, which this cycle pinned');
      expect(error.message).toContain('known competency codes: INTEGRITAS, KERJA_SAMA, KOMUNIKASI');
      expect(error.details).toEqual([
        { field: 'competencyLevels[1].code', message: 'PEDAGOGIK is not in the built-in catalogue' },
        { field: 'knownCompetencyCodes', message: [...builtInLevelledCodes()].sort().join(', ') },
      ]);
    });

    it('given a pinned framework with a technical competency, when a level names it, then it is recorded', () => {
      const [event] = decideFrom(
        selfRated(),
        rate(
          { competencyLevels: levels('PEDAGOGIK', 'INTEGRITAS') },
          {
            known: [...builtInLevelledCodes(), 'PEDAGOGIK'],
          },
        ),
      );
      expect(event.data).toMatchObject({
        competencyLevels: [
          { code: 'PEDAGOGIK', level: 3 },
          { code: 'INTEGRITAS', level: 3 },
        ],
      });
    });

    it('given a pinned framework, when a level names a code it does not have, then UNKNOWN_COMPETENCY naming the version', () => {
      const pinned = [
        started({ frameworkRef: { frameworkId: 'disdik-kompetensi', version: 2 } }),
        ...selfRated().slice(1),
      ];
      const error = spec
        .given(pinned)
        .when(rate({ competencyLevels: levels('PEDAGOGIK', 'LITERASI') }, { known: ['INTEGRITAS', 'PEDAGOGIK'] }))
        .thenThrows('UNKNOWN_COMPETENCY', 'invalid');
      expect(error.message).toBe(
        'LITERASI is not in framework disdik-kompetensi version 2, which this cycle pinned; known competency codes: ' +
          'INTEGRITAS, PEDAGOGIK',
      );
    });

    it('a BerAKHLAK value is rated in valueNotes, not with a level: UNKNOWN_COMPETENCY', () => {
      spec
        .given(selfRated())
        .when(rate({ competencyLevels: levels('AKUNTABEL') }))
        .thenThrows('UNKNOWN_COMPETENCY', 'invalid');
    });
  });

  it('given a self-assessment, when a value note names an unknown value or a value twice, then VALUE_NOTES_INVALID', () => {
    const note = (value: string) => ({ value: value as BerakhlakValueCode, note: 'catatan' });
    spec
      .given(selfRated())
      .when(rate({ valueNotes: [note('LOYAL'), note('LOYAL')] }))
      .thenThrows('VALUE_NOTES_INVALID', 'invalid');
    spec
      .given(selfRated())
      .when(rate({ valueNotes: [note('JUJUR')] }))
      .thenThrows('VALUE_NOTES_INVALID', 'invalid');
    spec
      .given(selfRated())
      .when(rate({ valueNotes: [{ value: 'LOYAL', note: 'x'.repeat(2001) }] }))
      .thenThrows('NOTE_TOO_LONG', 'invalid');
  });
});
