import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/index.js';
import { CoreModule, type AppDependencies } from './core.module.js';
import { DevModule } from './dev/dev.module.js';
import { isProductionMode } from './dev/dev-tokens.controller.js';
import { featureModules } from './features.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';

export type { AppDependencies } from './core.module.js';

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        AuthModule.register(deps.config),
        CoreModule.register(deps),
        ...featureModules,
        // The console's demo-user picker (README "Console"): never served in production mode.
        ...(isProductionMode(deps.config) ? [] : [DevModule]),
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
