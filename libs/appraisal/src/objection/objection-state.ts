// What an appraisal remembers of its objections: the latest one decides whether another may be filed, and a
// CHANGED decision rewrites the published result (as a new fact; the original publication stays in the stream).
import type { Deadline } from '../../../policy/src/deadlines.js';
import type {
  ObjectedItem,
  ObjectionEvent,
  ObjectionOutcome,
  ResultRatings,
  StatementParty,
} from './objection-events.js';

export interface StatementRequest {
  partyNip: string;
  due: Deadline;
  givenAt: string | null;
}

export interface ObjectionRecord {
  objectionId: string;
  status: 'OPEN' | 'DECIDED' | 'WITHDRAWN';
  filedByNip: string | null;
  recordedByHr: boolean;
  items: readonly ObjectedItem[];
  ratingVersion: number;
  deciderNip: string | null;
  decisionDue: Deadline;
  statements: Readonly<Partial<Record<StatementParty, StatementRequest>>>;
  decision: { outcome: ObjectionOutcome; after: ResultRatings; decidedAt: string } | null;
  filedAt: string;
}

/** Folds one objection event into the list of objections (latest last). Never throws. */
export function evolveObjections(
  objections: readonly ObjectionRecord[],
  event: ObjectionEvent,
): readonly ObjectionRecord[] {
  if (event.type === 'ObjectionFiled.v1') {
    const d = event.data;
    return [
      ...objections,
      {
        objectionId: d.objectionId,
        status: 'OPEN',
        filedByNip: d.filedByNip,
        recordedByHr: d.recordedByHr,
        items: d.items,
        ratingVersion: d.ratingVersion,
        deciderNip: d.deciderNip,
        decisionDue: d.decisionDue,
        statements: {},
        decision: null,
        filedAt: d.filedAt,
      },
    ];
  }
  return objections.map((o) => (o.objectionId === event.data.objectionId ? applyTo(o, event) : o));
}

function applyTo(o: ObjectionRecord, event: ObjectionEvent): ObjectionRecord {
  switch (event.type) {
    case 'ObjectionFiled.v1':
      return o;
    case 'ObjectionDeciderAssigned.v1':
      return { ...o, deciderNip: event.data.deciderNip };
    case 'ObjectionStatementRequested.v1': {
      const { party, partyNip, due } = event.data;
      return { ...o, statements: { ...o.statements, [party]: { partyNip, due, givenAt: null } } };
    }
    case 'ObjectionStatementGiven.v1': {
      const request = o.statements[event.data.party];
      if (!request) return o;
      return { ...o, statements: { ...o.statements, [event.data.party]: { ...request, givenAt: event.data.givenAt } } };
    }
    case 'ObjectionDecided.v1': {
      const { outcome, after, decidedAt } = event.data;
      return { ...o, status: 'DECIDED', decision: { outcome, after, decidedAt } };
    }
    case 'ObjectionWithdrawn.v1':
      return { ...o, status: 'WITHDRAWN' };
  }
}

/** The objection currently open, if any (at most one at a time). */
export const openObjection = (objections: readonly ObjectionRecord[]): ObjectionRecord | undefined =>
  objections.find((o) => o.status === 'OPEN');
