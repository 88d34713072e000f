import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../canonical-json.js';
import {
  checkSealSignature,
  eventLeaf,
  nextSealLink,
  parseSeal,
  sealHash,
  sealLinkMismatches,
  signSeal,
  type Seal,
  type SealPayload,
} from './seal.js';
import { generateSigningKey, parsePublicKey, publicKeyPem } from './signing-key.js';

const key = generateSigningKey();

function payload(overrides: Partial<SealPayload> = {}): SealPayload {
  return {
    version: 1,
    ...nextSealLink(undefined),
    toPosition: '812/40',
    treeSize: 40,
    merkleRoot: 'ab'.repeat(32),
    sealedAt: '2026-03-01T08:00:00.000Z',
    keyId: key.keyId,
    algorithm: 'Ed25519',
    ...overrides,
  };
}

describe('signed seals', () => {
  it('given a signed seal, when checked with the signer’s public key alone, then it is valid', () => {
    const seal = signSeal(payload(), key);
    const published = parsePublicKey(publicKeyPem(key));
    expect(checkSealSignature(seal, [published])).toBe('valid');
    // The signature covers the canonical JSON of everything else: key order does not matter.
    const reordered = JSON.parse(canonicalJson(seal)) as Seal;
    expect(checkSealSignature(reordered, [published])).toBe('valid');
  });

  it('given any field changed after signing, then the signature fails', () => {
    const seal = signSeal(payload(), key);
    const changes: Partial<Seal>[] = [
      { treeSize: 41 },
      { merkleRoot: 'cd'.repeat(32) },
      { toPosition: '812/41' },
      { fromPosition: '1/1' },
      { sealedAt: '2026-03-01T08:00:00.001Z' },
      { previousSealRoot: 'ef'.repeat(32) },
      { firstGlobalIndex: 1 },
      { signature: seal.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    ];
    for (const change of changes) expect(checkSealSignature({ ...seal, ...change }, [key])).toBe('invalid');
  });

  it('given a seal signed by another key, then it is not accepted, whatever it claims', () => {
    const other = generateSigningKey();
    const forged = signSeal(payload({ keyId: other.keyId }), other);
    expect(checkSealSignature(forged, [key])).toBe('unknown_key');
    // Claiming the trusted key id does not help: the signature does not verify with that key.
    expect(checkSealSignature({ ...forged, keyId: key.keyId }, [key])).toBe('invalid');
    expect(() => signSeal(payload({ keyId: other.keyId }), key)).toThrow(/names key/);
  });

  it('chains: each seal continues the previous one’s index, range, root and hash', () => {
    const first = signSeal(payload(), key);
    const second = signSeal(
      payload({ ...nextSealLink(first), toPosition: '900/3', treeSize: 7, merkleRoot: 'cd'.repeat(32) }),
      key,
    );
    expect(second).toMatchObject({
      sealIndex: 1,
      fromPosition: '812/40',
      firstGlobalIndex: 40,
      previousSealRoot: first.merkleRoot,
      previousSealHash: sealHash(first),
    });
    expect(sealLinkMismatches(first, undefined)).toEqual([]);
    expect(sealLinkMismatches(second, first)).toEqual([]);
    expect(sealLinkMismatches(second, undefined)).toEqual([
      'sealIndex',
      'fromPosition',
      'firstGlobalIndex',
      'previousSealRoot',
      'previousSealHash',
    ]);
    // A replaced previous seal (even one re-signed with the real key) breaks the link by its hash.
    const replaced = signSeal({ ...first, sealedAt: '2026-03-02T00:00:00.000Z' }, key);
    expect(sealLinkMismatches(second, replaced)).toEqual(['previousSealHash']);
  });

  it('parses what a seal event holds and names what is wrong with anything else', () => {
    const seal = signSeal(payload(), key);
    expect(parseSeal(JSON.parse(JSON.stringify(seal)))).toEqual(seal);
    expect(parseSeal(null)).toBe('seal data is not an object');
    expect(parseSeal({ ...seal, treeSize: 0, merkleRoot: 'xyz', signature: undefined })).toBe(
      'seal fields missing or malformed: treeSize, merkleRoot, signature',
    );
  });

  it('takes an event’s stored hex hash as its leaf bytes, and anything else as distinct text', () => {
    expect(eventLeaf('ab'.repeat(32))).toEqual(Buffer.from('ab'.repeat(32), 'hex'));
    expect(eventLeaf(undefined).equals(eventLeaf('null'))).toBe(false);
    expect(eventLeaf('AB'.repeat(32)).length).not.toBe(32);
  });
});
