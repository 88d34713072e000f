// The public half of the configured seal signing key, for the verifier routes and evidence packs (README
// "Verifying the record"). Read once; a missing key is read again next time (the projector may create it later).
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '../../../../libs/config/src/config.js';
import { readSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { publicKeyPem, type SealPublicKey, type SealSigningKey } from '../../../../libs/audit/src/seal/signing-key.js';
import { CONFIG } from '../tokens.js';

@Injectable()
export class SealKeys {
  private key: Promise<SealSigningKey | undefined> | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  /** The keys seals are checked with: the server's own (empty when it has none: signatures are then unchecked). */
  async publicKeys(): Promise<SealPublicKey[]> {
    const key = await this.signingKey();
    return key ? [{ keyId: key.keyId, publicKey: key.publicKey }] : [];
  }

  /** For an evidence pack: the key as PEM with its id, or null. */
  async published(): Promise<{ keyId: string; algorithm: 'Ed25519'; pem: string } | null> {
    const key = await this.signingKey();
    return key ? { keyId: key.keyId, algorithm: 'Ed25519', pem: publicKeyPem(key) } : null;
  }

  private async signingKey(): Promise<SealSigningKey | undefined> {
    this.key ??= readSigningKey({ inline: this.config.audit.signingKey, file: this.config.audit.signingKeyFile });
    const key = await this.key.catch(() => undefined);
    if (!key) this.key = undefined;
    return key;
  }
}
