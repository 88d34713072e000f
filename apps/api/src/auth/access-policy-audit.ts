import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_POLICY } from './access-policy.js';

/**
 * Lists route handlers with neither @Public() nor @Allow() at start-up. The guard already refuses them;
 * this makes the forgotten decorator visible before someone gets a 403, and lets a test assert none exist.
 */
@Injectable()
export class AccessPolicyAudit implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const missing = this.routesWithoutAccessPolicy();
    if (missing.length > 0) {
      this.logger.warn(`refused for everyone, no @Public()/@Allow(): ${missing.join(', ')}`);
    }
  }

  /** `Controller.method` of every route handler without an access policy, sorted. */
  routesWithoutAccessPolicy(): string[] {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (typeof controller !== 'function') continue;
      const classPolicy: unknown = Reflect.getMetadata(ACCESS_POLICY, controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (classPolicy === undefined && Reflect.getMetadata(ACCESS_POLICY, handler) === undefined) {
          missing.push(`${controller.name}.${name}`);
        }
      }
    }
    return missing.sort();
  }
}
