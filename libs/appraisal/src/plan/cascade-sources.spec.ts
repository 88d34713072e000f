import { describe, expect, it } from '@jest/globals';
import { NIP, RATER, RATER_RHK_ID, qualitativeIki, quantitativeIki, started } from '../appraisal/appraisal-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { evolveAppraisal, initialAppraisalState, type ActiveAppraisal } from '../appraisal/appraisal-state.js';
import { decideDraftRhk } from '../draft-rhk/draft-rhk.js';
import { base, rhkContent } from '../appraisal/appraisal-fixtures.js';
import { cascadeSourcesFor, raterPlanFact, type RaterPlan } from './cascade-sources.js';

const appraisalOf = (...events: AppraisalEvent[]) =>
  events.reduce(evolveAppraisal, initialAppraisalState()) as ActiveAppraisal;

const raterRhk = {
  rhkId: RATER_RHK_ID,
  kind: 'UTAMA' as const,
  title: 'Meningkatnya mutu pembelajaran SD',
  iki: [quantitativeIki('iki-r-1'), qualitativeIki('iki-r-2')],
};
const plan = (rhk = [raterRhk]): RaterPlan => ({ raterNip: RATER, planStatus: 'APPROVED', rhk });

describe('cascade sources', () => {
  it('given a non-JPT whose rater has a plan with RHK, then the RHK to cascade from, with titles and IKI', () => {
    const sources = cascadeSourcesFor(appraisalOf(started()), plan());
    expect(sources).toEqual({
      nip: NIP,
      raterNip: RATER,
      source: 'RATER_PLAN',
      reason: null,
      raterPlanStatus: 'APPROVED',
      rhk: [raterRhk],
      message: `Each of your RHK cascades from one of these RHK of your rater ${RATER}: name it in cascadesFrom {raterNip, rhkId}`,
    });
  });

  it('given a rater plan with no RHK yet, then RATER_PLAN with an empty list and the wait explained', () => {
    const sources = cascadeSourcesFor(appraisalOf(started()), { ...plan([]), planStatus: 'DRAFT' });
    expect(sources).toMatchObject({ source: 'RATER_PLAN', rhk: [], raterPlanStatus: 'DRAFT' });
    expect(sources.message).toContain(`Planning waits until the plan of your rater ${RATER} has at least one RHK`);
  });

  it('given a JPT, then the Perjanjian Kinerja, even when the rater has a plan', () => {
    const sources = cascadeSourcesFor(appraisalOf(started({ jobType: 'JPT' })), plan());
    expect(sources).toMatchObject({ source: 'PERJANJIAN_KINERJA', reason: 'JPT', rhk: [] });
    expect(sources.message).toBe(
      "You hold a JPT (pimpinan tinggi) position, so each of your RHK derives from your unit's Perjanjian Kinerja: " +
        'name the item in perjanjianKinerjaRef',
    );
  });

  it('given a rater with no appraisal in the cycle, then the Perjanjian Kinerja naming the rater', () => {
    const sources = cascadeSourcesFor(appraisalOf(started()), null);
    expect(sources).toMatchObject({ source: 'PERJANJIAN_KINERJA', reason: 'RATER_NOT_IN_CYCLE', raterNip: RATER });
    expect(sources.message).toContain(`Your rater ${RATER} has no appraisal in this cycle`);
  });

  it('given no rater, then the Perjanjian Kinerja', () => {
    const sources = cascadeSourcesFor(appraisalOf(started({ raterNip: null, raterSupervisorNip: null })), null);
    expect(sources).toMatchObject({ source: 'PERJANJIAN_KINERJA', reason: 'NO_RATER', raterNip: null });
  });

  it('what the list offers is what drafting accepts: every listed RHK drafts, an unlisted one is refused', () => {
    const appraisal = appraisalOf(started());
    const rater = plan([raterRhk, { ...raterRhk, rhkId: 'rhk-rater-2', title: 'Tambahan' }]);
    const fact = raterPlanFact(rater);
    for (const offered of cascadeSourcesFor(appraisal, rater).rhk) {
      const command = {
        type: 'DraftRhk' as const,
        ...base(NIP, 'PLANNING'),
        data: rhkContent({ cascadesFrom: { raterNip: RATER, rhkId: offered.rhkId } }),
        raterPlan: fact,
      };
      expect(decideDraftRhk(command, appraisal)).toHaveLength(1);
    }
    const unlisted = {
      type: 'DraftRhk' as const,
      ...base(NIP, 'PLANNING'),
      data: rhkContent({ cascadesFrom: { raterNip: RATER, rhkId: 'rhk-rater-9' } }),
      raterPlan: fact,
    };
    expect(() => decideDraftRhk(unlisted, appraisal)).toThrow(/rhk-rater-9 is not one/);
  });
});
