// Proves the store benchmark works end to end in a tiny mode: child processes, fresh databases, the
// table. It asserts the report's structure, never a speed.
import { describe, expect, it } from '@jest/globals';
import { runBench, type BenchReport } from './harness.js';
import { BenchUsageError, parseBenchArgs } from './options.js';
import { formatReport } from './report.js';
import { SHAPES, shapeKey, shapeLabel } from './workload.js';

describe('npm run bench:store', () => {
  it('runs our adapter and the ceiling in child processes and prints one table with the goal ratios', async () => {
    const progress: string[] = [];
    const report: BenchReport = await runBench({
      contenders: ['ours', 'ceiling'],
      shapes: [...SHAPES],
      events: 200,
      singleWriterEvents: 40,
      repeat: 1,
      adminUrl: process.env.TEST_PG_ADMIN_URL,
      log: (line) => progress.push(line),
    });

    expect(report.summaries.map((s) => `${s.contender} ${shapeKey(s.shape)}`)).toEqual([
      'ours 1x1',
      'ours 10x1',
      'ours 1x16',
      'ours 10x16',
      'ceiling 1x1',
      'ceiling 10x1',
      'ceiling 1x16',
      'ceiling 10x16',
    ]);
    for (const s of report.summaries) {
      expect(s.runs).toHaveLength(1);
      expect(s.runs[0].events).toBe(s.shape.writers === 1 ? 40 : 200);
      expect(s.runs[0].appends).toBe(s.runs[0].events / s.shape.eventsPerAppend);
      for (const figure of [s.eventsPerSecond, s.p50Ms, s.p99Ms]) expect(Number.isFinite(figure)).toBe(true);
      expect(s.p99Ms).toBeGreaterThanOrEqual(s.p50Ms);
    }
    expect(report.server).toMatch(/^PostgreSQL \d+/);
    expect(progress.some((line) => line.startsWith('repetition 1/1: ours'))).toBe(true);

    const table = formatReport(report).split('\n');
    expect(table[0]).toContain('median of 1 run');
    expect(table).toContainEqual(expect.stringMatching(/^shape\s+contender\s+events\/s\s+p50 ms\s+p99 ms$/));
    for (const shape of SHAPES) {
      for (const label of ['ours: PostgreSQL adapter', 'ceiling: plain INSERT']) {
        expect(table.some((line) => line.startsWith(shapeLabel(shape)) && line.includes(label))).toBe(true);
      }
    }
    expect(table).toContainEqual(expect.stringMatching(/^goal \(events\/s\)\s+ours\s+ceiling\s+ours\/ceiling/));
    for (const label of ['1 event x 16 writers', '10 events x 16 writers']) {
      expect(table).toContainEqual(
        expect.stringMatching(new RegExp(`^${label}\\s+[\\d,]+\\s+[\\d,]+\\s+\\d+% (met|MISSED)$`)),
      );
    }
  }, 180_000);

  it('parses its flags, with sane defaults', () => {
    expect(parseBenchArgs([])).toMatchObject({
      events: 20000,
      singleWriterEvents: 2000,
      repeat: 3,
      contenders: ['ours', 'emmett', 'ceiling', 'group'],
    });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ events: 4000, repeat: 1 });
    expect(parseBenchArgs(['--quick', '--repeat', '2', '--only', 'ours,emmett'])).toMatchObject({
      events: 4000,
      repeat: 2,
      contenders: ['ours', 'emmett'],
    });
    expect(() => parseBenchArgs(['--events', '0'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--only', 'marten'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
  });
});
