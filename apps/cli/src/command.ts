import type { Config } from '../../../libs/config/src/config.js';

export interface CliCommand {
  name: string;
  /** One line for `npm run cli -- help`. */
  summary: string;
  /** Usage line shown on bad arguments, e.g. `rebuild-projections [--projection NAME]`. */
  usage: string;
  /** Returns the process exit code. Throws UsageError for bad arguments (exit 2, usage printed). */
  run(args: string[], config: Config): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses `--name value` and `--flag` pairs; rejects anything not in `known`. */
export function parseFlags(args: string[], known: Record<string, 'value' | 'flag'>): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (!name || !(name in known)) throw new UsageError(`unknown argument: ${arg}`);
    if (known[name] === 'flag') {
      out[name] = true;
    } else {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}
