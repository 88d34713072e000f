// Who may do what on one appraisal (README "Appraisal cycles"): by relation, taken from the appraisal's own state
// (its raterNip / raterSupervisorNip at the time, its chosen peer reviewers, its feedback requests, its agency), and
// by role.
// Deny by default: an act lists the relations that may perform it; anything else is 403. The deciders' own actor
// checks (NOT_ASSIGNED, 403) are the second line. ADMIN has no relation to anyone's appraisal: appraisals are
// personal data, and the technical role reads none of them (AUDITOR reads everything, writes nothing).
import { ForbiddenException } from '@nestjs/common';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import type { ActiveAppraisal } from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import type { EventLogViewer, Viewer } from '../../../../libs/appraisal/src/appraisal-view/viewer.js';
import { errorBody } from '../http/error-body.js';

/** OBJECTION_DECIDER: who decides a keberatan on this appraisal (the atasan pejabat penilai at filing, or HR's pick). */
export type Relation = Viewer | 'PEER_REVIEWER' | 'FEEDBACK_GIVER' | 'OBJECTION_DECIDER';

/** Roles a civil servant's own account may hold: any of them acts for themself. */
const PERSON_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

/** The roles under which each relation acts (the first held goes into the event's metadata.actor). */
const ROLES_OF: Readonly<Record<Relation, readonly Role[]>> = {
  EMPLOYEE: PERSON_ROLES,
  RATER: [Role.RATER],
  RATER_SUPERVISOR: [Role.RATER_SUPERVISOR],
  PEER_REVIEWER: PERSON_ROLES,
  FEEDBACK_GIVER: PERSON_ROLES,
  OBJECTION_DECIDER: PERSON_ROLES,
  HR: [Role.HR],
  AUDITOR: [Role.AUDITOR],
};

/** Every act on an appraisal and the relations allowed to perform it, in the order they are tried. */
export const APPRAISAL_ACTS = {
  view: ['EMPLOYEE', 'RATER', 'RATER_SUPERVISOR', 'OBJECTION_DECIDER', 'HR', 'AUDITOR'],
  readEvents: ['AUDITOR', 'HR'],
  /** Every value the scores had, with who, when and why (README "Score histories"). */
  readScoreHistory: ['EMPLOYEE', 'RATER', 'RATER_SUPERVISOR', 'HR', 'AUDITOR'],
  /** The RHK of the rater's plan the employee may cascade from (README "Appraisal cycles", cascading). */
  readCascadeSources: ['EMPLOYEE', 'RATER', 'HR', 'AUDITOR'],
  draftRhk: ['EMPLOYEE'],
  reviseRhk: ['EMPLOYEE'],
  removeRhk: ['EMPLOYEE'],
  submitPlan: ['EMPLOYEE'],
  returnPlan: ['RATER'],
  approvePlan: ['RATER'],
  setBehaviourExpectation: ['RATER'],
  requestFeedback: ['EMPLOYEE'],
  /** FEEDBACK_GIVER only with the requestId of a request asked of them. */
  giveFeedback: ['RATER', 'FEEDBACK_GIVER'],
  recordRealisation: ['EMPLOYEE', 'RATER'],
  attachEvidence: ['EMPLOYEE', 'RATER'],
  addComment: ['EMPLOYEE', 'RATER', 'RATER_SUPERVISOR'],
  recordDialogueNote: ['RATER', 'EMPLOYEE'],
  acknowledgeDialogueNote: ['EMPLOYEE'],
  submitSelfAssessment: ['EMPLOYEE'],
  proposePeerReviewer: ['EMPLOYEE'],
  choosePeerReviewers: ['RATER'],
  submitPeerInput: ['PEER_REVIEWER'],
  submitRating: ['RATER'],
  approveRating: ['RATER_SUPERVISOR'],
  returnRating: ['RATER_SUPERVISOR'],
  acknowledgeReceipt: ['EMPLOYEE'],
  fileObjection: ['EMPLOYEE'],
  recordPaperObjection: ['HR'],
  assignObjectionDecider: ['HR'],
  requestObjectionStatement: ['OBJECTION_DECIDER'],
  giveObjectionStatement: ['RATER', 'EMPLOYEE'],
  decideObjection: ['OBJECTION_DECIDER'],
  withdrawObjection: ['EMPLOYEE'],
} as const satisfies Record<string, readonly Relation[]>;

export type AppraisalAct = keyof typeof APPRAISAL_ACTS;

/** The roles a route must admit (@Allow) for `act`: the union of its relations' roles. */
export function rolesFor(act: AppraisalAct): Role[] {
  return [...new Set(APPRAISAL_ACTS[act].flatMap((relation) => ROLES_OF[relation]))];
}

const has = (p: Principal, roles: readonly Role[]) => roles.some((r) => p.roles.includes(r));

/** Whether `principal` stands in `relation` to the appraisal `state` (feedbackRequestId: for FEEDBACK_GIVER). */
export function holdsRelation(
  principal: Principal,
  state: ActiveAppraisal,
  relation: Relation,
  feedbackRequestId: string | null = null,
): boolean {
  const nip = principal.nip;
  // A person's relation holds only inside the appraisal's agency: a NIP claim alone does not (a token of
  // another agency's issuer carrying a matching NIP is no relation).
  if (relation !== 'HR' && relation !== 'AUDITOR' && principal.agencyId !== state.agencyId) return false;
  switch (relation) {
    case 'EMPLOYEE':
      return nip === state.nip && has(principal, PERSON_ROLES);
    case 'RATER':
      return nip !== undefined && nip === state.raterNip && has(principal, [Role.RATER]);
    case 'RATER_SUPERVISOR':
      return nip !== undefined && nip === state.raterSupervisorNip && has(principal, [Role.RATER_SUPERVISOR]);
    case 'PEER_REVIEWER':
      return nip !== undefined && state.peer.reviewers.includes(nip) && has(principal, PERSON_ROLES);
    case 'FEEDBACK_GIVER': {
      const request = feedbackRequestId === null ? undefined : state.feedbackRequests[feedbackRequestId];
      return nip !== undefined && request?.askedNip === nip && has(principal, PERSON_ROLES);
    }
    case 'OBJECTION_DECIDER':
      return nip !== undefined && state.objections.some((o) => o.deciderNip === nip) && has(principal, PERSON_ROLES);
    case 'HR':
      return has(principal, [Role.HR]) && principal.agencyId === state.agencyId;
    case 'AUDITOR':
      return has(principal, [Role.AUDITOR]);
  }
}

export interface Authorization<R extends Relation = Relation> {
  relation: R;
  /** The roles to record the act under (actorFrom's allowed list). */
  actingRoles: readonly Role[];
}

/** The first relation of `act` the principal holds, or 403 FORBIDDEN. */
export function authorize<A extends AppraisalAct>(
  principal: Principal,
  state: ActiveAppraisal,
  act: A,
  feedbackRequestId: string | null = null,
): Authorization<(typeof APPRAISAL_ACTS)[A][number]> {
  const relations: readonly (typeof APPRAISAL_ACTS)[A][number][] = APPRAISAL_ACTS[act];
  const relation = relations.find((r) => holdsRelation(principal, state, r, feedbackRequestId));
  if (relation === undefined) {
    throw new ForbiddenException(
      errorBody(
        403,
        'FORBIDDEN',
        `${act} on the appraisal of ${state.nip} in ${state.cycleId} is for ${describe(relations)} only`,
      ),
    );
  }
  return { relation, actingRoles: ROLES_OF[relation] };
}

export const isViewer = (relation: Relation): relation is Viewer =>
  (APPRAISAL_ACTS.view as readonly Relation[]).includes(relation);
export const isEventLogViewer = (relation: Relation): relation is EventLogViewer =>
  (APPRAISAL_ACTS.readEvents as readonly Relation[]).includes(relation);

const WORDS: Readonly<Record<Relation, string>> = {
  EMPLOYEE: 'the appraised employee',
  RATER: 'their rater (pejabat penilai)',
  RATER_SUPERVISOR: "the rater's supervisor (atasan pejabat penilai)",
  PEER_REVIEWER: 'a chosen peer reviewer',
  FEEDBACK_GIVER: 'the person the feedback was requested from',
  OBJECTION_DECIDER: 'the decider of its keberatan',
  HR: 'HR of the agency',
  AUDITOR: 'auditors',
};

function describe(relations: readonly Relation[]): string {
  return relations.map((r) => WORDS[r]).join(', ');
}
