import { describe, expect, it } from '@jest/globals';
import { decisionDeadline, objectionDeadline } from './deadlines.js';
import { DEFAULT_POLICY } from './default-policy.js';
import type { Policy } from './policy.js';

const working = (windowDays: number): Policy => ({
  ...DEFAULT_POLICY,
  objection: { ...DEFAULT_POLICY.objection, windowDays, windowCounting: 'WORKING' },
});

describe('objection deadline (DOMAIN section 7: 14 days, on the agency calendar)', () => {
  it('WIT agency, result received at 01:30 local = 16:30 UTC the day before: counted from the local date', () => {
    // 2026-03-02T16:30Z is Tuesday 3 March 01:30 in Manokwari (WIT, +9).
    const deadline = objectionDeadline(DEFAULT_POLICY, '2026-03-02T16:30:00Z', 'Asia/Jayapura');
    expect(deadline).toEqual({
      startDay: '2026-03-03',
      lastDay: '2026-03-17',
      closesAt: '2026-03-17T15:00:00.000Z', // local midnight after 17 March, WIT
      timeZone: 'Asia/Jayapura',
      counting: 'CALENDAR',
    });
  });

  it('the same instant in a WIB agency falls on the previous local date, so the window ends a day earlier', () => {
    const deadline = objectionDeadline(DEFAULT_POLICY, '2026-03-02T16:30:00Z', 'Asia/Jakarta');
    expect(deadline).toMatchObject({
      startDay: '2026-03-02',
      lastDay: '2026-03-16',
      closesAt: '2026-03-16T17:00:00.000Z',
    });
  });

  it('filing at 23:59 local on the last day is in time, at 00:00 the next local day it is not', () => {
    const { closesAt } = objectionDeadline(DEFAULT_POLICY, '2026-03-03T09:00:00+09:00', 'Asia/Jayapura');
    expect(new Date('2026-03-17T23:59:59+09:00') < new Date(closesAt)).toBe(true);
    expect(new Date('2026-03-18T00:00:00+09:00') < new Date(closesAt)).toBe(false);
  });

  it('working days skip Saturday and Sunday: received Friday, 3 working days end on Wednesday', () => {
    // Friday 6 March 2026, 10:00 WIT
    const deadline = objectionDeadline(working(3), '2026-03-06T01:00:00Z', 'Asia/Jayapura');
    expect(deadline).toMatchObject({ startDay: '2026-03-06', lastDay: '2026-03-11', counting: 'WORKING' });
  });

  it('working days over a weekend, in WIT across midnight UTC: received Saturday 00:30 WIT counts from Monday', () => {
    // 2026-03-06T15:30Z is Saturday 7 March 00:30 WIT (still Friday in UTC, which would count Friday's weekend).
    const deadline = objectionDeadline(working(1), '2026-03-06T15:30:00Z', 'Asia/Jayapura');
    expect(deadline).toMatchObject({
      startDay: '2026-03-07',
      lastDay: '2026-03-09',
      closesAt: '2026-03-09T15:00:00.000Z',
    });
  });

  it('working days skip the holidays given (local dates), e.g. Nyepi', () => {
    const deadline = objectionDeadline(working(14), '2026-03-06T01:00:00Z', 'Asia/Jayapura', ['2026-03-19']);
    // 9-13, 16-18, 20, 23-27 are the 14 working days
    expect(deadline.lastDay).toBe('2026-03-27');
    expect(objectionDeadline(working(14), '2026-03-06T01:00:00Z', 'Asia/Jayapura').lastDay).toBe('2026-03-26');
  });

  it('the decision deadline is counted from the filing date with its own setting (default 14 calendar days)', () => {
    const deadline = decisionDeadline(DEFAULT_POLICY, '2026-12-24T20:00:00Z', 'Asia/Makassar');
    // 25 Dec 04:00 WITA
    expect(deadline).toMatchObject({
      startDay: '2026-12-25',
      lastDay: '2027-01-08',
      closesAt: '2027-01-08T16:00:00.000Z',
    });
  });

  it('refuses an unknown time zone, an instant without offset and a holiday that is not a date', () => {
    expect(() => objectionDeadline(DEFAULT_POLICY, '2026-03-02T16:30:00Z', 'Mars/Olympus')).toThrow('IANA');
    expect(() => objectionDeadline(DEFAULT_POLICY, '2026-03-02T16:30:00', 'Asia/Jayapura')).toThrow('offset');
    expect(() => objectionDeadline(working(3), '2026-03-02T16:30:00Z', 'Asia/Jayapura', ['2026-02-30'])).toThrow(
      'holidays[0]',
    );
  });
});
