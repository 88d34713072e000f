// TEST STAND-IN ONLY - NOT EventStoreDB and never a runtime option. An in-memory gRPC server answering
// the subset of the EventStoreDB protocol that @eventstore/db-client uses for our adapter
// (ServerFeatures, Streams.Append, Streams.Read incl. subscriptions), so the adapter's tests run the
// real client on machines where no EventStoreDB can be installed. See README.md for what it leaves out.
import * as grpc from '@grpc/grpc-js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { InMemoryLog } from './in-memory-log.js';
import { createStreamsService } from './streams-service.js';

export interface EventStoreDbStandIn {
  /** e.g. esdb://127.0.0.1:PORT?tls=false */
  connectionString: string;
  stop(): Promise<void>;
}

const STAND_IN_VERSION = '24.10.0-in-memory-stand-in';

export async function startEventStoreDbStandIn(): Promise<EventStoreDbStandIn> {
  const log = new InMemoryLog();
  seedSystemEvents(log);
  const server = new grpc.Server();
  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, done: grpc.sendUnaryData<unknown>) => done(null, supportedMethods()),
  });
  server.addService(streamsGrpc.StreamsService, createStreamsService(log));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    async stop() {
      log.clearListeners();
      // Ends open subscriptions too (tryShutdown would wait for them forever).
      server.forceShutdown();
    },
  };
}

// Only what is implemented: in particular not BatchAppend, so the client falls back to Streams.Append.
function supportedMethods() {
  const { SupportedMethod, SupportedMethods } = serverFeaturesPb;
  const method = (serviceName: string, methodName: string) =>
    new SupportedMethod().setServiceName(serviceName).setMethodName(methodName);
  return new SupportedMethods()
    .setEventStoreServerVersion(STAND_IN_VERSION)
    .setMethodsList([
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      method('event_store.client.streams.streams', 'read'),
      method('event_store.client.streams.streams', 'append'),
    ]);
}

// A fresh server's $all already holds system events; adapters must skip them.
function seedSystemEvents(log: InMemoryLog): void {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  log.append('$users', 'any', [
    {
      id: '00000000-0000-4000-8000-000000000001',
      type: '$UserCreated',
      contentType: 'application/json',
      data: json({ loginName: 'admin' }),
      metadata: new Uint8Array(),
    },
  ]);
}
