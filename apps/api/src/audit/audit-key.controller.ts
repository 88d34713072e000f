// GET /api/v1/audit/public-key: the Ed25519 public key that verifies the seals (README "Tamper evidence").
// Public on purpose: a public key is no secret, and an auditor must be able to fetch it without an account
// of the system they audit (and compare it with the copy published in the README or out of band).
import { Controller, Get, HttpStatus, Inject, NotFoundException } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Config } from '../../../../libs/config/src/config.js';
import { readSigningKey } from '../../../../libs/audit/src/seal/key-file.js';
import { publicKeyJwk, publicKeyPem, type SealSigningKey } from '../../../../libs/audit/src/seal/signing-key.js';
import { Public } from '../auth/index.js';
import { errorBody } from '../http/error-body.js';
import { CONFIG } from '../tokens.js';

export interface AuditPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  jwk: ReturnType<typeof publicKeyJwk>;
  pem: string;
}

@ApiTags('audit')
@Controller('api/v1/audit/public-key')
export class AuditKeyController {
  private key: Promise<SealSigningKey | undefined> | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The Ed25519 public key that verifies the seals, as JWK and PEM, with its key id (RFC 7638 thumbprint). ' +
      'Save the PEM and run `npm run cli -- verify --public-key FILE` to verify offline',
  })
  @ApiOkResponse({ description: 'the public key' })
  @ApiNotFoundResponse({ description: 'AUDIT_KEY_NOT_CONFIGURED: this server has no signing key' })
  async publicKey(): Promise<AuditPublicKey> {
    const key = await this.signingKey();
    if (!key) {
      throw new NotFoundException(
        errorBody(
          HttpStatus.NOT_FOUND,
          'AUDIT_KEY_NOT_CONFIGURED',
          'no seal signing key is configured on this server (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE)',
        ),
      );
    }
    return { keyId: key.keyId, algorithm: 'Ed25519', jwk: publicKeyJwk(key), pem: publicKeyPem(key) };
  }

  /** Read once; a missing key is read again next time (the projector may create the file later). */
  private async signingKey(): Promise<SealSigningKey | undefined> {
    this.key ??= readSigningKey({ inline: this.config.audit.signingKey, file: this.config.audit.signingKeyFile });
    const key = await this.key.catch(() => undefined);
    if (!key) this.key = undefined;
    return key;
  }
}
