import { describe, expect, it } from '@jest/globals';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import type { Viewer } from '../appraisal-view/viewer.js';
import { filed, publishedAndReceived, statementGiven, statementRequested, upheld } from './objection-fixtures.js';
import { viewObjections } from './objection-view.js';

const BEFORE_DECISION = '2027-01-13T02:00:00.000Z';
const decided = upheld();
const heard = [
  ...publishedAndReceived(),
  filed(),
  statementRequested('RATER'),
  statementRequested('EMPLOYEE'),
  statementGiven('RATER'),
  statementGiven('EMPLOYEE'),
];
/** Which statements' texts each viewer sees: [RATER's, EMPLOYEE's]. */
const texts = (events: AppraisalEvent[], viewer: Viewer) =>
  viewObjections(events, viewer, BEFORE_DECISION)[0].statements.map((s) => (s.withheld ? 'withheld' : s.statement));

describe('who sees what of an objection', () => {
  it.each([
    ['EMPLOYEE', ['withheld', 'Bukti tambahan terlampir']],
    ['RATER', ['Penilaian sesuai bukti yang ada', 'withheld']],
    ['RATER_SUPERVISOR', ['Penilaian sesuai bukti yang ada', 'Bukti tambahan terlampir']],
    ['HR', ['withheld', 'withheld']],
    ['AUDITOR', ['Penilaian sesuai bukti yang ada', 'Bukti tambahan terlampir']],
  ] as const)('before the decision, %s sees statements %j', (viewer, expected) => {
    expect(texts(heard, viewer)).toEqual(expected);
  });

  it("after the decision, the employee also sees the rater's statement; the rater still not the employee's", () => {
    expect(texts([...heard, decided], 'EMPLOYEE')).toEqual([
      'Penilaian sesuai bukti yang ada',
      'Bukti tambahan terlampir',
    ]);
    expect(texts([...heard, decided], 'RATER')).toEqual(['Penilaian sesuai bukti yang ada', 'withheld']);
  });

  it('shows the state, the decision, lapsed requests and overdue objections', () => {
    const open = [...publishedAndReceived(), filed(), statementRequested('RATER')];
    const [early] = viewObjections(open, 'HR', BEFORE_DECISION);
    expect(early).toMatchObject({ status: 'OPEN', overdue: false, statements: [{ party: 'RATER', lapsed: false }] });
    // Filed 2027-01-08 WIT: due by the end of 2027-01-22; the request of 2027-01-11 lapsed after 2027-01-18.
    const [late] = viewObjections(open, 'HR', '2027-01-22T15:00:00.000Z');
    expect(late).toMatchObject({ status: 'OPEN', overdue: true, statements: [{ party: 'RATER', lapsed: true }] });
    const [done] = viewObjections([...heard, decided], 'EMPLOYEE', '2027-03-01T00:00:00.000Z');
    expect(done).toMatchObject({
      status: 'DECIDED',
      overdue: false,
      decision: { outcome: 'UPHELD', reasons: 'Penilaian didukung bukti' },
    });
  });
});
