// Dates on an agency's own calendar (WIB +7, WITA +8, WIT +9: DOMAIN section 7), never UTC's or the server's.
// Local dates are 'YYYY-MM-DD' strings; date arithmetic on them is done at UTC noon, where no offset can
// move the day.
import { DomainError } from '../../shared-kernel/src/domain-error.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new DomainError('invalid', 'INVALID_TIME_ZONE', `${timeZone} is not an IANA time zone`, [
      { field: 'timeZone', message: 'must be an IANA time zone such as Asia/Jayapura' },
    ]);
  }
}

function wallClock(instant: Date, timeZone: string): Record<string, number> {
  const parts = formatter(timeZone).formatToParts(instant);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

export function toInstant(value: string | Date, field: string): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime()) || (typeof value === 'string' && !/T.*(Z|[+-]\d{2}:\d{2})$/.test(value))) {
    throw new DomainError('invalid', 'INVALID_INSTANT', `${field} must be an ISO instant with an offset`, [
      { field, message: 'must be an ISO-8601 instant with Z or an offset' },
    ]);
  }
  return instant;
}

/** The date the instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant local midnight of `date` begins in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wanted = Date.UTC(y, m - 1, d);
  let instant = wanted;
  // Twice: the offset at the guess and at the corrected instant differ only across a DST change.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(instant), timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    instant += wanted - asUtc;
  }
  return new Date(instant);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function assertLocalDates(dates: readonly string[], field: string): void {
  dates.forEach((date, i) => {
    if (!LOCAL_DATE.test(date) || addDays(date, 0) !== date) {
      throw new DomainError('invalid', 'INVALID_DATE', `${field}[${i}] must be a real date YYYY-MM-DD`, [
        { field: `${field}[${i}]`, message: `must be a real date YYYY-MM-DD, got ${date}` },
      ]);
    }
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
