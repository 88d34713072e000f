// Opens the infrastructure, runs the projections in-process when PROJECTOR=embedded, and serves HTTP.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from '../../../libs/config/src/config.js';
import { openInfrastructure, type Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { migrateProjectionTables } from '../../../libs/projections/src/projection-tables.js';
import { startConfiguredSealer } from '../../../libs/runtime/src/start-configured-sealer.js';
import { startProjector, storedProjectionMetrics, type Projector } from '../../../libs/runtime/src/start-projector.js';
import { createApi } from './create-api.js';
import { createApiLogger, projectionLogger } from './observability/logger.js';
import type { ObservabilityOptions } from './observability/observability.js';
import { systemClock, type Clock } from './tokens.js';

export interface RunningApi {
  app: NestFastifyApplication;
  infrastructure: Infrastructure;
  projector?: Projector;
  stop(): Promise<void>;
}

export async function startApi(
  config: Config,
  options: { clock?: Clock; listen?: boolean } & ObservabilityOptions = {},
): Promise<RunningApi> {
  const infrastructure = await openInfrastructure(config);
  // One JSON logger for the process: HTTP, Nest and the embedded projection runners (README "Logging").
  const logger = createApiLogger(config.logLevel, options.logDestination);
  await migrateProjectionTables(infrastructure.readDb);
  const projector =
    config.projector === 'embedded'
      ? startProjector({
          store: infrastructure.rawEventStore,
          db: infrastructure.readDb,
          connectionString: infrastructure.databaseUrl,
          log: projectionLogger(logger),
        })
      : undefined;
  // The sealer runs where the projections run (README "Tamper evidence").
  const sealerLog = logger.child({ context: 'sealer' });
  const stopSealer =
    config.projector === 'embedded'
      ? await startConfiguredSealer(config, infrastructure.eventStore, (level, message) => sealerLog[level](message))
      : undefined;
  const metrics =
    projector ?? storedProjectionMetrics({ store: infrastructure.rawEventStore, db: infrastructure.readDb });
  const app = await createApi({ config, infrastructure, metrics, clock: options.clock ?? systemClock }, { logger });
  if (options.listen === false) {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } else {
    await app.listen(config.port, config.host);
  }
  return {
    app,
    infrastructure,
    projector,
    async stop() {
      await app.close();
      await stopSealer?.();
      await projector?.stop();
      await infrastructure.close();
    },
  };
}
