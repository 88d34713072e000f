import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../../libs/auth/src/index.js';
import { principalOf } from './request-principal.js';

/** What a command route hands its runner: who calls, the request headers, and the reply for headers such as ETag. */
export interface CommandRequest {
  principal: Principal;
  headers: Record<string, string | undefined>;
  reply: FastifyReply;
}

/**
 * The caller, headers and reply of an @Allow route in one parameter. Unlike @Res(), it leaves sending the reply
 * to Nest (as `passthrough: true` did), so headers set on `reply` go out with the returned body; and, being a
 * custom decorator, it adds nothing to the OpenAPI document.
 */
export const CommandRequest = createParamDecorator((_data: unknown, context: ExecutionContext): CommandRequest => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest>();
  const principal = principalOf(request);
  if (!principal) throw new Error('@CommandRequest() used on a route without an authenticated principal');
  return {
    principal,
    headers: request.headers as Record<string, string | undefined>,
    reply: http.getResponse<FastifyReply>(),
  };
});
