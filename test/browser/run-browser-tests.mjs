// `npm run test:browser`: builds the console, then runs test/browser/*.browser.ts (Jest, real API on embedded
// PostgreSQL, Debian chromium driven by playwright-core). Bounded: the whole run is killed after
// BROWSER_TESTS_TIMEOUT_MS (default 5 minutes) and exits non-zero, as it does on any failure.
// SKIP_BROWSER_TESTS=1 skips it (e.g. when `npm test -- <path>` runs one file and posttest would follow).
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

if (process.env.SKIP_BROWSER_TESTS === '1') {
  console.log('test:browser: skipped (SKIP_BROWSER_TESTS=1)');
  process.exit(0);
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const timeoutMs = Number(process.env.BROWSER_TESTS_TIMEOUT_MS ?? 300_000);
const deadline = Date.now() + timeoutMs;

function run(command, args) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout stops jest and the browser and PostgreSQL it started.
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true });
    const timer = setTimeout(
      () => {
        console.error(`test:browser: over ${timeoutMs} ms, stopping (BROWSER_TESTS_TIMEOUT_MS)`);
        try {
          process.kill(-child.pid, 'SIGTERM');
          setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000).unref();
        } catch {
          // already gone
        }
        resolve(124);
      },
      Math.max(0, deadline - Date.now()),
    );
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const node = process.execPath;
let code = await run(node, [
  'node_modules/vite/bin/vite.js',
  'build',
  '--config',
  'apps/console/vite.config.ts',
  '--logLevel',
  'warn',
]);
if (code === 0) {
  code = await run(node, [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--runInBand',
    '--config',
    'test/browser/jest.config.mjs',
    ...process.argv.slice(2),
  ]);
}
process.exit(code);
