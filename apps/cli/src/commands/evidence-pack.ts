// `npm run cli -- evidence-pack --cycle C --nip N [--out FILE]`: exports one appraisal's evidence pack (its
// events as hashed, the signed seals covering them, inclusion proofs, the public key), the same file as
// GET .../appraisals/{nip}/evidence-pack serves an auditor. Check it with `node tools/verify-evidence-pack.mjs`.
// Exit 0 written, 1 no such appraisal, 2 usage.
import { writeFile } from 'node:fs/promises';
import type { Config } from '../../../../libs/config/src/config.js';
import { appraisalStreamName } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { loadEvidencePack } from '../../../../libs/audit/src/evidence-pack/load-evidence-pack.js';
import { readSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { publicKeyPem, SigningKeyError } from '../../../../libs/audit/src/seal/signing-key.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import type { ProgressOutput } from '../progress-bar.js';

export interface EvidencePackCommandDependencies {
  open?: (config: Config) => Promise<Pick<Infrastructure, 'rawEventStore' | 'close'>>;
  stdout?: ProgressOutput;
  stderr?: ProgressOutput;
  now?: () => Date;
}

export function createEvidencePackCommand(deps: EvidencePackCommandDependencies = {}): CliCommand {
  return {
    name: 'evidence-pack',
    summary: "export one appraisal's evidence pack (events, seals, inclusion proofs, public key) as JSON",
    usage: 'evidence-pack --cycle C --nip N [--out FILE]',

    async run(args: string[], config: Config): Promise<number> {
      const flags = parseFlags(args, { cycle: 'value', nip: 'value', out: 'value' });
      const cycle = flags.cycle;
      const nip = flags.nip;
      if (typeof cycle !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(cycle)) {
        throw new UsageError('--cycle must be a cycle id (letters, digits and dashes)');
      }
      if (typeof nip !== 'string' || !/^\d{18}$/.test(nip)) throw new UsageError('--nip must be exactly 18 digits');
      const stdout = deps.stdout ?? process.stdout;
      const stderr = deps.stderr ?? process.stderr;
      let publicKey = null;
      try {
        const key = await readSigningKey({ inline: config.audit.signingKey, file: config.audit.signingKeyFile });
        if (key) publicKey = { keyId: key.keyId, algorithm: 'Ed25519' as const, pem: publicKeyPem(key) };
      } catch (error) {
        if (error instanceof SigningKeyError) throw new UsageError(error.message);
        throw error;
      }
      if (!publicKey) {
        stderr.write('warning: no signing key configured: the pack carries no public key (verify with --public-key)\n');
      }
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      try {
        const pack = await loadEvidencePack({
          store: infrastructure.rawEventStore,
          stream: appraisalStreamName(cycle, nip),
          publicKey,
          createdAt: (deps.now ?? (() => new Date()))().toISOString(),
        });
        if (pack.events.length === 0) {
          stderr.write(`no appraisal of ${nip} in cycle ${cycle}\n`);
          return 1;
        }
        const text = `${JSON.stringify(pack, null, 2)}\n`;
        if (typeof flags.out === 'string') {
          await writeFile(flags.out, text);
          const unsealed = pack.events.length - pack.proofs.length;
          stderr.write(
            `wrote ${flags.out}: ${pack.events.length} events, ${pack.seals.length} seal(s), ` +
              `${unsealed} event(s) not sealed yet\n`,
          );
        } else stdout.write(text);
        return 0;
      } finally {
        await infrastructure.close();
      }
    },
  };
}

export const evidencePackCommand = createEvidencePackCommand();
