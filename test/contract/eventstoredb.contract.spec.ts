// The shared event store contract for the EventStoreDB adapter, through the real @eventstore/db-client:
// always against the in-memory TEST stand-in (test/esdb-stand-in, not EventStoreDB), and also against a
// real server when EVENTSTORE_URL is set (e.g. the docker/compose.yaml cluster).
import { createEventStoreDbEventStore } from '../../libs/event-store/src/eventstoredb/index.js';
import { startEventStoreDbStandIn } from '../esdb-stand-in/server.js';
import { describeEventStoreContract } from './event-store-contract.js';

describeEventStoreContract('EventStoreDB adapter on the in-memory gRPC stand-in', async () => {
  const standIn = await startEventStoreDbStandIn();
  const store = createEventStoreDbEventStore({ connectionString: standIn.connectionString });
  return {
    store,
    async teardown() {
      await store.close();
      await standIn.stop();
    },
  };
});

const eventStoreUrl = process.env.EVENTSTORE_URL?.trim();
if (eventStoreUrl) {
  describeEventStoreContract(`EventStoreDB server at ${eventStoreUrl}`, async () => {
    const store = createEventStoreDbEventStore({ connectionString: eventStoreUrl });
    return { store, teardown: () => store.close() };
  });
}
