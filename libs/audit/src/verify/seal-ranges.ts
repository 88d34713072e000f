import {
  comparePositions,
  formatPosition,
  parsePosition,
  type Position,
  type RecordedEvent,
} from '../../../event-store/src/port.js';
import { leafHash, merkleRoot, MerkleRootBuilder } from '../merkle/merkle-tree.js';
import { eventLeaf, type Seal } from '../seal/seal.js';
import type { Finding } from './findings.js';

// Rebuilds each seal's tree from the events now in its range of $all and compares it with the seal. A
// mismatch is named as precisely as the counts allow: one event too many is found by leaving each out in
// turn (the one whose absence restores the root was inserted), too few means events were removed.

/** Above this many leaves the leave-one-out search is skipped (it costs n trees of n leaves). */
const PINPOINT_LIMIT = 2048;

interface Leaf {
  leaf: Buffer;
  stream: string;
  revision: bigint;
  eventId: string;
  position: Position;
}

export interface RangeResult {
  seal: Seal;
  from: Position | undefined;
  to: Position;
  /** The events in the range hash to the seal's root. */
  intact: boolean;
  /** Event ids in the range that are not in the sealed tree (found by leave-one-out). */
  inserted: Set<string>;
  /** Streams with events in this range. */
  streams: Set<string>;
  findings: Finding[];
}

export class SealRangeChecker {
  private readonly ranges: Array<{ seal: Seal; from: Position | undefined; to: Position }>;
  private current = 0;
  private leaves: Leaf[] = [];
  readonly results: RangeResult[] = [];

  /** `seals` in seal order; ranges are (fromPosition, toPosition]. */
  constructor(seals: readonly Seal[]) {
    this.ranges = seals.map((seal) => ({
      seal,
      from: seal.fromPosition === null ? undefined : parsePosition(seal.fromPosition),
      to: parsePosition(seal.toPosition),
    }));
  }

  /** Feed non-seal events in $all order. Returns true if the event is covered by a seal. */
  add(event: RecordedEvent): boolean {
    while (this.current < this.ranges.length && comparePositions(event.position, this.ranges[this.current].to) > 0) {
      this.finish();
    }
    const range = this.ranges[this.current];
    if (!range) return false;
    if (range.from && comparePositions(event.position, range.from) <= 0) return false;
    this.leaves.push({
      leaf: eventLeaf(event.metadata.hash),
      stream: event.streamName,
      revision: event.revision,
      eventId: event.id,
      position: event.position,
    });
    return true;
  }

  /** Call once all events up to the last seal's position have been fed. */
  end(): RangeResult[] {
    while (this.current < this.ranges.length) this.finish();
    return this.results;
  }

  private finish(): void {
    const { seal, from, to } = this.ranges[this.current];
    const leaves = this.leaves;
    this.leaves = [];
    this.current++;
    const result: RangeResult = {
      seal,
      from,
      to,
      intact: false,
      inserted: new Set(),
      streams: new Set(leaves.map((l) => l.stream)),
      findings: [],
    };
    this.results.push(result);
    const root = merkleRoot(leaves.map((l) => l.leaf)).toString('hex');
    if (leaves.length === seal.treeSize && root === seal.merkleRoot) {
      result.intact = true;
      return;
    }
    const where = `sealed range #${seal.sealIndex} (${seal.fromPosition ?? 'start'} .. ${seal.toPosition}]`;
    const base = { sealIndex: seal.sealIndex, position: seal.toPosition };
    if (leaves.length === seal.treeSize + 1 && leaves.length <= PINPOINT_LIMIT) {
      const extra = leaveOneOut(
        leaves.map((l) => leafHash(l.leaf)),
        seal.merkleRoot,
      );
      if (extra >= 0) {
        const l = leaves[extra];
        result.inserted.add(l.eventId);
        result.findings.push({
          kind: 'inserted',
          stream: l.stream,
          revision: l.revision.toString(),
          eventId: l.eventId,
          position: formatPosition(l.position),
          sealIndex: seal.sealIndex,
          detail: `${where} does not match its seal: this event is not in the sealed tree (without it the range matches)`,
        });
        return;
      }
    }
    if (leaves.length < seal.treeSize) {
      result.findings.push({
        ...base,
        kind: 'removed',
        detail: `${where} does not match its seal: it covers ${seal.treeSize} events, ${leaves.length} are there`,
      });
      return;
    }
    result.findings.push({
      ...base,
      kind: 'sealed_range_mismatch',
      detail:
        `${where} does not match its seal: ${leaves.length} events (sealed: ${seal.treeSize}) hash to ` +
        `${root}, the seal says ${seal.merkleRoot}; events in it were altered, replaced or moved`,
    });
  }
}

/** The index whose leaf, left out, gives `root`; -1 if none does. */
function leaveOneOut(leafHashes: Buffer[], root: string): number {
  const prefix = new MerkleRootBuilder();
  for (let skip = 0; skip < leafHashes.length; skip++) {
    const tree = prefix.clone();
    for (let i = skip + 1; i < leafHashes.length; i++) tree.appendLeafHash(leafHashes[i]);
    if (tree.root().toString('hex') === root) return skip;
    prefix.appendLeafHash(leafHashes[skip]);
  }
  return -1;
}
