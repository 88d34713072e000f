import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/index.js';
import { CoreModule, type AppDependencies } from './core.module.js';
import { featureModules } from './features.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';

export type { AppDependencies } from './core.module.js';

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), AuthModule.register(deps.config), CoreModule.register(deps), ...featureModules],
      controllers: [HealthController, MetricsController],
    };
  }
}
