import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from './port.js';

/** Base of the decorators that change how events are appended and pass everything else to the adapter. */
export abstract class ForwardingEventStore<Inner extends EventStore = EventStore> implements EventStore {
  constructor(protected readonly inner: Inner) {}

  abstract appendToStream(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
