import { formatPosition, type RecordedEvent } from '../../../event-store/src/port.js';
import { computeEventHash, GENESIS_HASH, recomputeHash } from '../hash-chain.js';
import type { Finding } from './findings.js';

// Per-stream checks. A cheap watch runs over $all and only flags streams that look wrong; each flagged
// stream is then read whole, in revision order, and every problem is named. The seals tell which hashes
// are genuine: an event in an intact sealed range carries the hash that was signed.

/** Whether an event lies in a sealed range, and whether that range still matches its seal. */
export type SealStatus = { sealIndex: number; intact: boolean; inserted: boolean } | undefined;

/** Streams this long are not searched for the revision a moved event was hashed for (quadratic). */
const REORDER_SEARCH_LIMIT = 10_000;

/**
 * Names every problem of one stream read forwards from revision 0. `sealStatusOf` says whether an event is
 * sealed (undefined: not sealed).
 */
export function classifyStream(
  events: readonly RecordedEvent[],
  sealStatusOf: (event: RecordedEvent) => SealStatus,
): Finding[] {
  const findings: Finding[] = [];
  const maxRevision = events.reduce((max, e) => (e.revision > max ? e.revision : max), -1n);
  let previous: { event: RecordedEvent; suspect: boolean } | undefined;
  for (const event of events) {
    const at = {
      stream: event.streamName,
      revision: event.revision.toString(),
      eventId: event.id,
      position: formatPosition(event.position),
    };
    const status = sealStatusOf(event);
    let suspect = false;
    const expected = previous ? previous.event.revision + 1n : 0n;
    if (previous && event.revision < expected) {
      findings.push({
        ...at,
        kind: 'reordered',
        detail: `revision ${event.revision} follows ${previous.event.revision}`,
      });
      suspect = true;
    } else if (event.revision > expected) {
      // Named by stream and revision only: the id and position at hand are those of the event after the gap.
      findings.push({
        stream: event.streamName,
        revision: expected.toString(),
        kind: 'removed',
        detail:
          event.revision - 1n === expected
            ? `revision ${expected} is missing (the stream goes on at ${event.revision})`
            : `revisions ${expected}..${event.revision - 1n} are missing (the stream goes on at ${event.revision})`,
      });
    }
    const contiguous = previous ? event.revision === previous.event.revision + 1n : event.revision === 0n;
    const expectedPrev = previous ? previous.event.metadata.hash : GENESIS_HASH;
    const linked = !contiguous || event.metadata.prevHash === expectedPrev;
    const hashMatches = event.metadata.hash === recomputeHash(event);

    if (!hashMatches) {
      suspect = true;
      const hashedFor = events.length <= REORDER_SEARCH_LIMIT ? revisionHashedFor(event, maxRevision + 1n) : undefined;
      if (hashedFor !== undefined) {
        findings.push({
          ...at,
          kind: 'reordered',
          detail: `stored at revision ${event.revision}, but its hash was made for revision ${hashedFor}`,
        });
      } else if (status?.inserted) {
        // Already named by the seal check.
      } else if (status?.intact) {
        findings.push({
          ...at,
          kind: 'altered',
          detail: `its content no longer matches its hash, which seal #${status.sealIndex} signed: changed after sealing`,
        });
      } else if (!linked) {
        findings.push({
          ...at,
          kind: 'inserted',
          detail: 'forged: its hash matches neither its content nor the link from the previous event',
        });
      } else {
        findings.push({
          ...at,
          kind: 'altered',
          detail:
            `its content no longer matches its hash` +
            (status ? '' : ' (not sealed yet: altered, or forged with a bad hash)'),
        });
      }
    } else if (!linked && !previous?.suspect && !status?.inserted) {
      suspect = true;
      const previousStatus = previous ? sealStatusOf(previous.event) : undefined;
      if (previous && status?.intact && !previousStatus?.intact) {
        // This event's hash was signed, so the one before it is the impostor.
        findings.push({
          stream: previous.event.streamName,
          revision: previous.event.revision.toString(),
          eventId: previous.event.id,
          position: formatPosition(previous.event.position),
          kind: 'altered',
          detail: `re-hashed after the fact: revision ${event.revision}, which is sealed, links to another hash`,
        });
      } else {
        findings.push({
          ...at,
          kind: 'inserted',
          detail: `its prevHash does not name ${previous ? `revision ${previous.event.revision}` : 'the genesis hash'}: forged or re-linked`,
        });
      }
    }
    if (!previous || event.revision > previous.event.revision) previous = { event, suspect };
  }
  return findings;
}

/** The revision (0..upTo) this event's stored hash was computed for, if another than where it is. */
function revisionHashedFor(event: RecordedEvent, upTo: bigint): bigint | undefined {
  const prevHash = typeof event.metadata.prevHash === 'string' ? event.metadata.prevHash : '';
  for (let revision = 0n; revision <= upTo; revision++) {
    if (revision === event.revision) continue;
    const hash = computeEventHash({
      stream: event.streamName,
      revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadataWithoutHash: event.metadata,
      prevHash,
    });
    if (hash === event.metadata.hash) return revision;
  }
  return undefined;
}

/**
 * Watches events in $all order and remembers streams whose chain does not continue cleanly there. Honest
 * stores can interleave a stream out of revision order in $all (a transaction that commits late), so a
 * flagged stream is only a candidate: classifyStream decides.
 */
export class ChainWatch {
  private readonly tips = new Map<string, { revision: bigint; hash: unknown }>();
  readonly flagged = new Set<string>();

  add(event: RecordedEvent): void {
    const tip = this.tips.get(event.streamName) ?? { revision: -1n, hash: GENESIS_HASH };
    if (
      event.revision !== tip.revision + 1n ||
      event.metadata.prevHash !== tip.hash ||
      event.metadata.hash !== recomputeHash(event)
    ) {
      this.flagged.add(event.streamName);
    }
    this.tips.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
  }

  get streams(): string[] {
    return [...this.tips.keys()];
  }
}
