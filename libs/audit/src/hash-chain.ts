import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../../event-store/src/port.js';
import { canonicalJson } from './canonical-json.js';

// Per-stream hash chain: each event's metadata carries `prevHash` (the previous event's hash, GENESIS_HASH
// for revision 0) and `hash`, the SHA-256 of the canonical JSON of everything that makes the event.
// Altering, removing, inserting or reordering an event breaks the chain from that point on.

export const GENESIS_HASH = '0'.repeat(64);

export interface EventHashInput {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  /** The event's metadata without `hash` (with `prevHash`). A `hash` key, if present, is ignored. */
  metadataWithoutHash: Record<string, unknown>;
  prevHash: string;
}

/** SHA-256 (hex) over the canonical JSON of the input; the revision is hashed as a decimal string. */
export function computeEventHash(input: EventHashInput): string {
  const { hash: _ignored, ...metadataWithoutHash } = input.metadataWithoutHash;
  const canonical = canonicalJson({
    stream: input.stream,
    revision: input.revision.toString(),
    id: input.id,
    type: input.type,
    data: input.data,
    metadataWithoutHash,
    prevHash: input.prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The hash an event should carry, recomputed from what was stored. */
export function recomputeHash(event: RecordedEvent): string {
  return computeEventHash({
    stream: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadataWithoutHash: event.metadata,
    prevHash: typeof event.metadata.prevHash === 'string' ? event.metadata.prevHash : '',
  });
}

export type ChainProblemKind = 'altered' | 'broken_link' | 'gap' | 'reordered';

export interface ChainProblem {
  /** Revision of the event where the problem shows. */
  revision: bigint;
  kind: ChainProblemKind;
  detail: string;
}

export type ChainVerification = { ok: true } | { ok: false; problems: ChainProblem[] };

/**
 * Checks one stream read forwards from its start: revisions contiguous from 0 (else `gap` for missing
 * revisions, `reordered` for one that goes back or repeats), each event's hash matching its content
 * (`altered`), and each `prevHash` equal to the previous event's hash (`broken_link`).
 */
export function verifyStreamChain(events: RecordedEvent[]): ChainVerification {
  const problems: ChainProblem[] = [];
  let previous: RecordedEvent | undefined;
  for (const event of events) {
    const expectedRevision = previous ? previous.revision + 1n : 0n;
    const { revision } = event;
    if (previous && revision <= previous.revision) {
      problems.push({ revision, kind: 'reordered', detail: `revision ${revision} follows ${previous.revision}` });
    } else if (revision !== expectedRevision) {
      problems.push({
        revision,
        kind: 'gap',
        detail: `revisions ${expectedRevision}..${revision - 1n} are missing`,
      });
    }

    const storedHash = event.metadata.hash;
    const recomputed = recomputeHash(event);
    if (storedHash !== recomputed) {
      problems.push({
        revision,
        kind: 'altered',
        detail: `stored hash ${String(storedHash)} does not match content hash ${recomputed}`,
      });
    }

    // A link is only judged between neighbours; a missing neighbour is already reported as a gap.
    const linked = previous ? revision === previous.revision + 1n : revision === 0n;
    if (linked) {
      const expectedPrev = previous ? previous.metadata.hash : GENESIS_HASH;
      if (event.metadata.prevHash !== expectedPrev) {
        problems.push({
          revision,
          kind: 'broken_link',
          detail: `prevHash ${String(event.metadata.prevHash)} is not the previous hash ${String(expectedPrev)}`,
        });
      }
    }
    // A reordered event does not move the chain's tip back.
    if (!previous || revision > previous.revision) previous = event;
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
