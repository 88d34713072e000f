import { comparePositions, parsePosition, type EventStore, type Position } from '../../../event-store/src/port.js';
import { inclusionProof, verifyInclusion } from '../merkle/inclusion-proof.js';
import { eventLeaf, SEAL_STREAM, type Seal } from './seal.js';

// That one event is covered by a seal, provable without the rest of the store: its hash, its leaf index and
// the RFC 6962 audit path up to the seal's signed root. The building block of an evidence pack.

export interface SealInclusionProof {
  sealIndex: number;
  eventId: string;
  /** The event's metadata.hash: the leaf. */
  eventHash: string;
  leafIndex: number;
  treeSize: number;
  /** Hex sibling hashes, bottom first. */
  auditPath: string[];
}

/** The proof for `eventId` in `seal`'s range as the store holds it now; undefined if it is not there. */
export async function sealInclusionProof(
  store: EventStore,
  seal: Seal,
  eventId: string,
  pageSize = 1000,
): Promise<SealInclusionProof | undefined> {
  const to = parsePosition(seal.toPosition);
  const leaves: Buffer[] = [];
  let index = -1;
  let eventHash = '';
  let cursor: Position | undefined = seal.fromPosition === null ? undefined : parsePosition(seal.fromPosition);
  for (let done = false; !done;) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: pageSize });
    for (const event of page) {
      if (comparePositions(event.position, to) > 0) {
        done = true;
        break;
      }
      if (event.streamName === SEAL_STREAM) continue;
      if (event.id === eventId) {
        index = leaves.length;
        eventHash = String(event.metadata.hash);
      }
      leaves.push(eventLeaf(event.metadata.hash));
    }
    if (page.length < pageSize) done = true;
    else cursor = page[page.length - 1].position;
  }
  if (index < 0) return undefined;
  return {
    sealIndex: seal.sealIndex,
    eventId,
    eventHash,
    leafIndex: index,
    treeSize: leaves.length,
    auditPath: inclusionProof(leaves, index).map((h) => h.toString('hex')),
  };
}

/** True when the proof leads from the event hash to the seal's root, at the seal's tree size. */
export function verifySealInclusion(proof: SealInclusionProof, seal: Seal): boolean {
  return (
    proof.sealIndex === seal.sealIndex &&
    proof.treeSize === seal.treeSize &&
    verifyInclusion(
      eventLeaf(proof.eventHash),
      proof.leafIndex,
      proof.treeSize,
      proof.auditPath.map((h) => Buffer.from(h, 'hex')),
      Buffer.from(seal.merkleRoot, 'hex'),
    )
  );
}
