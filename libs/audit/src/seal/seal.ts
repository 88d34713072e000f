import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import { signBytes, verifyBytes, type SealPublicKey, type SealSigningKey } from './signing-key.js';

// A seal signs the Merkle root (RFC 6962) of the event hashes appended since the previous seal, in $all
// order. Seals are events of their own stream and chain to each other (previousSealRoot/-Hash), so
// dropping, reordering or replacing a seal shows. Seal events are not leaves of any seal: a seal cannot
// cover itself, and the seal stream is protected by the seal chain (and its own hash chain) instead.

export const SEAL_STREAM = 'audit-seals';
export const SEAL_EVENT_TYPE = 'EventsSealed';
export const SEAL_VERSION = 1;

export interface SealPayload {
  version: number;
  /** 0 for the first seal, then +1 each. */
  sealIndex: number;
  /** Exclusive start in $all order (`commit/prepare`): the previous seal's toPosition; null for the first. */
  fromPosition: string | null;
  /** Inclusive end in $all order: the position of the last event covered. */
  toPosition: string;
  /** Events covered (seal events excluded). */
  treeSize: number;
  /** How many events all earlier seals covered: this seal's first leaf is event number firstGlobalIndex. */
  firstGlobalIndex: number;
  /** Hex RFC 6962 root over the covered events' metadata.hash bytes, in $all order. */
  merkleRoot: string;
  previousSealRoot: string | null;
  /** Hex SHA-256 of the previous seal's canonical JSON, signature included. */
  previousSealHash: string | null;
  /** The sealer's clock: trusted, see libs/audit/README.md. */
  sealedAt: string;
  keyId: string;
  algorithm: 'Ed25519';
}

export interface Seal extends SealPayload {
  /** Base64 Ed25519 signature over the canonical JSON of the payload (everything but `signature`). */
  signature: string;
}

export function signSeal(payload: SealPayload, key: SealSigningKey): Seal {
  if (payload.keyId !== key.keyId) throw new Error(`seal names key ${payload.keyId}, signing with ${key.keyId}`);
  return { ...payload, signature: signBytes(key, payloadBytes(payload)) };
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown_key';

export function checkSealSignature(seal: Seal, keys: readonly SealPublicKey[]): SignatureCheck {
  const key = keys.find((k) => k.keyId === seal.keyId);
  if (!key) return 'unknown_key';
  const { signature, ...payload } = seal;
  return verifyBytes(key, payloadBytes(payload), signature) ? 'valid' : 'invalid';
}

export function sealHash(seal: Seal): string {
  return createHash('sha256').update(canonicalJson(seal), 'utf8').digest('hex');
}

function payloadBytes(payload: SealPayload): Buffer {
  const { signature: _never, ...rest } = payload as SealPayload & { signature?: unknown };
  return Buffer.from(canonicalJson(rest), 'utf8');
}

/** The leaf for an event: the 32 bytes of its stored hash (hex); anything else as its JSON text, never 32 bytes. */
export function eventLeaf(storedHash: unknown): Buffer {
  if (typeof storedHash === 'string' && /^[0-9a-f]{64}$/.test(storedHash)) return Buffer.from(storedHash, 'hex');
  return Buffer.from(`invalid:${JSON.stringify(storedHash ?? null)}`, 'utf8');
}

/** The seal an event's data holds, or a reason it is not one. */
export function parseSeal(data: unknown): Seal | string {
  if (typeof data !== 'object' || data === null) return 'seal data is not an object';
  const d = data as Record<string, unknown>;
  const hex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  const position = (v: unknown) => typeof v === 'string' && /^\d+\/\d+$/.test(v);
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  const problems = [
    d.version !== SEAL_VERSION && 'version',
    !count(d.sealIndex) && 'sealIndex',
    !(d.fromPosition === null || position(d.fromPosition)) && 'fromPosition',
    !position(d.toPosition) && 'toPosition',
    !(count(d.treeSize) && (d.treeSize as number) > 0) && 'treeSize',
    !count(d.firstGlobalIndex) && 'firstGlobalIndex',
    !hex64(d.merkleRoot) && 'merkleRoot',
    !(d.previousSealRoot === null || hex64(d.previousSealRoot)) && 'previousSealRoot',
    !(d.previousSealHash === null || hex64(d.previousSealHash)) && 'previousSealHash',
    !(typeof d.sealedAt === 'string' && !Number.isNaN(Date.parse(d.sealedAt))) && 'sealedAt',
    typeof d.keyId !== 'string' && 'keyId',
    d.algorithm !== 'Ed25519' && 'algorithm',
    typeof d.signature !== 'string' && 'signature',
  ].filter((p): p is string => typeof p === 'string');
  return problems.length > 0 ? `seal fields missing or malformed: ${problems.join(', ')}` : (d as unknown as Seal);
}

/** What the previous seal says this one must continue with. */
export interface SealLink {
  sealIndex: number;
  fromPosition: string | null;
  firstGlobalIndex: number;
  previousSealRoot: string | null;
  previousSealHash: string | null;
}

export function nextSealLink(previous: Seal | undefined): SealLink {
  if (!previous) {
    return { sealIndex: 0, fromPosition: null, firstGlobalIndex: 0, previousSealRoot: null, previousSealHash: null };
  }
  return {
    sealIndex: previous.sealIndex + 1,
    fromPosition: previous.toPosition,
    firstGlobalIndex: previous.firstGlobalIndex + previous.treeSize,
    previousSealRoot: previous.merkleRoot,
    previousSealHash: sealHash(previous),
  };
}

/** Names of the fields where `seal` does not continue `previous`; empty when it does. */
export function sealLinkMismatches(seal: Seal, previous: Seal | undefined): string[] {
  const expected = nextSealLink(previous);
  return (Object.keys(expected) as (keyof SealLink)[]).filter((field) => seal[field] !== expected[field]);
}
