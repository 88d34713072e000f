// The objections of an appraisal as each viewer may see them. The employee sees their objection, their own
// statement, the decision and its reasons, and the rater's statement only once decided (so the decider hears
// both sides before either answers the other); the rater sees the objection, their own statement and the
// decision; the decider (shown as RATER_SUPERVISOR) and auditors see everything; HR sees the state, deadlines and
// outcome but no statement text. Rules: docs/domain-rules.md (keberatan).
import type { Deadline } from '../../../policy/src/deadlines.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import type { Viewer } from '../appraisal-view/viewer.js';
import type { ObjectionEvent, ObjectionEvidence, StatementParty } from './objection-events.js';

type Data<T extends ObjectionEvent['type']> = Extract<ObjectionEvent, { type: T }>['data'];

export interface StatementView {
  party: StatementParty;
  partyNip: string;
  requestedAt: string;
  due: Deadline;
  /** Not given and past its deadline: the decision no longer waits for it. */
  lapsed: boolean;
  givenAt: string | null;
  /** null while not given; `withheld: true` when given but not shown to this viewer. */
  statement: string | null;
  evidence: ObjectionEvidence[];
  withheld: boolean;
}

export interface ObjectionView extends Omit<Data<'ObjectionFiled.v1'>, never> {
  status: 'OPEN' | 'DECIDED' | 'WITHDRAWN';
  /** Open past its decision deadline, or decided after it. */
  overdue: boolean;
  assignments: Data<'ObjectionDeciderAssigned.v1'>[];
  statements: StatementView[];
  decision: Omit<Data<'ObjectionDecided.v1'>, 'objectionId'> | null;
  withdrawal: { reason: string; withdrawnAt: string } | null;
}

const isObjectionEvent = (event: AppraisalEvent): event is ObjectionEvent => event.type.startsWith('Objection');

function mayRead(viewer: Viewer, party: StatementParty, decided: boolean): boolean {
  switch (viewer) {
    case 'AUDITOR':
    case 'RATER_SUPERVISOR':
      return true;
    case 'HR':
      return false;
    case 'RATER':
      return party === 'RATER';
    case 'EMPLOYEE':
      return party === 'EMPLOYEE' || decided;
  }
}

export function viewObjections(events: readonly AppraisalEvent[], viewer: Viewer, now: string): ObjectionView[] {
  const views = new Map<string, ObjectionView>();
  for (const event of events.filter(isObjectionEvent)) {
    if (event.type === 'ObjectionFiled.v1') {
      views.set(event.data.objectionId, {
        ...event.data,
        status: 'OPEN',
        overdue: false,
        assignments: [],
        statements: [],
        decision: null,
        withdrawal: null,
      });
      continue;
    }
    const view = views.get(event.data.objectionId);
    if (!view) continue;
    switch (event.type) {
      case 'ObjectionDeciderAssigned.v1':
        view.assignments.push(event.data);
        view.deciderNip = event.data.deciderNip;
        break;
      case 'ObjectionStatementRequested.v1': {
        const { party, partyNip, requestedAt, due } = event.data;
        view.statements.push({
          party,
          partyNip,
          requestedAt,
          due,
          lapsed: false,
          givenAt: null,
          statement: null,
          evidence: [],
          withheld: false,
        });
        break;
      }
      case 'ObjectionStatementGiven.v1': {
        const statement = view.statements.find((s) => s.party === event.data.party);
        if (statement)
          Object.assign(statement, {
            givenAt: event.data.givenAt,
            statement: event.data.statement,
            evidence: event.data.evidence,
          });
        break;
      }
      case 'ObjectionDecided.v1': {
        const { objectionId: _id, ...decision } = event.data;
        view.status = 'DECIDED';
        view.decision = decision;
        break;
      }
      case 'ObjectionWithdrawn.v1':
        view.status = 'WITHDRAWN';
        view.withdrawal = { reason: event.data.reason, withdrawnAt: event.data.withdrawnAt };
        break;
    }
  }
  const late = (deadline: Deadline, at: string) => Date.parse(at) >= Date.parse(deadline.closesAt);
  return [...views.values()].map((view) => {
    const decided = view.status === 'DECIDED';
    return {
      ...view,
      overdue: view.decision ? view.decision.overdue : view.status === 'OPEN' && late(view.decisionDue, now),
      statements: view.statements.map((s) => {
        const lapsed = s.givenAt === null && late(s.due, now);
        if (s.givenAt === null || mayRead(viewer, s.party, decided)) return { ...s, lapsed };
        return { ...s, lapsed, statement: null, evidence: [], withheld: true };
      }),
    };
  });
}
