// The decider's final decision (PP 30/2019 Pasal 59): UPHELD, or CHANGED with new ratings whose predikat comes
// from the pinned matrix, never typed in. Refused while a requested statement is neither given nor lapsed, or
// before both parties were asked. A late decision is still taken, and marked overdue.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { predikatFor } from '../../../policy/src/predikat.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireRating } from '../assessment-rules.js';
import type { DecideObjection } from '../objection/objection-commands.js';
import { STATEMENT_PARTIES, type ResultRatings } from '../objection/objection-events.js';
import type { ObjectionRecord } from '../objection/objection-state.js';
import { REASONS_MAX, requireDecider, requireOpenObjection, requirePublished } from '../objection/objection-rules.js';
import { predikatFollowUps } from '../recommendations/derive-recommendations.js';

export function decideDecideObjection(command: DecideObjection, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const objection = requireOpenObjection(appraisal, command.data.objectionId);
  const decidedByNip = requireDecider(objection, command.actorNip, 'decide the objection');
  requireStatementsSettled(objection, command.now);
  const publication = requirePublished(appraisal);
  const before: ResultRatings = {
    hasilKerja: publication.hasilKerja,
    perilaku: publication.perilaku,
    predikat: publication.predikat,
  };
  const { outcome, hasilKerja, perilaku } = command.data;
  const reasons = requireText('reasons', command.data.reasons, REASONS_MAX);
  let after = before;
  if (outcome === 'UPHELD') {
    if (hasilKerja != null || perilaku != null) {
      throw new DomainError('invalid', 'RATINGS_NOT_ALLOWED', 'an UPHELD decision keeps the result: send no ratings', [
        { field: hasilKerja != null ? 'hasilKerja' : 'perilaku', message: 'must be null for UPHELD' },
      ]);
    }
  } else if (outcome === 'CHANGED') {
    const h = requireRating('hasilKerja', hasilKerja);
    const p = requireRating('perilaku', perilaku);
    if (h === before.hasilKerja && p === before.perilaku) {
      throw new DomainError(
        'invalid',
        'DECISION_CHANGES_NOTHING',
        'the new ratings equal the published ones: decide UPHELD instead',
      );
    }
    after = { hasilKerja: h, perilaku: p, predikat: predikatFor(appraisal.policy, h, p) };
  } else {
    throw new DomainError('invalid', 'INVALID_OUTCOME', 'outcome must be UPHELD or CHANGED', [
      { field: 'outcome', message: `got ${String(outcome)}` },
    ]);
  }
  const training = publication.recommendations.filter((r) => r.kind === 'TRAINING');
  return [
    {
      type: 'ObjectionDecided.v1',
      data: {
        objectionId: objection.objectionId,
        outcome,
        reasons,
        decidedByNip,
        before,
        after,
        recommendations:
          outcome === 'CHANGED' ? [...training, ...predikatFollowUps(after.predikat)] : publication.recommendations,
        overdue: Date.parse(command.now) >= Date.parse(objection.decisionDue.closesAt),
        decidedAt: command.now,
      },
    },
  ];
}

/** Both parties must have been asked, and each request answered or lapsed. */
function requireStatementsSettled(objection: ObjectionRecord, now: string): void {
  const unasked = STATEMENT_PARTIES.filter((p) => !objection.statements[p]);
  if (unasked.length > 0) {
    throw new DomainError(
      'conflict',
      'STATEMENTS_NOT_REQUESTED',
      `request statements from both parties first; not yet asked: ${unasked.join(', ')}`,
      unasked.map((party) => ({ field: 'statements', message: `${party} not asked`, party })),
    );
  }
  const pending = STATEMENT_PARTIES.flatMap((party) => {
    const request = objection.statements[party]!;
    const lapsed = Date.parse(now) >= Date.parse(request.due.closesAt);
    return request.givenAt === null && !lapsed ? [{ party, lastDay: request.due.lastDay }] : [];
  });
  if (pending.length > 0) {
    throw new DomainError(
      'conflict',
      'STATEMENT_PENDING',
      `waiting for statements: ${pending.map((p) => `${p.party} (until ${p.lastDay})`).join(', ')}`,
      pending.map((p) => ({ field: 'statements', message: `${p.party} pending until ${p.lastDay}`, ...p })),
    );
  }
}

export const decideObjectionDecider: Decider<DecideObjection, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideDecideObjection,
  evolve: evolveAppraisal,
};
