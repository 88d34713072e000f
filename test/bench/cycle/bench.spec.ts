// Proves the cycle benchmark works end to end in a tiny mode: the agency loaded, the API listening, the three
// measures over real HTTP, the table. It asserts counts and the table's shape, never a speed.
import { describe, expect, it } from '@jest/globals';
import { BenchUsageError, parseCycleBenchArgs } from './options.js';
import { formatReport, HEADER } from './report.js';
import { runCycleBench } from './run-cycle-bench.js';

describe('npm run bench:cycle', () => {
  it('opens a cycle for a whole small agency, rushes self-assessments and ratings, pages the listing; prints one table', async () => {
    const progress: string[] = [];
    const result = await runCycleBench({
      ...parseCycleBenchArgs(['--employees', '60', '--clients', '2', '--repeat', '1', '--reads', '30']),
      adminUrl: process.env.TEST_PG_ADMIN_URL,
      log: (line) => progress.push(line),
    });

    expect(result).toMatchObject({ employees: 60, units: 3, clients: 2, repeat: 1 });
    expect(result.open?.runs).toHaveLength(1);
    expect(result.open?.median.appraisals).toBe(60);
    // Everyone but the head of the agency has a rater: 59 appraisals, a self-assessment and a rating each.
    expect(result.rush?.median).toMatchObject({ requests: 118, errors: 0 });
    expect(result.read?.median).toMatchObject({ requests: 30, errors: 0 });
    for (const run of [result.rush?.median, result.read?.median]) {
      expect(run?.latency.all.p99Ms).toBeGreaterThanOrEqual(run?.latency.all.p50Ms ?? Number.NaN);
    }
    expect(progress).toContainEqual(expect.stringMatching(/^\(b\) rush 1\/1: 59 appraisals x 2 requests, 2 clients$/));

    const table = formatReport(result).split('\n');
    expect(table[0]).toMatch(
      /^Cycle benchmark \d{4}-\d{2}-\d{2}: 60 employees in 3 units, 2 clients, median of 1 run; PostgreSQL \d+/,
    );
    expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${HEADER.join('\\s+')}$`)));
    const positive = '[1-9][\\d,]*(\\.\\d+)?|0\\.\\d*[1-9]\\d*';
    const row = (label: string, count: string, latency: boolean) =>
      new RegExp(
        `^${label.replace(/[()]/g, '\\$&')}\\s+${count}\\s+(${positive})\\s+(${positive})\\s+` +
          (latency ? `(${positive})\\s+(${positive})` : '-\\s+-') +
          '\\s+0$',
      );
    expect(table).toContainEqual(expect.stringMatching(row('(a) open cycle, whole agency: appraisals', '60', false)));
    expect(table).toContainEqual(expect.stringMatching(row('(b) year-end rush: all requests', '118', true)));
    expect(table).toContainEqual(expect.stringMatching(row('(c) GET appraisal list, 50 a page', '30', true)));
    for (const kind of ['POST self-assessment', 'POST supervisor rating']) {
      expect(table).toContainEqual(
        expect.stringMatching(new RegExp(`^\\s+${kind}\\s+(${positive})\\s+(${positive})$`)),
      );
    }
  }, 60_000);

  it('parses its flags, with the defaults the brief asks for', () => {
    expect(parseCycleBenchArgs([])).toEqual({
      employees: 10_000,
      clients: 16,
      repeat: 3,
      reads: 2000,
      measures: ['open', 'rush', 'read'],
    });
    expect(parseCycleBenchArgs(['--employees', '500', '--clients', '4', '--only', 'read,open'])).toMatchObject({
      employees: 500,
      clients: 4,
      measures: ['open', 'read'],
    });
    expect(() => parseCycleBenchArgs(['--employees', '0'])).toThrow(BenchUsageError);
    expect(() => parseCycleBenchArgs(['--employees', '2'])).toThrow(BenchUsageError);
    expect(() => parseCycleBenchArgs(['--only', 'write'])).toThrow(BenchUsageError);
    expect(() => parseCycleBenchArgs(['--clients'])).toThrow(BenchUsageError);
    expect(() => parseCycleBenchArgs(['--fast'])).toThrow(BenchUsageError);
  });
});
