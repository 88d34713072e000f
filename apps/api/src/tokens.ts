// Injection tokens for what the API gets from outside Nest (built before the app, closed after it).
export const CONFIG = Symbol('CONFIG');
export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');
export const CLOCK = Symbol('CLOCK');
export const PROJECTION_STATUS = Symbol('PROJECTION_STATUS');
export const EVENT_CHAIN = Symbol('EVENT_CHAIN');

/** Injected clock, so commands carry their time in and tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
