// Command-line flags of `npm run bench:cycle`.

export const MEASURES = ['open', 'rush', 'read'] as const;
export type Measure = (typeof MEASURES)[number];

export interface CycleBenchArgs {
  /** Employees in the generated agency (one appraisal each). */
  employees: number;
  /** Concurrent HTTP clients in the rush and the read measures. */
  clients: number;
  /** Repetitions of each measure; figures are medians. */
  repeat: number;
  /** GET requests per read repetition. */
  reads: number;
  measures: Measure[];
}

export const USAGE = `usage: npm run bench:cycle -- [--employees N] [--clients C] [--repeat R] [--reads Q] [--only open,rush,read]
  --employees N  employees of the generated agency, each with an appraisal (default 10000)
  --clients C    concurrent HTTP clients in the rush and the reads (default 16)
  --repeat R     repetitions of each measure, figures are medians (default 3): R cycles are opened, the rush
                 works through R disjoint slices of the first cycle's appraisals
  --reads Q      GET requests per read repetition (default 2000)
  --only LIST    measures to run (default: open,rush,read; rush and read need one opened cycle, always opened)
  env BENCH_PG_ADMIN_URL or DATABASE_URL: a PostgreSQL server to create the fresh database in (default: embedded)`;

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export function parseCycleBenchArgs(args: string[]): CycleBenchArgs {
  const parsed: CycleBenchArgs = { employees: 10_000, clients: 16, repeat: 3, reads: 2000, measures: [...MEASURES] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new BenchUsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--employees') parsed.employees = positiveInteger(arg, value());
    else if (arg === '--clients') parsed.clients = positiveInteger(arg, value());
    else if (arg === '--repeat') parsed.repeat = positiveInteger(arg, value());
    else if (arg === '--reads') parsed.reads = positiveInteger(arg, value());
    else if (arg === '--only') {
      const names = value().split(',').filter(Boolean);
      const unknown = names.filter((n) => !(MEASURES as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) {
        throw new BenchUsageError(`unknown measure: ${unknown.join(', ') || '(none)'}`);
      }
      parsed.measures = MEASURES.filter((m) => names.includes(m));
    } else throw new BenchUsageError(`unknown argument: ${arg}`);
  }
  // The generated agency has a head for each unit (~1 per 20 employees): fewer than 3 people leaves units empty.
  if (parsed.employees < 3) throw new BenchUsageError('--employees must be at least 3');
  return parsed;
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) throw new BenchUsageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}
