// The pejabat penilai's rating: realisasi for every IKI of the approved plan, rating hasil kerja and perilaku,
// per-value notes, competency levels observed. The predikat is computed from the pinned policy's matrix, never
// typed in (DOMAIN section 5). A returned rating is revised by submitting the next version; every version stays.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError, type DomainErrorDetail } from '../../../shared-kernel/src/domain-error.js';
import { predikatFor } from '../../../policy/src/predikat.js';
import type { Rating } from '../../../policy/src/policy.js';
import { DIALOGUE_GAP, ratingGap } from '../dialogue/dialogue-rules.js';
import type { SubmitSupervisorRating } from '../appraisal/appraisal-commands.js';
import type {
  AppraisalEvent,
  BerakhlakValueCode,
  CompetencyObservation,
  IkiRealisation,
} from '../appraisal/appraisal-events.js';
import { requireEvidenceIds } from '../appraisal/appraisal-items.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  latestRating,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import {
  NOTE_MAX,
  boundedNote,
  isBerakhlakValue,
  requireNoApprovedRating,
  requirePlanApproved,
  requireRating,
  setProblems,
} from '../assessment-rules.js';

const ACTION = 'submit a rating';
export const JUSTIFICATION_MAX = 4000;

// The gap rule lives with the dialogue gate; re-exported for callers that know it from here.
export { DIALOGUE_GAP, ratingGap } from '../dialogue/dialogue-rules.js';

export function decideSubmitSupervisorRating(command: SubmitSupervisorRating, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT', 'DETERMINATION'], ACTION);
  requireActor(command.actorNip, appraisal.raterNip, 'the rater', ACTION);
  requirePlanApproved(appraisal, ACTION);
  // In DETERMINATION an approved rating may be revised (a new version, approved again) so the unit's
  // distribution can meet the curve (DOMAIN section 6, step 3); in ASSESSMENT approval is final.
  if (command.cyclePhase === 'ASSESSMENT') requireNoApprovedRating(appraisal, ACTION);
  if (command.populationDetermined) {
    throw new DomainError(
      'conflict',
      'POPULATION_DETERMINED',
      `cannot ${ACTION}: the distribution of ${appraisal.nip}'s unit has been determined; ratings are final`,
    );
  }
  const pending = latestRating(appraisal);
  if (pending?.status === 'SUBMITTED') {
    throw new DomainError(
      'conflict',
      'RATING_AWAITING_APPROVAL',
      `rating version ${pending.version} awaits the rater's supervisor: it must be returned before a revision`,
    );
  }
  const { data } = command;
  const realisations = requireRealisations(appraisal, data.realisations);
  const hasilKerja = requireRating('hasilKerja', data.hasilKerja);
  const perilaku = requireRating('perilaku', data.perilaku);
  const justification = requireJustification(hasilKerja, perilaku, data.justification, data.evidenceIds);
  const evidenceIds = requireEvidenceIds(appraisal, data.evidenceIds);
  const self = appraisal.selfAssessment;
  return [
    {
      type: 'SupervisorRatingSubmitted.v1',
      data: {
        version: appraisal.ratings.length + 1,
        raterNip: appraisal.raterNip as string,
        realisations,
        hasilKerja,
        perilaku,
        predikat: predikatFor(appraisal.policy, hasilKerja, perilaku),
        valueNotes: requireValueNotes(data.valueNotes),
        competencyLevels: requireKnownCompetencies(
          appraisal,
          requireCompetencyLevels(data.competencyLevels),
          command.knownCompetencyCodes,
        ),
        justification,
        evidenceIds,
        // Recorded and flagged for audit, not refused: replacing the rater is HR's act (ChangeRater).
        conflictOfInterestDeclarationIds: [...command.activeConflictOfInterestIds],
        forDialogue: self !== null && ratingGap(self, { hasilKerja, perilaku }) >= DIALOGUE_GAP,
        submittedAt: command.now,
      },
    },
  ];
}

/** Exactly one realisation per IKI of the plan: a number for a quantitative IKI, a narrative for a qualitative one. */
function requireRealisations(appraisal: ActiveAppraisal, realisations: readonly IkiRealisation[]): IkiRealisation[] {
  const ikiByKey = new Map(
    Object.values(appraisal.plan.rhk).flatMap((rhk) => rhk.iki.map((iki) => [`${rhk.rhkId}/${iki.ikiId}`, iki])),
  );
  const details: DomainErrorDetail[] = setProblems(
    'realisations',
    realisations.map((r) => `${r.rhkId}/${r.ikiId}`),
    [...ikiByKey.keys()],
  );
  const normalised = realisations.map((r, i) => {
    const field = `realisations[${i}]`;
    const narrative = r.narrative === null || r.narrative === undefined ? null : r.narrative.trim() || null;
    if (narrative !== null && narrative.length > NOTE_MAX) {
      details.push({ field: `${field}.narrative`, message: `longer than ${NOTE_MAX} characters` });
    }
    const iki = ikiByKey.get(`${r.rhkId}/${r.ikiId}`);
    if (iki?.type === 'QUANTITATIVE' && (typeof r.value !== 'number' || !Number.isFinite(r.value))) {
      details.push({ field: `${field}.value`, message: 'a quantitative IKI needs a numeric value' });
    }
    if (iki?.type === 'QUALITATIVE' && (narrative === null || r.value !== null)) {
      details.push({ field: `${field}.narrative`, message: 'a qualitative IKI needs a narrative and no value' });
    }
    return { rhkId: r.rhkId, ikiId: r.ikiId, value: r.value ?? null, narrative };
  });
  if (details.length > 0) {
    throw new DomainError('invalid', 'REALISATIONS_INVALID', 'give one realisation for every IKI of the plan', details);
  }
  return normalised;
}

/** Any rating other than SESUAI_EKSPEKTASI needs a written justification and evidence (the rule). */
function requireJustification(
  hasilKerja: Rating,
  perilaku: Rating,
  justification: string | null,
  evidenceIds: readonly string[],
): string | null {
  const text = (justification ?? '').trim();
  if (text.length > JUSTIFICATION_MAX) {
    throw new DomainError('invalid', 'JUSTIFICATION_TOO_LONG', `justification is longer than ${JUSTIFICATION_MAX}`, [
      { field: 'justification', message: `${text.length} characters` },
    ]);
  }
  if (hasilKerja === 'SESUAI_EKSPEKTASI' && perilaku === 'SESUAI_EKSPEKTASI') return text || null;
  const why = `a rating of ${hasilKerja} / ${perilaku} departs from SESUAI_EKSPEKTASI`;
  if (text.length === 0) {
    throw new DomainError('invalid', 'JUSTIFICATION_REQUIRED', `${why}: a justification is required`, [
      { field: 'justification', message: 'blank' },
    ]);
  }
  if (evidenceIds.length === 0) {
    throw new DomainError('invalid', 'EVIDENCE_REQUIRED', `${why}: cite at least one piece of evidence`, [
      { field: 'evidenceIds', message: 'empty' },
    ]);
  }
  return text;
}

function requireValueNotes(valueNotes: readonly { value: BerakhlakValueCode; note: string }[]) {
  const codes = valueNotes.map((v) => v.value);
  const problems = setProblems('valueNotes', codes, codes.filter(isBerakhlakValue));
  if (problems.length > 0) {
    throw new DomainError('invalid', 'VALUE_NOTES_INVALID', 'one note per BerAKHLAK value at most', problems);
  }
  return valueNotes.map((v, i) => ({ value: v.value, note: boundedNote(`valueNotes[${i}].note`, v.note) }));
}

function requireCompetencyLevels(levels: readonly CompetencyObservation[]): CompetencyObservation[] {
  const codes = levels.map((l) => l.code.trim());
  const details: DomainErrorDetail[] = [
    ...setProblems('competencyLevels', codes, codes).map((d) => ({ ...d, field: `${d.field}.code` })),
    ...codes.flatMap((code, i) =>
      code.length === 0 ? [{ field: `competencyLevels[${i}].code`, message: 'blank' }] : [],
    ),
    ...levels.flatMap((l, i) =>
      Number.isInteger(l.level) && l.level >= 1 && l.level <= 5
        ? []
        : [{ field: `competencyLevels[${i}].level`, message: `${l.level} is not a level 1-5` }],
    ),
  ];
  if (details.length > 0) {
    throw new DomainError(
      'invalid',
      'COMPETENCY_LEVELS_INVALID',
      'one observed level (a whole number 1-5) per competency code',
      details,
    );
  }
  return levels.map((l, i) => ({ code: codes[i], level: l.level }));
}

/**
 * Levels only for competencies the pinned framework version knows (the built-in catalogue without one): a level
 * for an unknown code could never be compared with a position's required level, nor appealed against.
 */
function requireKnownCompetencies(
  appraisal: ActiveAppraisal,
  levels: CompetencyObservation[],
  known: readonly string[],
): CompetencyObservation[] {
  const knownSet = new Set(known);
  const unknown = levels.map((l, i) => ({ code: l.code, i })).filter(({ code }) => !knownSet.has(code));
  if (unknown.length === 0) return levels;
  const ref = appraisal.frameworkRef;
  const where = ref ? `framework ${ref.frameworkId} version ${ref.version}` : 'the built-in catalogue';
  const codes = [...known].sort();
  throw new DomainError(
    'invalid',
    'UNKNOWN_COMPETENCY',
    `${unknown.map((u) => u.code).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in ${where}, which this ` +
      `cycle pinned; known competency codes: ${codes.join(', ')}`,
    [
      ...unknown.map(({ code, i }) => ({
        field: `competencyLevels[${i}].code`,
        message: `${code} is not in ${where}`,
      })),
      { field: 'knownCompetencyCodes', message: codes.join(', ') },
    ],
  );
}

export const submitSupervisorRatingDecider: Decider<SubmitSupervisorRating, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideSubmitSupervisorRating,
  evolve: evolveAppraisal,
};
