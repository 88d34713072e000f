// The console in a real browser (README "Console"): Debian chromium driven by playwright-core, against the real
// API on the run's embedded PostgreSQL with the demo seed walked to a published result (console-fixture.ts).
// Screenshots go to test-artifacts/console/. Run by `npm run test:browser` (run-browser-tests.mjs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tamper } from '../audit/tamper-support.js';
import { CYCLE, startConsoleFixture, type ConsoleFixture } from './console-fixture.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the console in chromium', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  let guruNip: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    f = await startConsoleFixture();
    guruNip = f.nip('guru');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      timeout: 60_000,
    });
  }, 180_000);
  afterEach(() => {
    // No script error in any page a test opened.
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  /** A fresh tab at 1280 px, signed in through the dev picker as one of the demo users. */
  async function signedIn(userId: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    // A script error in the page fails the test that meets it, with the error's text.
    page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
    page.on('console', (message) => {
      // Refusals the tests provoke (403) are logged by the browser as failed loads: not script errors.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(`${userId}: console: ${message.text()}`);
      }
    });
    await page.goto(`${f.baseUrl}/console/`);
    await page
      .getByTestId('demo-user')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: Error) => {
        await page.screenshot({ path: join(ARTIFACTS, `sign-in-${userId}-failed.png`) });
        throw new Error(`${error.message}\npage errors: ${pageErrors.join('\n') || 'none'}`);
      });
    await page.getByTestId('demo-user').selectOption(userId);
    await page.getByTestId('dev-sign-in').click();
    await page.getByTestId('who').waitFor();
    return page;
  }

  const replayUrl = (nip: string, query = '') => `${f.baseUrl}/console/#/audit/${CYCLE}/${nip}${query}`;

  it('as auditor: finds the teacher, opens the replay, sees every event and "terverifikasi"', async () => {
    const page = await signedIn('auditor');
    await page.getByTestId('finder-q').fill(guruNip);
    await page.getByTestId('finder-search').click();
    await page.getByTestId('finder-results').getByRole('link').first().click();
    await expect(page.getByTestId('integrity-status').textContent()).resolves.toContain('terverifikasi');
    await expect(page.getByTestId('integrity').textContent()).resolves.toMatch(
      /0 belum tersegel\.Segel #\d+ mencakup revisi 0/,
    );
    const steps = page.getByTestId('replay-steps').locator(':scope > li');
    await expect(steps.count()).resolves.toBe(8);
    const texts = await steps.allTextContents();
    expect(texts[4]).toContain('SupervisorRatingSubmitted');
    expect(texts[4]).toContain('RATER');
    expect(texts[7]).toContain('ObjectionFiled');
    expect(texts[7]).toContain('Laporan kegiatan 2026'); // the objection's evidence link
    await page.screenshot({ path: join(ARTIFACTS, 'auditor-replay.png'), fullPage: true });
    // The README's picture (docs/console-replay.png is a copy of this one): what a laptop screen shows.
    await page.screenshot({ path: join(ARTIFACTS, 'console-replay.png') });

    // The evidence pack downloads as one JSON file holding the appraisal's events.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-pack').click()]);
    expect(download.suggestedFilename()).toBe(`evidence-pack-${CYCLE}-${guruNip}.json`);
    const pack = JSON.parse(await readFile((await download.path())!, 'utf8')) as { events: unknown[] };
    expect(pack.events).toHaveLength(8);

    // The English switch.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('integrity-status').textContent()).resolves.toBe('✔ verified');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByTestId('integrity-status').textContent()).resolves.toBe('✔ terverifikasi');

    // As of the instant of the rating: the steps up to it, and the state then.
    const ratedAt = await steps.nth(4).locator('time').getAttribute('datetime');
    await page.goto(replayUrl(guruNip, `?asOf=${encodeURIComponent(ratedAt!)}`));
    await page.getByTestId('integrity-status').waitFor();
    await expect(page.getByTestId('replay-steps').locator(':scope > li').count()).resolves.toBeLessThan(8);
    await expect(page.getByTestId('timeline').textContent()).resolves.not.toContain('ObjectionFiled');
    await page.close();
  });

  it('as HR: the cycle shows the distribution chart against the curve and the audit flags', async () => {
    const page = await signedIn('hr');
    await page.goto(`${f.baseUrl}/console/#/cycle/${CYCLE}`);
    await expect(page.getByTestId('cycle-phase').textContent()).resolves.toBe('PUBLISHED');
    const chart = page.getByTestId('distribution-chart');
    await chart.locator('svg').first().waitFor();
    await expect(chart.locator('svg path').count()).resolves.toBeGreaterThan(5);
    // Everyone BAIK breaks the pinned curve: the override is flagged.
    const flags = page.getByTestId('audit-flags');
    await expect(flags.locator('li').first().textContent()).resolves.toMatch(/⚑ .*melanggar kurva/);
    await page.getByTestId('rater-effects-chart').locator('svg').first().waitFor();
    await expect(page.getByTestId('objection-queue').textContent()).resolves.toContain(guruNip);
    await page.getByTestId('group-dimension').selectOption('golongan');
    // Groups under the anonymity minimum are shown as suppressed, never with their numbers.
    await page.getByTestId('group-gaps').getByText('disembunyikan').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'hr-cycle.png'), fullPage: true });
    await page.close();
  });

  it("as an employee: sees their own appraisal; another one's URL is refused in the page", async () => {
    const page = await signedIn('guru');
    await expect(page.getByTestId('own-appraisal').textContent()).resolves.toContain(guruNip);
    await expect(page.getByTestId('own-appraisal').textContent()).resolves.toContain('BAIK');
    await expect(page.getByTestId('objection-deadline').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Their standing in the unit, in aggregates (GET …/my-standing).
    await expect(page.getByTestId('my-standing').textContent()).resolves.toContain('Predikat Anda BAIK');
    await page.screenshot({ path: join(ARTIFACTS, 'employee-own.png'), fullPage: true });

    await page.goto(`${f.baseUrl}/console/#/appraisal/${CYCLE}/${f.nip('kepala-sekolah')}`);
    const error = page.getByTestId('error');
    await expect(error.textContent()).resolves.toContain('Anda hanya dapat melihat penilaian Anda sendiri');
    await expect(page.getByTestId('own-appraisal').count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'employee-refused.png'), fullPage: true });
    // And the auditor's replay is not for employees either.
    await page.goto(replayUrl(guruNip));
    await expect(page.getByTestId('timeline').getByTestId('error').textContent()).resolves.toContain('403');
    await page.close();
  });

  it('names the tampered event after its data is changed in the database', async () => {
    const superuser = new pg.Pool({ connectionString: f.h.db.url, max: 1 });
    try {
      await tamper(
        superuser,
        `UPDATE event_store.events SET data = jsonb_set(data, '{hasilKerja}', '"DI_ATAS_EKSPEKTASI"') ` +
          `WHERE stream_name = $1 AND stream_revision = 4`,
        [`appraisal-${CYCLE}-${guruNip}`],
      );
    } finally {
      await superuser.end();
    }
    const page = await signedIn('auditor');
    await page.goto(replayUrl(guruNip));
    await expect(page.getByTestId('integrity-status').textContent()).resolves.toContain('TIDAK terverifikasi');
    await expect(page.getByTestId('integrity-findings').textContent()).resolves.toMatch(/diubah pada revisi 4/);
    const step = page.getByTestId('step-4');
    await expect(step.getAttribute('class')).resolves.toContain('altered');
    await expect(step.textContent()).resolves.toContain('tidak lolos verifikasi');
    await page.screenshot({ path: join(ARTIFACTS, 'auditor-tampered.png'), fullPage: true });
    await page.close();
  });
});
