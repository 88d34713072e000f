// Failed authentication is rate-limited per client address with @fastify/rate-limit (README "Identity and
// access"): only requests whose token is missing, malformed or fails verification count, so a valid token is never
// limited, also from an address that is over the limit. Over the limit a failure answers 429 TOO_MANY_REQUESTS with
// Retry-After instead of 401. Requests are still verified first: telling a valid token from a bad one needs that.
import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '../http/error-body.js';

/** The window AUTH_FAILURE_LIMIT counts in. */
const WINDOW_MS = 60_000;

export const AUTH_FAILURE_LIMIT = Symbol('AUTH_FAILURE_LIMIT');

/** Registers the plugin on the app's Fastify instance (from createApi, before the app starts). */
export async function registerAuthFailureLimit(app: NestFastifyApplication, failuresPerMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, max: failuresPerMinute, timeWindow: WINDOW_MS });
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

@Injectable()
export class AuthFailureLimit {
  private readonly logger = new Logger('auth');
  private limiter: Limiter | null | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_FAILURE_LIMIT) private readonly failuresPerMinute: number,
  ) {}

  /**
   * Counts one failed authentication of `request`'s address; returns the 429 to answer instead of `refusal` when
   * the address is over the limit, else `refusal` itself.
   */
  async refuse(
    request: FastifyRequest,
    reply: { header(name: string, value: string): unknown },
    refusal: HttpException,
  ) {
    const limiter = this.limiterFor();
    if (!limiter) return refusal;
    const state = await limiter(request);
    if (state.isAllowed || !state.isExceeded) return refusal;
    void reply.header('Retry-After', String(state.ttlInSeconds));
    return new HttpException(
      errorBody(
        429,
        'TOO_MANY_REQUESTS',
        `too many failed authentications from this address (more than ${state.max} a minute); ` +
          `try again in ${state.ttlInSeconds} s`,
      ),
      429,
      { cause: refusal },
    );
  }

  private limiterFor(): Limiter | null {
    if (this.limiter !== undefined) return this.limiter;
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && typeof fastify.createRateLimit === 'function') {
      this.limiter = fastify.createRateLimit({ max: this.failuresPerMinute, timeWindow: WINDOW_MS });
    } else {
      // An app assembled without createApi (a unit test of a module): nothing to count with.
      this.logger.warn('@fastify/rate-limit is not registered: failed authentications are not rate-limited');
      this.limiter = null;
    }
    return this.limiter;
  }
}
