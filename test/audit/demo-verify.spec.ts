// The real product's events (the demo agency, framework and cycle written by `seed-demo` through the
// application's command handlers) seal and verify clean, and a cycle can be verified on its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '../../libs/audit/src/verify/findings.js';
import { cli } from './tamper-support.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const DEMO_CYCLE = 'skp-2026-disdik-manokwari';
let db: TestDatabase;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('audit_demo');
  dir = await mkdtemp(join(tmpdir(), 'kinerja-audit-demo-'));
  env = {
    DATABASE_URL: db.url,
    AUTH_DEV_KEY_FILE: join(dir, 'dev-key.json'),
    AUDIT_SIGNING_KEY_FILE: join(dir, 'audit-key.pem'),
    AUTH_JWKS_URL: '',
    AUTH_ISSUER: '',
    AUTH_AUDIENCE: '',
  };
  const seeded = await cli(['seed-demo'], env);
  if (seeded.code !== 0) throw new Error(`seed-demo failed (${seeded.code}): ${seeded.stderr}`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.drop();
});

describe('the demo data', () => {
  it('seals, then verifies clean as a whole and per cycle', async () => {
    const seal = await cli(['seal'], env);
    expect(seal.code).toBe(0);
    expect(seal.stdout).toMatch(/^seal #0: \d+ events/);

    const all = await cli(['verify', '--all', '--json'], env);
    const report = JSON.parse(all.stdout) as VerificationReport;
    expect(report.findings).toEqual([]);
    expect(all.code).toBe(0);
    expect(report.summary).toMatchObject({ seals: 1, unsealedEvents: 0, signaturesChecked: true });
    expect(report.summary.eventsChecked).toBeGreaterThan(50);

    const cycle = JSON.parse(
      (await cli(['verify', '--cycle', DEMO_CYCLE, '--json'], env)).stdout,
    ) as VerificationReport;
    expect(cycle.ok).toBe(true);
    expect(cycle.summary.streamsChecked).toBeGreaterThan(2);
    expect(cycle.summary.eventsChecked).toBeLessThan(report.summary.eventsChecked);
  });
});
