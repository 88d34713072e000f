import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { DraftRhk, RaterPlanFact } from '../appraisal/appraisal-commands.js';
import type { Iki, IkiAspect, RhkContent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  RATER,
  RATER_RHK_ID,
  appraisalEnded,
  approvedPlan,
  base,
  draftedPlan,
  qualitativeIki,
  quantitativeIki,
  raterPlan,
  returnedPlan,
  rhkContent,
  rhkDrafted,
  started,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { draftRhkDecider } from './draft-rhk.js';

const spec = specFor(draftRhkDecider);
const draft = (
  overrides: Partial<RhkContent> = {},
  plan: RaterPlanFact | null = raterPlan,
  actorNip: string | null = NIP,
  phase: CyclePhase = 'PLANNING',
): DraftRhk => ({ type: 'DraftRhk', ...base(actorNip, phase), data: rhkContent(overrides), raterPlan: plan });
const drafted = (overrides: Partial<RhkContent> = {}) => [rhkDrafted(overrides, NOW)];
const second = { rhkId: 'rhk-2', kind: 'TAMBAHAN' as const, iki: [quantitativeIki('iki-3')] };

describe('draft RHK', () => {
  it('given a started appraisal, when the employee drafts an RHK cascading from the rater plan, then RhkDrafted', () => {
    spec.given([started()]).when(draft()).then(drafted());
  });

  it('given a started appraisal, when the text has surrounding blanks, then it is recorded trimmed', () => {
    spec
      .given([started()])
      .when(
        draft({
          title: '  Terlaksananya pembelajaran kelas 4 sesuai kurikulum ',
          iki: [
            { ...quantitativeIki('iki-1'), unit: ' persen ' },
            { ...qualitativeIki('iki-2'), description: ' Kualitas perangkat pembelajaran' },
          ],
        }),
      )
      .then(drafted());
  });

  it('given a drafted plan in progress, when a second RHK tambahan is drafted, then RhkDrafted', () => {
    spec
      .given(draftedPlan())
      .when(draft(second, raterPlan, NIP, 'IN_PROGRESS'))
      .then(drafted(second));
  });

  it('given a returned plan, when an RHK is drafted, then RhkDrafted (the plan is editable again)', () => {
    spec.given(returnedPlan()).when(draft(second)).then(drafted(second));
  });

  describe('cascading (DOMAIN section 3)', () => {
    const fromPk = { cascadesFrom: null, perjanjianKinerjaRef: 'PK-2026 sasaran 1' };

    it('given a JPT, when the RHK names a Perjanjian Kinerja item, then RhkDrafted without cascade', () => {
      spec
        .given([started({ jobType: 'JPT' })])
        .when(draft(fromPk))
        .then(drafted(fromPk));
    });

    it('given a JPT, when the RHK cascades from a supervisor RHK, then CASCADE_NOT_ALLOWED', () => {
      spec
        .given([started({ jobType: 'JPT' })])
        .when(draft({ perjanjianKinerjaRef: 'PK-2026 sasaran 1' }))
        .thenThrows('CASCADE_NOT_ALLOWED', 'invalid');
    });

    it('given a JPT, when no Perjanjian Kinerja item is named, then PERJANJIAN_KINERJA_REQUIRED saying why', () => {
      const error = spec
        .given([started({ jobType: 'JPT' })])
        .when(draft({ cascadesFrom: null, perjanjianKinerjaRef: '  ' }))
        .thenThrows('PERJANJIAN_KINERJA_REQUIRED', 'invalid');
      expect(error.message).toBe(
        "You hold a JPT (pimpinan tinggi) position, so each of your RHK derives from your unit's Perjanjian " +
          'Kinerja: name that item in perjanjianKinerjaRef (1-200 characters)',
      );
    });

    it('given a rater without a plan in this cycle, when the RHK names a Perjanjian Kinerja item, then RhkDrafted', () => {
      spec.given([started()]).when(draft(fromPk, null)).then(drafted(fromPk));
    });

    it('given a rater without a plan in this cycle, when no Perjanjian Kinerja item is named, then PERJANJIAN_KINERJA_REQUIRED naming the rater', () => {
      const error = spec
        .given([started()])
        .when(draft({ cascadesFrom: null }, null))
        .thenThrows('PERJANJIAN_KINERJA_REQUIRED', 'invalid');
      expect(error.message).toBe(
        `Your rater ${RATER} has no appraisal in this cycle, so each of your RHK derives from your unit's ` +
          'Perjanjian Kinerja: name that item in perjanjianKinerjaRef (1-200 characters)',
      );
    });

    it('given no rater at all, when the RHK cascades from a supervisor RHK, then CASCADE_NOT_ALLOWED saying why', () => {
      const error = spec
        .given([started({ raterNip: null, raterSupervisorNip: null })])
        .when(draft({}, null))
        .thenThrows('CASCADE_NOT_ALLOWED', 'invalid');
      expect(error.message).toBe(
        "You have no rater (pejabat penilai), so each of your RHK derives from your unit's Perjanjian Kinerja, " +
          "not from a supervisor's RHK: cascadesFrom must be null",
      );
    });

    it('given a rater whose plan has no RHK yet, when the employee drafts, then SUPERVISOR_PLAN_MISSING naming the rater', () => {
      const error = spec
        .given([started()])
        .when(draft({}, { raterNip: RATER, rhkIds: [] }))
        .thenThrows('SUPERVISOR_PLAN_MISSING', 'conflict');
      expect(error.message).toContain(`planning is refused until the plan of your rater ${RATER} has at least one RHK`);
    });

    it('given a rater with a plan, when cascadesFrom is missing, then CASCADE_REQUIRED', () => {
      spec
        .given([started()])
        .when(draft({ cascadesFrom: null }))
        .thenThrows('CASCADE_REQUIRED', 'invalid');
    });

    it('given a rater with a plan, when a Perjanjian Kinerja item is named as well, then PERJANJIAN_KINERJA_NOT_ALLOWED', () => {
      spec
        .given([started()])
        .when(draft({ perjanjianKinerjaRef: 'PK-2026 sasaran 1' }))
        .thenThrows('PERJANJIAN_KINERJA_NOT_ALLOWED', 'invalid');
    });

    it('given a rater with a plan, when cascadesFrom names an RHK not in it, then UNKNOWN_SUPERVISOR_RHK', () => {
      spec
        .given([started()])
        .when(draft({ cascadesFrom: { raterNip: RATER, rhkId: 'rhk-rater-9' } }))
        .thenThrows('UNKNOWN_SUPERVISOR_RHK', 'invalid');
    });

    it("given a rater with a plan, when cascadesFrom names another person's RHK, then UNKNOWN_SUPERVISOR_RHK", () => {
      spec
        .given([started()])
        .when(draft({ cascadesFrom: { raterNip: NIP, rhkId: RATER_RHK_ID } }))
        .thenThrows('UNKNOWN_SUPERVISOR_RHK', 'invalid');
    });
  });

  describe('content: INVALID_RHK names the field', () => {
    const many = Array.from({ length: 21 }, (_, i) => quantitativeIki(`iki-${i + 1}`));
    const cases: [string, string, Partial<RhkContent>][] = [
      ['a blank rhkId', 'rhkId', { rhkId: ' ' }],
      ['a blank title', 'title', { title: '   ' }],
      ['a title over 500 characters', 'title', { title: 'x'.repeat(501) }],
      ['an unknown kind', 'kind', { kind: 'LAINNYA' as RhkContent['kind'] }],
      ['no IKI', 'iki', { iki: [] }],
      ['21 IKI', 'iki', { iki: many }],
      ['a blank ikiId', 'iki[0].ikiId', { iki: [quantitativeIki(' ')] }],
      ['an ikiId twice', 'iki[1].ikiId', { iki: [quantitativeIki('iki-1'), qualitativeIki('iki-1')] }],
      ['a blank IKI description', 'iki[0].description', { iki: [{ ...quantitativeIki(), description: '' }] }],
      [
        'an unknown aspect',
        'iki[1].aspect',
        { iki: [qualitativeIki('iki-2'), { ...quantitativeIki(), aspect: 'MUTU' as IkiAspect }] },
      ],
      ['a negative target', 'iki[0].target', { iki: [{ ...quantitativeIki(), target: -1 } as Iki] }],
      ['an infinite target', 'iki[0].target', { iki: [{ ...quantitativeIki(), target: Infinity } as Iki] }],
      ['a missing unit', 'iki[0].unit', { iki: [{ ...quantitativeIki(), unit: '' } as Iki] }],
      ['a blank qualitative target', 'iki[0].target', { iki: [{ ...qualitativeIki(), target: ' ' } as Iki] }],
      ['an IKI that is not an object', 'iki[0]', { iki: [null as unknown as Iki] }],
      ['an unknown IKI type', 'iki[0].type', { iki: [{ ...qualitativeIki(), type: 'OTHER' } as unknown as Iki] }],
    ];
    it.each(cases)(
      'given a started appraisal, when the RHK has %s, then INVALID_RHK naming %s',
      (_, field, overrides) => {
        const error = spec.given([started()]).when(draft(overrides)).thenThrows('INVALID_RHK', 'invalid');
        expect(error.details.map((d) => d.field)).toContain(field);
      },
    );

    it('given a started appraisal, when the RHK has a target of 0, then RhkDrafted (zero is a target)', () => {
      const zero = { iki: [{ ...quantitativeIki(), aspect: 'BIAYA', target: 0 } as Iki] };
      spec.given([started()]).when(draft(zero)).then(drafted(zero));
    });
  });

  it('given no appraisal, when an RHK is drafted, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(draft()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });

  it('given an ended appraisal, when an RHK is drafted, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(draft()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given a started appraisal, when the rater drafts the employee RHK, then NOT_ASSIGNED', () => {
    spec
      .given([started()])
      .when(draft({}, raterPlan, RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a started appraisal, when drafting in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec
      .given([started()])
      .when(draft({}, raterPlan, NIP, 'ASSESSMENT'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given a submitted plan, when an RHK is drafted, then PLAN_LOCKED', () => {
    spec.given(submittedPlan()).when(draft(second)).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given an approved plan, when an RHK is drafted, then PLAN_LOCKED', () => {
    spec.given(approvedPlan()).when(draft(second)).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given a drafted rhk-1, when rhk-1 is drafted again, then RHK_ID_TAKEN', () => {
    spec
      .given(draftedPlan())
      .when(draft({ iki: [quantitativeIki('iki-9')] }))
      .thenThrows('RHK_ID_TAKEN', 'conflict');
  });

  it('given a removed rhk-1, when rhk-1 is drafted again, then RHK_ID_TAKEN (ids are never reused)', () => {
    const removed = { type: 'RhkRemoved.v1' as const, data: { rhkId: 'rhk-1', reason: 'duplikat', removedAt: NOW } };
    spec
      .given([...draftedPlan(), removed])
      .when(draft({ iki: [quantitativeIki('iki-9')] }))
      .thenThrows('RHK_ID_TAKEN', 'conflict');
  });

  it('given iki-1 in rhk-1, when rhk-2 uses iki-1, then IKI_ID_TAKEN naming the field', () => {
    const error = spec
      .given(draftedPlan())
      .when(draft({ ...second, iki: [quantitativeIki('iki-3'), quantitativeIki('iki-1')] }))
      .thenThrows('IKI_ID_TAKEN', 'conflict');
    expect(error.details).toEqual([{ field: 'iki[1].ikiId', message: 'iki-1 is taken' }]);
  });
});
