// Command-line flags of `npm run bench:store`.
import { CONTENDER_NAMES } from './contenders/index.js';
import type { BenchOptions } from './harness.js';
import { SHAPES } from './workload.js';

export const USAGE = `usage: npm run bench:store -- [--events N] [--repeat R] [--quick] [--only ours,emmett,ceiling,group]
  --events N   events per run for the 16-writer shapes (default 20000; single-writer shapes run N/10)
  --repeat R   repetitions per contender; figures are medians (default 3)
  --quick      --events 4000 --repeat 1, for a smoke run
  --only LIST  contenders to run (default: all: ${CONTENDER_NAMES.join(', ')})`;

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export function parseBenchArgs(args: string[]): Omit<BenchOptions, 'log' | 'adminUrl'> {
  let events = 20000;
  let repeat = 3;
  let contenders = [...CONTENDER_NAMES];
  let quick = false;
  const explicit = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new BenchUsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--events') {
      events = positiveInteger(arg, value());
      explicit.add('events');
    } else if (arg === '--repeat') {
      repeat = positiveInteger(arg, value());
      explicit.add('repeat');
    } else if (arg === '--quick') {
      quick = true;
    } else if (arg === '--only') {
      contenders = value().split(',').filter(Boolean);
      const unknown = contenders.filter((c) => !CONTENDER_NAMES.includes(c));
      if (unknown.length > 0 || contenders.length === 0)
        throw new BenchUsageError(`unknown contender: ${unknown.join(', ')}`);
    } else {
      throw new BenchUsageError(`unknown argument: ${arg}`);
    }
  }
  if (quick) {
    if (!explicit.has('events')) events = 4000;
    if (!explicit.has('repeat')) repeat = 1;
  }
  return {
    contenders,
    shapes: [...SHAPES],
    events,
    singleWriterEvents: Math.max(100, Math.round(events / 10)),
    repeat,
  };
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) throw new BenchUsageError(`${flag} must be a positive integer, got "${text}"`);
  return n;
}
