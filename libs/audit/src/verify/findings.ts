// What the verifier reports. Every finding names what it is about as far as the evidence allows: the
// event (stream, revision, id, position) for chain findings, the seal and its range for seal findings.

export type FindingKind =
  /** The event's content no longer matches its hash: data, metadata, type or id changed. */
  | 'altered'
  /** Revisions missing from a stream, or fewer events in a sealed range than the seal covers. */
  | 'removed'
  /** An event stored at another revision than the one it was hashed for (swapped or moved). */
  | 'reordered'
  /** An event that is not in the sealed tree of its range, or a forged event whose link is broken. */
  | 'inserted'
  /** The events of a sealed range no longer hash to the seal's root (e.g. a consistent rewrite). */
  | 'sealed_range_mismatch'
  /** A seal that is malformed, badly signed or signed by an unknown key. */
  | 'seal_invalid'
  /** A seal that does not continue the previous one (index, range, root or hash). */
  | 'seal_chain_broken';

export interface Finding {
  kind: FindingKind;
  stream?: string;
  /** Decimal string (revisions are 64-bit). */
  revision?: string;
  eventId?: string;
  /** `commit/prepare` in $all order. */
  position?: string;
  sealIndex?: number;
  detail: string;
}

export type VerifyScope = { kind: 'all' } | { kind: 'stream'; stream: string } | { kind: 'cycle'; cycleId: string };

export interface VerificationSummary {
  eventsChecked: number;
  streamsChecked: number;
  seals: number;
  /** False when no public key was given: roots and chains were checked, signatures were not. */
  signaturesChecked: boolean;
  /** Position of the last event the last seal covers; null before the first seal. */
  sealedUpTo: string | null;
  /** Write this down (or publish it): a later `verify --expect-seal INDEX:HASH` shows if seals were dropped or replaced. */
  lastSeal: { sealIndex: number; sealHash: string; merkleRoot: string; sealedAt: string } | null;
  /** Events (in scope) after the last seal: intact as far as their chain shows, but not yet signed. */
  unsealedEvents: number;
}

export interface VerificationReport {
  ok: boolean;
  scope: VerifyScope;
  summary: VerificationSummary;
  findings: Finding[];
  /** Streams (in scope) with events after the last seal, and how many each. */
  unsealedTail: Array<{ stream: string; events: number; from: string }>;
}

export interface VerifyProgress {
  phase: 'seals' | 'events' | 'streams';
  done: number;
  total: number;
}
