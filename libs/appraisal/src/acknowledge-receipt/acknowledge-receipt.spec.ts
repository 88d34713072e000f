import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { AcknowledgeReceipt } from '../appraisal/appraisal-commands.js';
import { NIP, RATER, base, startedData } from '../appraisal/appraisal-fixtures.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { approved, published } from '../assessment-fixtures.js';
import { acknowledgeReceiptDecider } from './acknowledge-receipt.js';

const spec = specFor(acknowledgeReceiptDecider);
// 14:30Z is 23:30 WIT (UTC+9) on 2027-01-04; 15:30Z is already 00:30 on the 5th in Manokwari (UTC: the 4th).
const RECEIVED = '2027-01-04T14:30:00.000Z';
const acknowledge = (actorNip: string | null = NIP, now = RECEIVED): AcknowledgeReceipt => ({
  type: 'AcknowledgeReceipt',
  ...base(actorNip, 'PUBLISHED', now),
  data: {},
});
const publishedResult = () => [...approved(), published()];

describe('acknowledge receipt of the result', () => {
  it('given a published result, when the employee acknowledges, then ResultReceived with a 14-day window on the WIT calendar', () => {
    spec
      .given(publishedResult())
      .when(acknowledge())
      .then([
        {
          type: 'ResultReceived.v1',
          data: {
            receivedAt: RECEIVED,
            objectionDeadline: {
              startDay: '2027-01-04',
              lastDay: '2027-01-18',
              closesAt: '2027-01-18T15:00:00.000Z',
              timeZone: 'Asia/Jayapura',
              counting: 'CALENDAR',
            },
          },
        },
      ]);
  });

  it('given a receipt just after local midnight, then day 0 is the local date, not the UTC one', () => {
    const [event] = acknowledgeReceiptDecider.decide(
      acknowledge(NIP, '2027-01-04T15:30:00.000Z'),
      publishedResult().reduce(acknowledgeReceiptDecider.evolve, acknowledgeReceiptDecider.initialState()),
    );
    expect(event.type === 'ResultReceived.v1' && event.data.objectionDeadline.startDay).toBe('2027-01-05');
  });

  it('given a pinned policy counting working days, when acknowledged on a Friday, then weekends are skipped', () => {
    const policy = {
      ...DEFAULT_POLICY,
      objection: { ...DEFAULT_POLICY.objection, windowCounting: 'WORKING' as const },
    };
    const history = [
      { type: 'AppraisalStarted.v1' as const, data: startedData({ policy }) },
      ...publishedResult().slice(1),
    ];
    const [event] = acknowledgeReceiptDecider.decide(
      acknowledge(NIP, '2027-01-01T03:00:00.000Z'),
      history.reduce(acknowledgeReceiptDecider.evolve, acknowledgeReceiptDecider.initialState()),
    );
    expect(event.type === 'ResultReceived.v1' && event.data.objectionDeadline.lastDay).toBe('2027-01-21');
  });

  it('given a published result, when the rater acknowledges, then NOT_ASSIGNED', () => {
    spec.given(publishedResult()).when(acknowledge(RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an approved but unpublished result, when acknowledged, then RESULT_NOT_PUBLISHED', () => {
    spec.given(approved()).when(acknowledge()).thenThrows('RESULT_NOT_PUBLISHED', 'conflict');
  });

  it('given a receipt already acknowledged, when acknowledged again, then RECEIPT_ALREADY_ACKNOWLEDGED', () => {
    const received = acknowledgeReceiptDecider.decide(
      acknowledge(),
      publishedResult().reduce(acknowledgeReceiptDecider.evolve, acknowledgeReceiptDecider.initialState()),
    );
    spec
      .given([...publishedResult(), ...received])
      .when(acknowledge())
      .thenThrows('RECEIPT_ALREADY_ACKNOWLEDGED', 'conflict');
  });
});
