import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { decisionDeadline } from '../../../policy/src/deadlines.js';
import { base } from '../appraisal/appraisal-fixtures.js';
import type { RecordPaperObjection } from '../objection/objection-commands.js';
import { TZ, filed, items, publishedAndReceived } from '../objection/objection-fixtures.js';
import { recordPaperObjectionDecider } from './record-paper-objection.js';

const spec = specFor(recordPaperObjectionDecider);
const SCAN = 'a'.repeat(64);
const RECORDED_AT = '2027-01-25T02:00:00.000Z'; // after the window: the letter's date is what counts
const record = (
  letterReceivedOn: string,
  overrides: Partial<RecordPaperObjection['data']> = {},
): RecordPaperObjection => ({
  type: 'RecordPaperObjection',
  ...base(null, 'PUBLISHED', RECORDED_AT),
  data: {
    objectionId: 'obj-1',
    reasons: 'Realisasi IKI-1 melebihi target; bukti terlampir',
    items: items(),
    evidence: [],
    letterReceivedOn,
    letterScanSha256: SCAN,
    ...overrides,
  },
});

describe('HR records an objection received on paper', () => {
  it('given a letter received on the last day, when HR records it later, then ObjectionFiled marked as recorded by HR, due from the letter date', () => {
    spec
      .given(publishedAndReceived())
      .when(record('2027-01-18'))
      .then([
        filed({
          filedByNip: null,
          recordedByHr: true,
          letterReceivedOn: '2027-01-18',
          letterScanSha256: SCAN,
          evidence: [],
          decisionDue: decisionDeadline(DEFAULT_POLICY, '2027-01-17T15:00:00.000Z', TZ),
          filedAt: RECORDED_AT,
        }),
      ]);
  });

  it('when the letter arrived after the last day, then OBJECTION_WINDOW_CLOSED naming both dates', () => {
    const error = spec.given(publishedAndReceived()).when(record('2027-01-19')).thenThrows('OBJECTION_WINDOW_CLOSED');
    expect(error.message).toContain('2027-01-19');
    expect(error.message).toContain('2027-01-18');
  });

  it('when the letter is dated before the result was received, then OBJECTION_WINDOW_CLOSED', () => {
    spec.given(publishedAndReceived()).when(record('2027-01-03')).thenThrows('OBJECTION_WINDOW_CLOSED');
  });

  it('when the letter date is in the future (local calendar), then LETTER_DATE_IN_FUTURE', () => {
    // 2027-01-25T02:00Z is 11:00 on the 25th in WIT: the 26th is tomorrow.
    spec.given(publishedAndReceived()).when(record('2027-01-26')).thenThrows('LETTER_DATE_IN_FUTURE', 'invalid');
  });

  it('when the date or the scan hash is malformed, then INVALID_DATE / INVALID_EVIDENCE', () => {
    spec.given(publishedAndReceived()).when(record('2027-02-30')).thenThrows('INVALID_DATE', 'invalid');
    spec.given(publishedAndReceived()).when(record('18-01-2027')).thenThrows('INVALID_DATE', 'invalid');
    spec
      .given(publishedAndReceived())
      .when(record('2027-01-18', { letterScanSha256: 'xyz' }))
      .thenThrows('INVALID_EVIDENCE');
  });

  it('given an open objection, then OBJECTION_ALREADY_OPEN', () => {
    spec
      .given([...publishedAndReceived(), filed()])
      .when(record('2027-01-10', { objectionId: 'obj-2' }))
      .thenThrows('OBJECTION_ALREADY_OPEN');
  });
});
