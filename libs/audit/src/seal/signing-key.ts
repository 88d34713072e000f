import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

// Ed25519 keys for seals, with node:crypto only. A key is accepted as PEM (PKCS#8 private, SPKI public) or
// as a JWK (kty OKP, crv Ed25519). Its id is the RFC 7638 thumbprint of the public half, so a verifier can
// tell which published key a seal claims without trusting anything in the database.

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export interface SealSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface SealPublicKey {
  keyId: string;
  publicKey: KeyObject;
}

export function generateSigningKey(): SealSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** A private key from PEM or JWK text. */
export function parseSigningKey(text: string, source = 'signing key'): SealSigningKey {
  const privateKey = importKey(text, source, 'private');
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** A public key from PEM or JWK text; a private key is accepted too (its public half is used). */
export function parsePublicKey(text: string, source = 'public key'): SealPublicKey {
  const key = importKey(text, source, 'public');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return { keyId: keyIdOf(publicKey), publicKey };
}

function importKey(text: string, source: string, want: 'private' | 'public'): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JsonWebKey;
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error('not an Ed25519 JWK (kty OKP, crv Ed25519)');
      key =
        typeof jwk.d === 'string'
          ? createPrivateKey({ key: jwk, format: 'jwk' })
          : createPublicKey({ key: jwk, format: 'jwk' });
    } else if (/-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(trimmed)) {
      key = createPrivateKey(trimmed);
    } else {
      key = createPublicKey(trimmed);
    }
  } catch (error) {
    throw new SigningKeyError(`${source}: not a PEM or JWK Ed25519 key (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${source}: an ${String(key.asymmetricKeyType)} key, seals need Ed25519`);
  }
  if (want === 'private' && key.type !== 'private') throw new SigningKeyError(`${source}: holds no private key`);
  return key;
}

/** RFC 7638 thumbprint (base64url SHA-256 of the required members in lexicographic order). */
export function keyIdOf(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

export function privateKeyPem(key: SealSigningKey): string {
  return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function publicKeyPem(key: SealPublicKey): string {
  return key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function publicKeyJwk(key: SealPublicKey): JsonWebKey & { kid: string } {
  const { kty, crv, x } = key.publicKey.export({ format: 'jwk' });
  return { kty, crv, x, kid: key.keyId, alg: 'EdDSA', use: 'sig' } as JsonWebKey & { kid: string };
}

export function signBytes(key: SealSigningKey, bytes: Uint8Array): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

export function verifyBytes(key: SealPublicKey, bytes: Uint8Array, signatureBase64: string): boolean {
  try {
    return verify(null, bytes, key.publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
