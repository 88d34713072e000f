import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Config } from '../../../libs/config/src/config.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { AuthModule } from './auth/index.js';
import { EmployeeDirectoryController } from './employees/employee-directory/employee-directory.controller.js';
import { RegisterEmployeeController } from './employees/register-employee/register-employee.controller.js';
import { RegisterEmployeeHandler } from './employees/register-employee/register-employee.handler.js';
import { CommandExecutor } from './event-sourcing/command-executor.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController, type MetricsSource } from './metrics/metrics.controller.js';
import { CLOCK, CONFIG, INFRASTRUCTURE, PROJECTION_STATUS, type Clock } from './tokens.js';

export interface AppDependencies {
  config: Config;
  infrastructure: Infrastructure;
  metrics: MetricsSource;
  clock: Clock;
}

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), AuthModule.register(deps.config)],
      controllers: [HealthController, MetricsController, RegisterEmployeeController, EmployeeDirectoryController],
      providers: [
        { provide: CONFIG, useValue: deps.config },
        { provide: INFRASTRUCTURE, useValue: deps.infrastructure },
        { provide: PROJECTION_STATUS, useValue: deps.metrics },
        { provide: CLOCK, useValue: deps.clock },
        CommandExecutor,
        RegisterEmployeeHandler,
      ],
    };
  }
}
