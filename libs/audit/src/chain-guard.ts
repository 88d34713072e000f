import type { RecordedEvent } from '../../event-store/src/port.js';
import { GENESIS_HASH, recomputeHash, type ChainProblem } from './hash-chain.js';

// For command handlers: a stream entering memory is checked before anything is appended onto it, so a
// command never writes onto a forged tip. Cheap (one SHA-256 per event, once per load).

export class BrokenChainError extends Error {
  override readonly name = 'BrokenChainError';
  readonly code = 'EVENT_CHAIN_BROKEN';
  constructor(
    readonly stream: string,
    readonly problems: ChainProblem[],
  ) {
    super(
      `stream ${stream} fails its hash chain at revision ${problems[0].revision} (${problems[0].kind}): ` +
        'run `npm run cli -- verify --stream` for the full report',
    );
  }
}

/** Where a partial read starts from: the last event already checked (e.g. kept in memory). */
export interface ChainTip {
  revision: bigint;
  hash: string;
}

/**
 * Throws BrokenChainError unless `events` (read forwards, from revision 0 or right after `after`) have
 * contiguous revisions, hashes that match their content, and links to their predecessors.
 */
export function requireIntactChain(stream: string, events: readonly RecordedEvent[], after?: ChainTip): void {
  const problems: ChainProblem[] = [];
  let revision = after ? after.revision : -1n;
  let hash: unknown = after ? after.hash : GENESIS_HASH;
  for (const event of events) {
    if (event.streamName !== stream) {
      throw new RangeError(`requireIntactChain(${stream}) was given an event of ${event.streamName}`);
    }
    if (event.revision !== revision + 1n) {
      problems.push({
        revision: event.revision,
        kind: event.revision > revision + 1n ? 'gap' : 'reordered',
        detail: `expected revision ${revision + 1n}`,
      });
    } else if (event.metadata.prevHash !== hash) {
      problems.push({
        revision: event.revision,
        kind: 'broken_link',
        detail: 'prevHash does not name the previous event',
      });
    }
    if (event.metadata.hash !== recomputeHash(event)) {
      problems.push({ revision: event.revision, kind: 'altered', detail: 'stored hash does not match the content' });
    }
    revision = event.revision;
    hash = event.metadata.hash;
  }
  if (problems.length > 0) throw new BrokenChainError(stream, problems);
}
