// The shared body of `import-units` and `import-employees`: read FILE as a stream, import it through the
// engine with a progress bar on stderr, print the report (and write it as JSON with --report).
// Exit 0: every row imported or unchanged; 1: some rows (or the file) failed; 2: usage errors.
import { createReadStream } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../../../libs/config/src/config.js';
import { DomainError } from '../../../../libs/shared-kernel/src/domain-error.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { CsvFileError } from '../../../../libs/organization-import/src/csv/csv-table.js';
import type { ImportContext } from '../../../../libs/organization-import/src/engine/import-context.js';
import { importEmployees } from '../../../../libs/organization-import/src/engine/import-employees.js';
import { importUnits } from '../../../../libs/organization-import/src/engine/import-units.js';
import type { ImportError, ImportKind, ImportReport } from '../../../../libs/organization-import/src/report.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { ProgressBar, type ProgressOutput } from '../progress-bar.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Errors printed on the terminal; the --report file has them all. */
const PRINTED_ERRORS = 100;

export interface ImportCommandDependencies {
  open?: (config: Config) => Promise<Pick<Infrastructure, 'eventStore' | 'close'>>;
  /** Report and messages (default stdout). */
  output?: ProgressOutput;
  /** Progress bar (default stderr). */
  progress?: ProgressOutput;
  now?: () => Date;
}

const ENGINES = { units: importUnits, employees: importEmployees } as const;

export function createImportCommand(kind: ImportKind, deps: ImportCommandDependencies = {}): CliCommand {
  const name = `import-${kind}`;
  return {
    name,
    summary: `import ${kind} of an agency from a CSV file (see libs/organization-import/README.md)`,
    usage: `${name} --agency ID FILE [--report out.json]`,

    async run(args: string[], config: Config): Promise<number> {
      const { flags, file } = parseArgs(args);
      await assertReadable(file);
      const output = deps.output ?? process.stdout;
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      const bar = new ProgressBar({ label: `${name} ${flags.agency}`, output: deps.progress ?? process.stderr });
      const context: ImportContext = {
        store: infrastructure.eventStore,
        actor: { id: `cli:${userInfo().username}`, role: 'ADMIN' },
        correlationId: randomUUID(),
        now: (deps.now?.() ?? new Date()).toISOString(),
        onProgress: (p) => bar.update(p.done, p.total),
      };
      let report: ImportReport | { kind: ImportKind; agencyId: string; fileErrors: ImportError[] };
      try {
        report = await ENGINES[kind](context, flags.agency, createReadStream(file, { highWaterMark: 256 * 1024 }));
        bar.finish();
      } catch (error) {
        if (error instanceof CsvFileError) {
          report = { kind, agencyId: flags.agency, fileErrors: error.errors };
        } else if (error instanceof DomainError) {
          output.write(`${name}: ${error.code}: ${error.message}\n`);
          return 1;
        } else throw error;
      } finally {
        await infrastructure.close();
      }
      if (flags.report) await writeFile(flags.report, `${JSON.stringify(report, null, 2)}\n`);
      if ('fileErrors' in report) {
        output.write(`${name}: the file cannot be imported, nothing was written:\n`);
        for (const e of report.fileErrors) output.write(`  ${formatError(e)}\n`);
        return 1;
      }
      output.write(
        `${name} ${flags.agency}: ${report.rows} rows, ${report.imported} imported, ` +
          `${report.unchanged} unchanged, ${report.failed} failed\n`,
      );
      for (const e of report.errors.slice(0, PRINTED_ERRORS)) output.write(`  ${formatError(e)}\n`);
      if (report.errors.length > PRINTED_ERRORS) {
        output.write(
          `  ... and ${report.errors.length - PRINTED_ERRORS} more${flags.report ? '' : ' (use --report)'}\n`,
        );
      }
      return report.failed === 0 ? 0 : 1;
    },
  };
}

/** `line 4, NIP "1985...": reason` */
function formatError(e: ImportError): string {
  const cell = e.column ? `, ${e.column}${e.value !== null ? ` ${JSON.stringify(e.value)}` : ''}` : '';
  return `line ${e.line}${cell}: ${e.reason}`;
}

function parseArgs(args: string[]): { flags: { agency: string; report?: string }; file: string } {
  // parseFlags knows only --name pairs: take the one positional argument (FILE) out first.
  const known = { agency: 'value', report: 'value' } as const;
  const named: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      named.push(args[i]);
      if (args[i].slice(2) in known && args[i + 1] !== undefined) named.push(args[++i]);
    } else positional.push(args[i]);
  }
  const flags = parseFlags(named, known);
  if (typeof flags.agency !== 'string') throw new UsageError('--agency is required');
  if (!SLUG.test(flags.agency)) throw new UsageError(`--agency must be an agency id (a slug), got ${flags.agency}`);
  if (positional.length !== 1) throw new UsageError(`expected one FILE, got ${positional.length}`);
  return {
    flags: { agency: flags.agency, ...(typeof flags.report === 'string' ? { report: flags.report } : {}) },
    file: positional[0],
  };
}

async function assertReadable(file: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}
