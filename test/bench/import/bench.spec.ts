// Proves the import benchmark works end to end in a tiny mode. It asserts counts, never a speed.
import { describe, expect, it } from '@jest/globals';
import { generateBenchFiles } from './generate.js';
import { runImportBench } from './run-import-bench.js';

describe('import benchmark', () => {
  it('generates a file whose every row is valid, imports it, and a re-run adds no event', async () => {
    const result = await runImportBench({ rows: 300, concurrency: 16, adminUrl: process.env.TEST_PG_ADMIN_URL });
    expect(result.first.report).toMatchObject({ rows: 300, imported: 300, failed: 0, errors: 0 });
    expect(result.first.newEvents).toBe(300 + result.units); // registrations + one head per unit
    expect(result.rerun.report).toMatchObject({ imported: 0, unchanged: 300, failed: 0 });
    expect(result.rerun.newEvents).toBe(0);
    expect(result.first.rowsPerSecond).toBeGreaterThan(0);
  });

  it('generates the same file for the same size', () => {
    expect(generateBenchFiles(50).employeesCsv).toBe(generateBenchFiles(50).employeesCsv);
  });
});
