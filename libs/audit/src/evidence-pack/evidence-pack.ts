import {
  comparePositions,
  formatPosition,
  parsePosition,
  type Position,
  type RecordedEvent,
} from '../../../event-store/src/port.js';
import { inclusionProof } from '../merkle/inclusion-proof.js';
import { eventLeaf, type Seal } from '../seal/seal.js';

// An evidence pack: one stream's events as hashed, the seals that cover them and an RFC 6962 inclusion proof
// of each event's hash in its seal's tree, with the public key. Everything needed to check the stream offline
// with `node tools/verify-evidence-pack.mjs` (no repository, no database). Building it is pure: the caller
// reads the events, the seals and the covering seals' ranges (loadEvidencePack does it through the port).
// Format: libs/audit/README.md "Evidence packs".

export const EVIDENCE_PACK_FORMAT = 'kinerja-evidence-pack';
export const EVIDENCE_PACK_VERSION = 1;

export interface PackEvent {
  /** Decimal string (revisions are 64-bit). */
  revision: string;
  id: string;
  type: string;
  data: unknown;
  /** As stored: `hash` and `prevHash` included; the hash covers everything else in it. */
  metadata: Record<string, unknown>;
  /** `commit/prepare` in $all order: which seal's range holds it. */
  position: string;
  /**
   * Set when the reader may not see this event's content (e.g. peer input for HR): data (and the actor) are
   * replaced, so its hash cannot be recomputed; its stated hash is still checked by the next event's link and
   * by its seal proof.
   */
  withheld?: string;
}

export interface PackProof {
  eventId: string;
  revision: string;
  sealIndex: number;
  /** The event's leaf number in its seal's tree, and that tree's size. */
  leafIndex: number;
  treeSize: number;
  /** Hex sibling hashes, bottom first (RFC 6962 audit path); the leaf is the 32 bytes of the event's hash. */
  auditPath: string[];
}

export interface EvidencePack {
  format: typeof EVIDENCE_PACK_FORMAT;
  version: typeof EVIDENCE_PACK_VERSION;
  createdAt: string;
  stream: string;
  events: PackEvent[];
  /** The seals whose range holds an event of the stream, as signed (payload + signature), in seal order. */
  seals: Seal[];
  proofs: PackProof[];
  /** The key the server signs with. It proves consistency only: verify with a key obtained independently. */
  publicKey: { keyId: string; algorithm: 'Ed25519'; pem: string } | null;
}

/** The leaves of one seal's range as the store holds them now: its non-seal events in $all order. */
export type SealRangeLeaves = ReadonlyArray<{ id: string; hash: unknown }>;

export interface EvidencePackInput {
  stream: string;
  /** The stream read forwards, whole. */
  events: readonly RecordedEvent[];
  /** The seal chain in order (at least the seals that cover the events). */
  seals: readonly Seal[];
  /** For each seal index that covers one of the events: the leaves of its range. */
  ranges: ReadonlyMap<number, SealRangeLeaves>;
  publicKey: EvidencePack['publicKey'];
  createdAt: string;
  /** What the reader may not see of an event: replacement data and metadata, and why. */
  withhold?: (event: RecordedEvent) => { data: unknown; metadata: Record<string, unknown>; reason: string } | undefined;
}

/** The seal whose range (fromPosition, toPosition] holds `position`, if any. */
export function sealCovering(seals: readonly Seal[], position: Position): Seal | undefined {
  return seals.find(
    (s) =>
      comparePositions(position, parsePosition(s.toPosition)) <= 0 &&
      (s.fromPosition === null || comparePositions(position, parsePosition(s.fromPosition)) > 0),
  );
}

/** The seal indexes a pack of these events needs ranges for. */
export function sealsNeeded(seals: readonly Seal[], events: readonly RecordedEvent[]): Seal[] {
  const needed = new Map<number, Seal>();
  for (const event of events) {
    const seal = sealCovering(seals, event.position);
    if (seal) needed.set(seal.sealIndex, seal);
  }
  return [...needed.values()].sort((a, b) => a.sealIndex - b.sealIndex);
}

export function buildEvidencePack(input: EvidencePackInput): EvidencePack {
  const seals = sealsNeeded(input.seals, input.events);
  const proofs: PackProof[] = [];
  // Leaf hashes once per range, not once per event.
  const leavesOf = new Map<number, { leaves: Buffer[]; indexOf: Map<string, number> }>();
  for (const seal of seals) {
    const range = input.ranges.get(seal.sealIndex);
    if (!range) throw new Error(`the leaves of seal #${seal.sealIndex}'s range were not given`);
    leavesOf.set(seal.sealIndex, {
      leaves: range.map((l) => eventLeaf(l.hash)),
      indexOf: new Map(range.map((l, i) => [l.id, i])),
    });
  }
  for (const event of input.events) {
    const seal = sealCovering(seals, event.position);
    const tree = seal && leavesOf.get(seal.sealIndex);
    const leafIndex = tree?.indexOf.get(event.id);
    if (!seal || !tree || leafIndex === undefined) continue;
    proofs.push({
      eventId: event.id,
      revision: event.revision.toString(),
      sealIndex: seal.sealIndex,
      leafIndex,
      // The tree as the store holds it now: if that differs from the seal, the proof fails offline, as it must.
      treeSize: tree.leaves.length,
      auditPath: inclusionProof(tree.leaves, leafIndex).map((h) => h.toString('hex')),
    });
  }
  return {
    format: EVIDENCE_PACK_FORMAT,
    version: EVIDENCE_PACK_VERSION,
    createdAt: input.createdAt,
    stream: input.stream,
    events: input.events.map((event) => packEvent(event, input.withhold?.(event))),
    seals: seals.map((s) => ({ ...s })),
    proofs,
    publicKey: input.publicKey,
  };
}

function packEvent(
  event: RecordedEvent,
  withheld: { data: unknown; metadata: Record<string, unknown>; reason: string } | undefined,
): PackEvent {
  const base = {
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    position: formatPosition(event.position),
  };
  if (withheld) {
    const { hash, prevHash } = event.metadata;
    return {
      ...base,
      data: withheld.data,
      metadata: { ...withheld.metadata, hash, prevHash },
      withheld: withheld.reason,
    };
  }
  return { ...base, data: event.data, metadata: { ...event.metadata } };
}
