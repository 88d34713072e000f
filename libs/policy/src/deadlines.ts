// The keberatan window and the decision deadline (DOMAIN section 7), counted on the agency's local calendar.
import type { DayCounting, Policy } from './policy.js';
import { addDays, assertLocalDates, isWeekend, localDateOf, startOfLocalDay, toInstant } from './local-calendar.js';

export interface Deadline {
  /** Local date of the event that starts the count (receipt of the result, filing of the objection). */
  startDay: string;
  /** The last local date on which the act is still in time. */
  lastDay: string;
  /** First instant after the window (local midnight after lastDay), ISO UTC: in time iff before it. */
  closesAt: string;
  timeZone: string;
  counting: DayCounting;
}

/**
 * Last day to file a keberatan: `windowDays` days after the local date the result was received (that date is
 * day 0). CALENDAR counts every day; WORKING counts Monday-Friday dates not in `holidays` (local dates).
 */
export function objectionDeadline(
  policy: Policy,
  receivedAt: string | Date,
  timeZone: string,
  holidays: readonly string[] = [],
): Deadline {
  const { windowDays, windowCounting } = policy.objection;
  return deadline(toInstant(receivedAt, 'receivedAt'), windowDays, windowCounting, timeZone, holidays);
}

/** Last day for the atasan pejabat penilai to decide, counted from the local date the objection was filed. */
export function decisionDeadline(
  policy: Policy,
  filedAt: string | Date,
  timeZone: string,
  holidays: readonly string[] = [],
): Deadline {
  const { decisionDays, decisionCounting } = policy.objection;
  return deadline(toInstant(filedAt, 'filedAt'), decisionDays, decisionCounting, timeZone, holidays);
}

/** Defaults for policy versions published before statement requests existed (see Policy.objection). */
export const DEFAULT_STATEMENT_DAYS = 5;
export const DEFAULT_STATEMENT_COUNTING: DayCounting = 'WORKING';

/** Last day for a party to answer the decider's request for a statement, counted from the request's local date. */
export function statementDeadline(
  policy: Policy,
  requestedAt: string | Date,
  timeZone: string,
  holidays: readonly string[] = [],
): Deadline {
  const days = policy.objection.statementDays ?? DEFAULT_STATEMENT_DAYS;
  const counting = policy.objection.statementCounting ?? DEFAULT_STATEMENT_COUNTING;
  return deadline(toInstant(requestedAt, 'requestedAt'), days, counting, timeZone, holidays);
}

export const DEFAULT_DIALOGUE_ACKNOWLEDGEMENT_DAYS = 5;

/** Until when the employee may acknowledge the rater's dialogue note before it counts unacknowledged. */
export function dialogueAcknowledgementDeadline(
  policy: Policy,
  recordedAt: string | Date,
  timeZone: string,
  holidays: readonly string[] = [],
): Deadline {
  const days = policy.dialogue?.acknowledgementDays ?? DEFAULT_DIALOGUE_ACKNOWLEDGEMENT_DAYS;
  const counting = policy.dialogue?.acknowledgementCounting ?? 'WORKING';
  return deadline(toInstant(recordedAt, 'recordedAt'), days, counting, timeZone, holidays);
}

function deadline(
  start: Date,
  days: number,
  counting: DayCounting,
  timeZone: string,
  holidays: readonly string[],
): Deadline {
  assertLocalDates(holidays, 'holidays');
  const startDay = localDateOf(start, timeZone);
  let lastDay = startDay;
  if (counting === 'CALENDAR') lastDay = addDays(startDay, days);
  else {
    const off = new Set(holidays);
    for (let counted = 0; counted < days;) {
      lastDay = addDays(lastDay, 1);
      if (!isWeekend(lastDay) && !off.has(lastDay)) counted++;
    }
  }
  const closesAt = startOfLocalDay(addDays(lastDay, 1), timeZone).toISOString();
  return { startDay, lastDay, closesAt, timeZone, counting };
}
