// `npm run cli -- seal [--max-events N]`: appends one signed seal over the events since the last seal
// (the sealer does this periodically in a running service). The key comes from AUDIT_SIGNING_KEY or
// AUDIT_SIGNING_KEY_FILE (created on first use).
import type { Config } from '../../../../libs/config/src/config.js';
import { loadOrCreateSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { SealRefusedError, sealOnce } from '../../../../libs/audit/src/seal/sealer.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';

export interface SealCommandDependencies {
  open?: (config: Config) => Promise<Pick<Infrastructure, 'eventStore' | 'close'>>;
}

export function createSealCommand(deps: SealCommandDependencies = {}): CliCommand {
  return {
    name: 'seal',
    summary: 'append one signed seal (Merkle root) over the events since the last seal',
    usage: 'seal [--max-events N]',

    async run(args: string[], config: Config): Promise<number> {
      const flags = parseFlags(args, { 'max-events': 'value' });
      const maxTreeSize = flags['max-events'] === undefined ? undefined : Number(flags['max-events']);
      if (maxTreeSize !== undefined && (!Number.isSafeInteger(maxTreeSize) || maxTreeSize < 1)) {
        throw new UsageError('--max-events must be a whole number >= 1');
      }
      const source = { inline: config.audit.signingKey, file: config.audit.signingKeyFile };
      const { key, created } = await loadOrCreateSigningKey(source);
      if (created) console.error(`created signing key ${key.keyId} in ${source.file}`);
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      try {
        const outcome = await sealOnce({ store: infrastructure.eventStore, key, maxTreeSize });
        if (outcome.kind === 'nothing_to_seal') console.log('nothing to seal: no events since the last seal');
        else if (outcome.kind === 'conflict') console.log('another sealer appended a seal first: nothing sealed');
        else {
          const s = outcome.seal;
          console.log(
            `seal #${s.sealIndex}: ${s.treeSize} events (${s.fromPosition ?? 'start'} .. ${s.toPosition}], ` +
              `root ${s.merkleRoot}, key ${s.keyId}`,
          );
        }
        return 0;
      } catch (error) {
        if (!(error instanceof SealRefusedError)) throw error;
        console.error(error.message);
        for (const p of error.problems) console.error(`  ${p.stream}@${p.revision} (id ${p.eventId}): ${p.detail}`);
        console.error('run `npm run cli -- verify --all` for the full report');
        return 1;
      } finally {
        await infrastructure.close();
      }
    },
  };
}

export const sealCommand = createSealCommand();
