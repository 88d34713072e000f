// Who may call a route. Deny by default: a route needs exactly one of @Public() or @Allow(...roles), on the
// handler or its controller (the handler's wins). The guard refuses routes with neither.
import 'reflect-metadata';
import { UseInterceptors } from '@nestjs/common';
import type { Role } from '../../../../libs/auth/src/index.js';
import { IdempotencyInterceptor } from '../event-sourcing/idempotency.interceptor.js';

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** No token needed (health, metrics, docs). */
export function Public(): MethodDecorator & ClassDecorator {
  return accessPolicy({ kind: 'public' });
}

/**
 * A valid bearer token holding any of `roles`. The order matters for one thing: a principal holding several
 * of them acts (in event metadata, via actorFrom) under the first one listed here. Authenticated command routes
 * also get safe retries (Idempotency-Key, client-chosen item ids: README "Idempotency and retries").
 */
export function Allow(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Allow() needs at least one role');
  const policy = accessPolicy({ kind: 'roles', roles: Object.freeze([...new Set(roles)]) });
  const idempotency = UseInterceptors(IdempotencyInterceptor);
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    policy(target, key as string | symbol, descriptor as PropertyDescriptor);
    if (key === undefined) (idempotency as ClassDecorator)(target as never);
    else (idempotency as MethodDecorator)(target, key, descriptor as PropertyDescriptor);
  };
}

function accessPolicy(policy: AccessPolicy): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor?.value ?? target;
    // Two policies on one target would make the outcome depend on decorator order: refuse at load time.
    if (Reflect.hasOwnMetadata(ACCESS_POLICY, holder)) {
      const where = key === undefined ? (target as { name?: string }).name : String(key);
      throw new Error(`${where ?? 'target'} has more than one access decorator (@Public/@Allow)`);
    }
    Reflect.defineMetadata(ACCESS_POLICY, policy, holder);
  };
}
