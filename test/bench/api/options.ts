// Command-line flags of `npm run bench:api`.
import { BenchUsageError } from '../cycle/options.js';

export { BenchUsageError };

export interface ApiBenchArgs {
  /** Employees in the generated agency (one appraisal each). */
  employees: number;
  /** Concurrent clients of the closed-loop command runs. */
  clients: number;
  /** Seconds per measured command run. */
  duration: number;
  /** Runs per contender; figures are medians. */
  repeat: number;
  /** Commands per second asked of ours in the lag measure (capped at what ours sustained). */
  lagRate: number;
  /** Seconds of the lag measure. */
  lagDuration: number;
  /** Read requests per second during the lag measure (half HR list pages, half own views). */
  readRate: number;
}

export const DEFAULTS: ApiBenchArgs = {
  employees: 20_000,
  clients: 32,
  duration: 15,
  repeat: 3,
  lagRate: 1000,
  lagDuration: 10,
  readRate: 50,
};

/** --quick: a smoke run of a small agency; flags given after it still win. */
export const QUICK: Partial<ApiBenchArgs> = { employees: 2000, duration: 3, repeat: 1, lagDuration: 3 };

export const USAGE = `usage: npm run bench:api -- [--employees N] [--clients C] [--duration S] [--repeat R] [--lag-rate Q]
                          [--lag-duration S] [--read-rate Q] [--quick]
  --employees N     employees of the generated agency, each with an appraisal (default 20000)
  --clients C       concurrent clients of the command runs (default 32)
  --duration S      seconds per command run (default 15)
  --repeat R        runs per contender, interleaved; figures are medians (default 3)
  --lag-rate Q      commands/s asked of ours while projection lag and reads are measured (default 1000;
                    capped at half of what ours sustained in its runs)
  --lag-duration S  seconds of that measure (default 10)
  --read-rate Q     read requests/s during it, half HR list pages, half own views (default 50)
  --quick           a smoke run: 2000 employees, 3 s runs, 1 repetition (flags after it still apply)
  env BENCH_PG_ADMIN_URL: a PostgreSQL server to create the databases in (default: an embedded one)
  env BENCH_API_NODE_OPTIONS: Node flags for the measured API process only, e.g. "--cpu-prof --cpu-prof-dir=prof"`;

export function parseApiBenchArgs(args: string[]): ApiBenchArgs {
  const parsed: ApiBenchArgs = { ...DEFAULTS };
  const flags: Record<string, keyof ApiBenchArgs> = {
    '--employees': 'employees',
    '--clients': 'clients',
    '--duration': 'duration',
    '--repeat': 'repeat',
    '--lag-rate': 'lagRate',
    '--lag-duration': 'lagDuration',
    '--read-rate': 'readRate',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') {
      Object.assign(parsed, QUICK);
      continue;
    }
    const key = flags[arg];
    if (key === undefined) throw new BenchUsageError(`unknown argument: ${arg}`);
    const value = args[++i];
    if (value === undefined) throw new BenchUsageError(`${arg} needs a value`);
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      throw new BenchUsageError(`${arg} must be a positive integer, got "${value}"`);
    }
    parsed[key] = Number(value);
  }
  // The generated agency has a head per unit (~1 per 20 employees); a warm-up slice and R+1 run slices need people.
  if (parsed.employees < 50) throw new BenchUsageError('--employees must be at least 50');
  return parsed;
}
