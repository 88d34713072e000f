// Rules about the items recorded in an appraisal during the period (feedback, realisations, evidence,
// comments, dialogue notes): ids chosen by the caller are never reused, references name something that exists,
// and a correction is a new entry naming an earlier one by the same author (nothing is ever edited).
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ItemKind, ItemRef } from './appraisal-events.js';
import { requireText } from './appraisal-rules.js';
import type { ActiveAppraisal } from './appraisal-state.js';

export const ITEM_KINDS: readonly ItemKind[] = [
  'RHK',
  'IKI',
  'FEEDBACK',
  'REALISATION',
  'EVIDENCE',
  'COMMENT',
  'DIALOGUE_NOTE',
  'SELF_ASSESSMENT',
  'RATING',
];

/** Own keys only: an id such as "constructor" must not find something on the prototype. */
export const hasKey = (record: object, key: string): boolean => Object.hasOwn(record, key);

const itemExists = (state: ActiveAppraisal, kind: ItemKind, id: string): boolean =>
  ITEM_KINDS.includes(kind) && hasKey(state.items[kind], id);

/** A caller-chosen id (1..100 characters) not yet used for this kind of item: conflict `<KIND>_ID_TAKEN`. */
export function requireNewItemId(state: ActiveAppraisal, kind: ItemKind, field: string, raw: string): string {
  const id = requireText(field, raw, 100);
  if (hasKey(state.items[kind], id)) {
    throw new DomainError('conflict', `${kind}_ID_TAKEN`, `${field} ${id} is already used in this appraisal`, [
      { field, message: 'taken' },
    ]);
  }
  return id;
}

/** An item of this appraisal: RHK/IKI/… by id, SELF_ASSESSMENT/RATING by version number as a string. */
export function requireItem(state: ActiveAppraisal, ref: ItemRef, field: string): ItemRef {
  if (!itemExists(state, ref.kind, ref.id)) {
    throw new DomainError('not_found', 'ITEM_NOT_FOUND', `${field} names no ${ref.kind} ${ref.id} in this appraisal`, [
      { field, message: `no ${ref.kind} ${ref.id}` },
    ]);
  }
  return ref;
}

/** Evidence references must name evidence already attached to this appraisal. */
export function requireEvidenceIds(state: ActiveAppraisal, evidenceIds: readonly string[]): string[] {
  const missing = evidenceIds.map((id, index) => ({ id, index })).filter(({ id }) => !hasKey(state.items.EVIDENCE, id));
  if (missing.length > 0) {
    throw new DomainError(
      'not_found',
      'EVIDENCE_NOT_FOUND',
      `no evidence ${missing.map((m) => m.id).join(', ')} attached to this appraisal`,
      missing.map(({ id, index }) => ({ field: `evidenceIds[${index}]`, message: `no evidence ${id}` })),
    );
  }
  return [...evidenceIds];
}

/** `corrects`, when given, names an earlier item of the same kind written by the same person. */
export function requireCorrection(
  state: ActiveAppraisal,
  kind: ItemKind,
  corrects: string | null,
  authorNip: string,
): string | null {
  if (corrects === null) return null;
  if (!hasKey(state.items[kind], corrects)) {
    throw new DomainError('invalid', 'CORRECTS_UNKNOWN', `corrects names no ${kind} ${corrects} in this appraisal`, [
      { field: 'corrects', message: `no ${kind} ${corrects}` },
    ]);
  }
  if (state.items[kind][corrects].authorNip !== authorNip) {
    throw new DomainError(
      'forbidden',
      'CORRECTS_OTHERS_ENTRY',
      `only the author of ${kind} ${corrects} may correct it`,
      [{ field: 'corrects', message: 'written by someone else' }],
    );
  }
  return corrects;
}

/** Several people may do this act (the employee or the rater, …); returns the acting NIP. */
export function requireActorAmong(
  actorNip: string | null,
  people: readonly { role: string; nip: string | null }[],
  action: string,
): string {
  const match = people.find((p) => p.nip !== null && p.nip === actorNip);
  if (actorNip === null || !match) {
    const who = people.map((p) => `${p.role} (${p.nip ?? 'none assigned'})`).join(' or ');
    throw new DomainError('forbidden', 'NOT_ASSIGNED', `only ${who} may ${action}`);
  }
  return actorNip;
}

/** The employee, the rater and (for comments) the rater's supervisor of an appraisal, as actor candidates. */
export const employeeOf = (state: ActiveAppraisal) => ({ role: 'the employee', nip: state.nip });
export const raterOf = (state: ActiveAppraisal) => ({ role: 'the rater', nip: state.raterNip });
export const raterSupervisorOf = (state: ActiveAppraisal) => ({
  role: "the rater's supervisor",
  nip: state.raterSupervisorNip,
});
