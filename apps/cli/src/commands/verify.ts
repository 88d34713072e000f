// `npm run cli -- verify [--stream S | --cycle C | --all] [--json] [--public-key FILE]`: checks the event
// store for tampering (hash chains, revisions, signed seals and their Merkle roots) and names every
// altered, removed, reordered or inserted event. Exit 0 clean, 1 problems found, 2 usage.
import type { Config } from '../../../../libs/config/src/config.js';
import { readPublicKeyFile, readSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { SigningKeyError, type SealPublicKey } from '../../../../libs/audit/src/seal/signing-key.js';
import type { VerificationReport, VerifyScope } from '../../../../libs/audit/src/verify/findings.js';
import { verifyStore } from '../../../../libs/audit/src/verify/verify-store.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { ProgressBar, type ProgressOutput } from '../progress-bar.js';

export interface VerifyCommandDependencies {
  open?: (config: Config) => Promise<Pick<Infrastructure, 'rawEventStore' | 'close'>>;
  /** Report (stdout) and progress (stderr). */
  stdout?: ProgressOutput;
  stderr?: ProgressOutput;
}

export function createVerifyCommand(deps: VerifyCommandDependencies = {}): CliCommand {
  return {
    name: 'verify',
    summary: 'check the event store for tampering: hash chains, revisions, signed seals (exit 1 on problems)',
    usage: 'verify [--stream S | --cycle C | --all] [--json] [--public-key FILE] [--expect-seal INDEX:HASH]',

    async run(args: string[], config: Config): Promise<number> {
      const flags = parseFlags(args, {
        stream: 'value',
        cycle: 'value',
        all: 'flag',
        json: 'flag',
        'public-key': 'value',
        'expect-seal': 'value',
      });
      const scope = scopeOf(flags);
      const expectSeals = typeof flags['expect-seal'] === 'string' ? [expectedSeal(flags['expect-seal'])] : [];
      const stdout = deps.stdout ?? process.stdout;
      const stderr = deps.stderr ?? process.stderr;
      const publicKeys = await publicKeysFor(flags['public-key'], config, stderr);
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      try {
        const bar = scope.kind === 'stream' ? undefined : new ProgressBar({ label: 'verify events', output: stderr });
        const report = await verifyStore({
          store: infrastructure.rawEventStore,
          scope,
          publicKeys,
          expectSeals,
          onProgress: (p) => bar?.update(p.done, p.total, `verify ${p.phase}`),
        });
        bar?.finish();
        stdout.write(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
        return report.ok ? 0 : 1;
      } finally {
        await infrastructure.close();
      }
    },
  };
}

function scopeOf(flags: Record<string, string | true>): VerifyScope {
  const chosen = (['stream', 'cycle', 'all'] as const).filter((name) => flags[name] !== undefined);
  if (chosen.length > 1) throw new UsageError(`choose one of --stream, --cycle and --all (got ${chosen.join(', ')})`);
  if (typeof flags.stream === 'string') return { kind: 'stream', stream: flags.stream };
  if (typeof flags.cycle === 'string') return { kind: 'cycle', cycleId: flags.cycle };
  return { kind: 'all' };
}

/** `INDEX:HASH` of a seal recorded earlier (e.g. summary.lastSeal of a saved report). */
function expectedSeal(text: string): { sealIndex: number; sealHash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (!match) throw new UsageError('--expect-seal must be INDEX:HASH (a seal index and its 64-hex seal hash)');
  return { sealIndex: Number(match[1]), sealHash: match[2] };
}

/** --public-key, else the public half of the configured signing key, else none (signatures unchecked). */
async function publicKeysFor(
  file: string | true | undefined,
  config: Config,
  stderr: ProgressOutput,
): Promise<SealPublicKey[]> {
  try {
    if (typeof file === 'string') return [await readPublicKeyFile(file)];
    const own = await readSigningKey({ inline: config.audit.signingKey, file: config.audit.signingKeyFile });
    if (own) return [own];
  } catch (error) {
    if (error instanceof SigningKeyError) throw new UsageError(error.message);
    throw error;
  }
  stderr.write(
    'warning: no public key (--public-key FILE or AUDIT_SIGNING_KEY_FILE): seal signatures are not checked\n',
  );
  return [];
}

function describe(report: VerificationReport): string {
  const { summary } = report;
  const scope =
    report.scope.kind === 'all'
      ? 'the whole store'
      : report.scope.kind === 'cycle'
        ? `cycle ${report.scope.cycleId}`
        : `stream ${report.scope.stream}`;
  const lines = [
    `verified ${scope}: ${summary.eventsChecked} events in ${summary.streamsChecked} streams, ` +
      `${summary.seals} seals (signatures ${summary.signaturesChecked ? 'checked' : 'NOT checked'}), ` +
      `sealed up to ${summary.sealedUpTo ?? 'nothing yet'}`,
  ];
  if (summary.lastSeal) {
    lines.push(
      `last seal: --expect-seal ${summary.lastSeal.sealIndex}:${summary.lastSeal.sealHash} (keep it outside the database)`,
    );
  }
  if (summary.unsealedEvents > 0) {
    lines.push(
      `unsealed tail: ${summary.unsealedEvents} events in ${report.unsealedTail.length} streams after the last seal ` +
        '(chains intact, not yet signed)',
    );
  }
  if (report.ok) lines.push('no problems found');
  else {
    lines.push(`${report.findings.length} problem(s):`);
    for (const f of report.findings) {
      const where = f.stream ? `${f.stream}@${f.revision ?? '?'}` : `seal #${f.sealIndex ?? '?'}`;
      const ids = [f.eventId && `id ${f.eventId}`, f.position && `position ${f.position}`].filter(Boolean).join(', ');
      lines.push(`  ${f.kind.padEnd(22)} ${where}${ids ? ` (${ids})` : ''}: ${f.detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const verifyCommand = createVerifyCommand();
