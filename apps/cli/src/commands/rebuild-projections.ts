// `npm run cli -- rebuild-projections [--projection NAME]`: rebuilds read models from the start of $all
// into a new generation beside the live one, then switches (no downtime; a running projector stands by
// for the switch and carries on with the new generation). Progress on stderr.
import type { Config } from '../../../../libs/config/src/config.js';
import type { Projection } from '../../../../libs/projections/src/projection.js';
import { rebuildProjection, type RebuildOptions } from '../../../../libs/projections/src/rebuild.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { projections as registered } from '../../../../libs/read-models/src/registry.js';
import { shutdownSignal } from '../../../../libs/runtime/src/shutdown-signal.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { ProgressBar, type ProgressOutput } from '../progress-bar.js';

export interface RebuildProjectionsDependencies {
  projections: readonly Projection[];
  open?: (config: Config) => Promise<Pick<Infrastructure, 'rawEventStore' | 'readDb' | 'databaseUrl' | 'close'>>;
  output?: ProgressOutput;
  /** Resolves when the user interrupts (default: SIGINT/SIGTERM). */
  interrupted?: () => Promise<unknown>;
  /** Passed through to rebuildProjection (tests use a short idle interval). */
  tuning?: Pick<RebuildOptions, 'batchSize' | 'idleMs' | 'retireGraceMs'>;
}

export function createRebuildProjectionsCommand(deps: RebuildProjectionsDependencies): CliCommand {
  return {
    name: 'rebuild-projections',
    summary: 'rebuild read models beside the live ones from all events, then switch (no downtime)',
    usage: 'rebuild-projections [--projection NAME]',

    async run(args: string[], config: Config): Promise<number> {
      const flags = parseFlags(args, { projection: 'value' });
      const known = deps.projections.map((p) => p.name);
      const selected =
        typeof flags.projection === 'string'
          ? deps.projections.filter((p) => p.name === flags.projection)
          : deps.projections;
      if (typeof flags.projection === 'string' && selected.length === 0) {
        throw new UsageError(`unknown projection: ${flags.projection} (known: ${known.join(', ') || 'none'})`);
      }
      const output = deps.output ?? process.stderr;
      if (selected.length === 0) {
        output.write('no projections registered: nothing to rebuild\n');
        return 0;
      }
      // Ctrl-C: stop, drop the half-built generation, leave the live one as it was.
      const abort = new AbortController();
      void (deps.interrupted ?? shutdownSignal)().then(() => abort.abort());
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      let findings = 0;
      try {
        for (const projection of selected) {
          const bar = new ProgressBar({ label: projection.name, output });
          const result = await rebuildProjection({
            retireGraceMs: 1000,
            ...deps.tuning,
            projection,
            store: infrastructure.rawEventStore,
            db: infrastructure.readDb,
            connectionString: infrastructure.databaseUrl,
            signal: abort.signal,
            onProgress: (p) =>
              p.phase === 'counting'
                ? output.write(`${projection.name}: counting events up to the head\n`)
                : bar.update(p.done, p.total, `${projection.name} ${p.phase}`),
          });
          bar.finish(
            `${projection.name}: generation ${result.generation.generation} (${result.generation.schema}) is active, ` +
              `${result.checkpoint.eventsSeen} events, ${result.checkpoint.eventsApplied} applied` +
              (result.replaced ? `; generation ${result.replaced.generation} dropped` : ''),
          );
          // Every projection reads the same events: report the chain findings once.
          if (findings === 0 && result.chainFindings.length > 0) {
            findings = result.chainFindings.length;
            output.write(`hash chain: ${findings} event(s) fail their stream's chain (run \`verify --all\`):\n`);
            for (const f of result.chainFindings) {
              output.write(
                `  ${f.kind} ${f.stream}@${f.revision} (event ${f.eventId}, $all ${f.position}): ${f.detail}\n`,
              );
            }
          }
        }
        return findings > 0 ? 1 : 0;
      } catch (error) {
        if (abort.signal.aborted) {
          output.write('\nrebuild interrupted: the live read models are unchanged\n');
          return 130;
        }
        throw error;
      } finally {
        await infrastructure.close();
      }
    },
  };
}

export const rebuildProjectionsCommand = createRebuildProjectionsCommand({ projections: registered });
