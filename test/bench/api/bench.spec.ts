// Proves the API benchmark works end to end in a tiny mode: the API started as a process of its own, the peer
// and the ceiling servers, load generators in processes of their own, the lag probe, the rebuild, the table.
// It asserts that every figure exists and that no request failed, never a speed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { BenchUsageError, DEFAULTS, parseApiBenchArgs } from './options.js';
import { CONTENDER_HEADER, formatReport, LAG_HEADER, TARGET_HEADER } from './report.js';
import { runApiBench } from './run-api-bench.js';
import { HR_LIST, OWN_VIEW, RATING, SELF_ASSESSMENT } from './workload.js';

describe('npm run bench:api', () => {
  it('measures ours, the Emmett peer and the ceiling on one small agency, then lag, reads, rebuild; prints the table', async () => {
    const progress: string[] = [];
    const result = await runApiBench({
      ...parseApiBenchArgs(['--employees', '100', '--clients', '4', '--duration', '1', '--repeat', '1']),
      lagDuration: 2,
      readRate: 20,
      adminUrl: process.env.TEST_PG_ADMIN_URL,
      log: (line) => progress.push(line),
    });

    expect(result).toMatchObject({ employees: 100, units: 5, rateable: 99 });
    expect(result.contenders.map((c) => c.name)).toEqual(['ours', 'peer', 'ceiling']);
    for (const { runs, median } of result.contenders) {
      expect(runs).toHaveLength(1);
      expect(runs[0].statuses).toEqual({ '201': runs[0].requests });
      expect(runs[0].latency[SELF_ASSESSMENT].count).toBeGreaterThan(0);
      expect(runs[0].latency[RATING].count).toBeGreaterThan(0);
      expect(median.errors).toBe(0);
      for (const figure of [median.perSecond, median.p50Ms, median.p95Ms, median.p99Ms]) {
        expect(figure).toBeGreaterThan(0);
      }
      expect(median.p99Ms).toBeGreaterThanOrEqual(median.p50Ms);
    }
    const { lag } = result;
    expect(lag.commands.errors).toBe(0);
    expect(lag.commands.requests).toBeGreaterThan(0);
    expect(lag.lag.samples).toBeGreaterThan(0);
    expect(lag.lag.p99Ms).toBeGreaterThanOrEqual(lag.lag.p50Ms);
    expect(lag.reads.errors).toBe(0);
    expect(lag.reads.latency[HR_LIST].count).toBeGreaterThan(0);
    expect(lag.reads.latency[OWN_VIEW].count).toBeGreaterThan(0);
    expect(result.rebuild.events).toBeGreaterThan(0);
    expect(result.rebuild.perSecond).toBeGreaterThan(0);
    expect(result.apiPeakRssMiB).toBeGreaterThan(0);
    expect(progress).toContainEqual(expect.stringMatching(/^API listening on http:\/\/127\.0\.0\.1:\d+ \(pid \d+/));

    const table = formatReport(result).split('\n');
    expect(table[0]).toMatch(/^API benchmark \d{4}-\d{2}-\d{2}: 100 employees in 5 units; PostgreSQL \d+/);
    for (const header of [CONTENDER_HEADER, LAG_HEADER, TARGET_HEADER.slice(0, 3)]) {
      expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${header.join('\\s+')}$`)));
    }
    for (const label of ['ours: the API', 'peer: Emmett CommandHandler', 'ceiling: JWT \\+ one INSERT']) {
      expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${label}.*\\s0$`)));
    }
    for (const target of [
      'ours: commands/s',
      'ours / peer',
      'ours / ceiling',
      'projection lag p99',
      'read p99: HR list page',
      'read p99: own appraisal',
      'full rebuild events/s',
    ]) {
      // prettier-ignore
      expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${target}.*\\s(met|MISSED)$`)));
    }
  }, 120_000);

  it('parses its flags: defaults, --quick, and a clear refusal of bad ones', () => {
    expect(parseApiBenchArgs([])).toEqual(DEFAULTS);
    expect(DEFAULTS).toMatchObject({ employees: 20_000, clients: 32, duration: 15, repeat: 3 });
    expect(parseApiBenchArgs(['--quick'])).toMatchObject({ employees: 2000, repeat: 1 });
    expect(parseApiBenchArgs(['--quick', '--employees', '500', '--clients', '8'])).toMatchObject({
      employees: 500,
      clients: 8,
      repeat: 1,
    });
    for (const bad of [['--employees', '0'], ['--employees', '10'], ['--duration', '1.5'], ['--clients'], ['--fast']]) {
      expect(() => parseApiBenchArgs(bad)).toThrow(BenchUsageError);
    }
  });

  it('exits 2 with the usage on a bad flag, before starting anything', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'test/bench/api/main.ts', '--repeat', 'x'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--repeat must be a positive integer, got "x"');
    expect(run.stderr).toContain('usage: npm run bench:api');
    expect(run.stdout).toBe('');
  });
});
