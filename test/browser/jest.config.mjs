// The console's browser tests (`npm run test:browser`): the main Jest setup (swc, embedded PostgreSQL per run)
// but only test/browser/*.browser.ts, which the main config's testMatch never picks up. Bounded: each test and
// hook has a timeout, and the whole run is killed by run-browser-tests.mjs after BROWSER_TESTS_TIMEOUT_MS.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).jest;

export default {
  ...Object.fromEntries(Object.entries(base).filter(([key]) => key !== '//')),
  rootDir: '../..',
  testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
  testTimeout: 120_000,
};
