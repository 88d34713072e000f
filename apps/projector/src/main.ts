// `npm run projector`: runs every registered projection (one active instance per projection across all
// projector processes; extra ones stand by). Events come from the PostgreSQL store, or from EventStoreDB
// when EVENTSTORE_URL is set (openInfrastructure chooses the adapter); read models go to DATABASE_URL.
import { loadConfigOrExit } from '../../../libs/runtime/src/load-config-or-exit.js';
import { openInfrastructure, type Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { startConfiguredSealer } from '../../../libs/runtime/src/start-configured-sealer.js';
import { projectorLogger, startProjector } from '../../../libs/runtime/src/start-projector.js';
import { projections } from '../../../libs/read-models/src/registry.js';
import { shutdownSignal } from '../../../libs/runtime/src/shutdown-signal.js';
import { setProcessRole } from '../../../libs/runtime/src/process-role.js';
import { exitOnStartupFailure } from '../../../libs/runtime/src/startup-failure.js';

async function main(): Promise<number> {
  setProcessRole('projector');
  const config = loadConfigOrExit();
  const log = projectorLogger(config.logLevel);
  let infrastructure: Infrastructure;
  try {
    infrastructure = await openInfrastructure(config);
  } catch (error) {
    exitOnStartupFailure('projector', error);
  }
  const projector = startProjector({
    store: infrastructure.rawEventStore,
    db: infrastructure.readDb,
    connectionString: infrastructure.databaseUrl,
    log,
  });
  // Seals go through the hash-chained store: the seal stream has a chain of its own (README "Tamper evidence").
  const stopSealer = await startConfiguredSealer(config, infrastructure.eventStore, log);
  // SIGTERM (docker stop) and SIGINT: commit the batches in progress, release the locks, close. Listen before
  // saying we run: a supervisor that signals on that line must not find the default (kill) disposition.
  const stopping = shutdownSignal();
  log('info', `running ${projections.length} projection(s): ${projections.map((p) => p.name).join(', ') || 'none'}`);
  const signal = await stopping;
  log('info', `${signal}: stopping`);
  await stopSealer?.();
  await projector.stop();
  await infrastructure.close();
  return 0;
}

process.exitCode = await main();
