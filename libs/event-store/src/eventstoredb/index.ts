// EventStoreDB adapter of the event store port, through @eventstore/db-client.
export { createEventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store.js';
