// A rebuild reads every event anyway: it checks each stream's hash chain on the way (README "Tamper
// evidence") and reports what it found, instead of projecting altered history silently. Findings name the
// stream: they go to the operator running the rebuild, not to logs.
import { recomputeHash, GENESIS_HASH } from '../../audit/src/hash-chain.js';
import {
  comparePositions,
  formatPosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../../event-store/src/port.js';

export interface ChainFinding {
  stream: string;
  revision: string;
  eventId: string;
  position: string;
  kind: 'altered' | 'gap' | 'reordered' | 'broken_link';
  detail: string;
}

export class RebuildChainCheck {
  readonly findings: ChainFinding[] = [];
  private readonly tips = new Map<string, { revision: bigint; hash: unknown }>();
  private last: Position | undefined;

  /** Events in $all order; one seen before (a re-read after a takeover) is skipped. */
  see(event: RecordedEvent): void {
    if (this.last && comparePositions(event.position, this.last) <= 0) return;
    this.last = event.position;
    const at = {
      stream: event.streamName,
      revision: String(event.revision),
      eventId: event.id,
      position: formatPosition(event.position),
    };
    const tip = this.tips.get(event.streamName) ?? { revision: -1n, hash: GENESIS_HASH };
    if (event.revision !== tip.revision + 1n) {
      this.findings.push({
        ...at,
        kind: event.revision > tip.revision + 1n ? 'gap' : 'reordered',
        detail: `expected revision ${tip.revision + 1n}`,
      });
    } else if (event.metadata.prevHash !== tip.hash) {
      this.findings.push({ ...at, kind: 'broken_link', detail: 'prevHash does not name the previous event' });
    }
    if (event.metadata.hash !== recomputeHash(event)) {
      this.findings.push({ ...at, kind: 'altered', detail: 'stored hash does not match the content' });
    }
    this.tips.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
  }

  /** The same store, with every event its $all subscriptions deliver shown to `see` first. */
  tap(store: EventStore): EventStore {
    return new Proxy(store, {
      get: (target, property) => {
        if (property === 'subscribeToAll') {
          return (options?: Parameters<EventStore['subscribeToAll']>[0]) => {
            const subscription = target.subscribeToAll(options);
            const see = (event: RecordedEvent) => this.see(event);
            return {
              close: () => subscription.close(),
              async *[Symbol.asyncIterator]() {
                for await (const message of subscription) {
                  if (message.kind === 'event') see(message.event);
                  yield message;
                }
              },
            };
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
