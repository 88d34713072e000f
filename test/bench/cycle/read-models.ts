// Waiting for the projections: the API reads people in scope, reporting lines and appraisal listings from read
// models that follow the events asynchronously, so each measure starts only once they have caught up. Counted
// in the active generation's tables (exact), not from the runners' lag gauges.
import type pg from 'pg';
import { findActiveSchema } from '../../../libs/projections/src/projection.js';
import { APPRAISALS } from '../../../libs/read-models/src/appraisals/appraisals.projection.js';
import { EMPLOYEE_DIRECTORY } from '../../../libs/read-models/src/employee-directory/employee-directory.projection.js';
import { REPORTING_LINES } from '../../../libs/read-models/src/organization/reporting-lines.projection.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';

const POLL_MS = 100;
const TIMEOUT_MS = 10 * 60_000;

export class ReadModelProbe {
  constructor(
    private readonly infrastructure: Infrastructure,
    private readonly log: (line: string) => void,
  ) {}

  /** Every employee listed in the directory and given a line; all but the root head with a rater. */
  async organization(agencyId: string, employees: number): Promise<void> {
    await this.until(`read models: ${employees} employees with reporting lines`, async () => {
      const listed = await this.count(EMPLOYEE_DIRECTORY, 'employees', 'agency_id = $1', [agencyId]);
      const rated = await this.count(REPORTING_LINES, 'lines', 'agency_id = $1 AND rater_nip IS NOT NULL', [agencyId]);
      return listed === employees && rated === employees - 1;
    });
  }

  /** `expected` appraisals of the cycle listed, with that plan status or rating status when given. */
  async appraisals(
    cycleId: string,
    expected: number,
    having: { planStatus?: 'APPROVED'; ratingStatus?: 'SUBMITTED' } = {},
  ): Promise<void> {
    const conditions = ['cycle_id = $1'];
    const params: unknown[] = [cycleId];
    for (const [column, value] of [
      ['plan_status', having.planStatus],
      ['rating_status', having.ratingStatus],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
    const what = Object.values(having).join(', ');
    await this.until(`read model: ${expected} appraisals of ${cycleId}${what ? ` ${what}` : ''}`, async () => {
      return (await this.count(APPRAISALS, 'appraisals', conditions.join(' AND '), params)) === expected;
    });
  }

  private async count(projection: string, table: string, where: string, params: unknown[]): Promise<number> {
    const schema = await findActiveSchema(this.infrastructure.readDb, projection);
    if (schema === undefined) return -1;
    const pool: pg.Pool = this.infrastructure.pool;
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE ${where}`,
      params,
    );
    return rows[0].n;
  }

  private async until(label: string, ready: () => Promise<boolean>): Promise<void> {
    const started = Date.now();
    while (!(await ready())) {
      if (Date.now() - started > TIMEOUT_MS) throw new Error(`${label}: not reached in ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    this.log(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
