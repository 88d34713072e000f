import { parsePosition, type EventStore, type Position } from '../../../event-store/src/port.js';
import { comparePositions } from '../../../event-store/src/port.js';
import { parseSeal, SEAL_STREAM, type Seal } from '../seal/seal.js';
import { buildEvidencePack, sealsNeeded, type EvidencePack, type EvidencePackInput } from './evidence-pack.js';

// Reads what an evidence pack needs through the EventStore port (the stream, the seal chain, the $all ranges
// of the seals that cover the stream) and builds it. The same on PostgreSQL and EventStoreDB.

export interface LoadEvidencePackOptions extends Pick<EvidencePackInput, 'publicKey' | 'createdAt' | 'withhold'> {
  /** Read without hash-chain decoration (the raw store): the pack shows what is stored. */
  store: EventStore;
  stream: string;
  pageSize?: number;
}

export async function loadEvidencePack(options: LoadEvidencePackOptions): Promise<EvidencePack> {
  const { store, stream } = options;
  const events = await store.readStream(stream);
  const seals = (await store.readStream(SEAL_STREAM))
    .map((e) => parseSeal(e.data))
    .filter((s): s is Seal => typeof s !== 'string');
  const ranges = new Map<number, Array<{ id: string; hash: unknown }>>();
  for (const seal of sealsNeeded(seals, events)) {
    ranges.set(seal.sealIndex, await rangeLeaves(store, seal, options.pageSize ?? 1000));
  }
  return buildEvidencePack({ ...options, events, seals, ranges });
}

/** The non-seal events of a seal's range (fromPosition, toPosition], in $all order. */
async function rangeLeaves(
  store: EventStore,
  seal: Seal,
  pageSize: number,
): Promise<Array<{ id: string; hash: unknown }>> {
  const to = parsePosition(seal.toPosition);
  const leaves: Array<{ id: string; hash: unknown }> = [];
  let cursor: Position | undefined = seal.fromPosition === null ? undefined : parsePosition(seal.fromPosition);
  for (;;) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: pageSize });
    for (const event of page) {
      if (comparePositions(event.position, to) > 0) return leaves;
      if (event.streamName !== SEAL_STREAM) leaves.push({ id: event.id, hash: event.metadata.hash });
    }
    if (page.length < pageSize) return leaves;
    cursor = page[page.length - 1].position;
  }
}
