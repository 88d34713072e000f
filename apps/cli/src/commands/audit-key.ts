// `npm run cli -- audit-key [--jwk]`: prints the public key that verifies seals (creating the signing key
// in AUDIT_SIGNING_KEY_FILE on first use), to publish where auditors can get it.
import type { Config } from '../../../../libs/config/src/config.js';
import { loadOrCreateSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { publicKeyJwk, publicKeyPem } from '../../../../libs/audit/src/seal/signing-key.js';
import { parseFlags, type CliCommand } from '../command.js';

export const auditKeyCommand: CliCommand = {
  name: 'audit-key',
  summary: 'print the public key that verifies seals (creates the signing key on first use)',
  usage: 'audit-key [--jwk]',

  async run(args: string[], config: Config): Promise<number> {
    const flags = parseFlags(args, { jwk: 'flag' });
    const source = { inline: config.audit.signingKey, file: config.audit.signingKeyFile };
    const { key, created } = await loadOrCreateSigningKey(source);
    console.error(
      created
        ? `created signing key ${key.keyId} in ${source.file} (keep it secret; back it up)`
        : `signing key ${key.keyId}`,
    );
    process.stdout.write(flags.jwk === true ? `${JSON.stringify(publicKeyJwk(key), null, 2)}\n` : publicKeyPem(key));
    return 0;
  },
};
