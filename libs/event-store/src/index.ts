// The event store library: the port, its errors, the PostgreSQL adapter and the hash-chaining decorator.
// (The EventStoreDB adapter is imported from ./eventstoredb/ directly, so its client loads only when used.)
export * from './port.js';
export * from './errors.js';
export * from './postgres/index.js';
export { HashChainedEventStore, type HashChainedEventStoreOptions } from './hash-chained-event-store.js';
