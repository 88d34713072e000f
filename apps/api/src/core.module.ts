import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '../../../libs/config/src/config.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { CommandExecutor } from './event-sourcing/command-executor.js';
import type { MetricsSource } from './metrics/metrics.controller.js';
import { EventChainMonitor } from './audit/event-chain-monitor.js';
import { CLOCK, CONFIG, EVENT_CHAIN, INFRASTRUCTURE, PROJECTION_STATUS, type Clock } from './tokens.js';

export interface AppDependencies {
  config: Config;
  infrastructure: Infrastructure;
  metrics: MetricsSource;
  clock: Clock;
  /** Streams refused for a broken hash chain (createObservability counts them in /metrics). */
  eventChain?: EventChainMonitor;
}

/** What every feature module may inject: config, infrastructure, clock, metrics source, command executor. */
@Global()
@Module({})
export class CoreModule {
  static register(deps: AppDependencies): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: deps.config },
      { provide: INFRASTRUCTURE, useValue: deps.infrastructure },
      { provide: PROJECTION_STATUS, useValue: deps.metrics },
      { provide: CLOCK, useValue: deps.clock },
      { provide: EVENT_CHAIN, useValue: deps.eventChain ?? new EventChainMonitor() },
      CommandExecutor,
    ];
    return { module: CoreModule, providers, exports: providers };
  }
}
