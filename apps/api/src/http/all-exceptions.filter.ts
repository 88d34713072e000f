// Every error leaves in one JSON shape (error-body.ts). No request, however malformed, may produce a 500:
// Fastify's own 4xx errors (bad JSON, body too large, wrong content type) keep their status. An unknown route is
// 404 ROUTE_NOT_FOUND. The message is in Bahasa Indonesia when the client asks for it (Accept-Language: id).
import { ArgumentsHost, Catch, HttpException, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../libs/shared-kernel/src/domain-error.js';
import { WrongExpectedVersionError } from '../../../../libs/event-store/src/errors.js';
import { ProjectionNotBuiltError } from '../../../../libs/projections/src/projection.js';
import { errorBody, type ErrorBody } from './error-body.js';
import { sendError } from './send-error.js';

const STATUS_FOR_DOMAIN_ERROR = {
  invalid: 400,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  unprocessable: 422,
} as const;

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const body = isUnknownRoute(exception, request)
      ? errorBody(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)
      : this.toBody(exception);
    if (body.statusCode >= 500) {
      // Name and stack only: messages and bodies may carry personal data.
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${error.name}: unhandled`, error.stack);
    }
    const headers = (exception as { getResponse?: () => unknown })?.getResponse?.() as
      { headers?: Record<string, string> } | undefined;
    for (const [name, value] of Object.entries(headers?.headers ?? {})) void reply.header(name, value);
    sendError(reply, request?.headers?.['accept-language'], body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(STATUS_FOR_DOMAIN_ERROR[exception.kind], exception.code, exception.message, exception.details);
    }
    if (exception instanceof WrongExpectedVersionError) {
      return errorBody(409, 'CONCURRENT_MODIFICATION', `${exception.stream} changed meanwhile; read it again`);
    }
    if (exception instanceof ProjectionNotBuiltError) {
      return errorBody(503, 'READ_MODEL_NOT_READY', `the ${exception.projection} read model is still being built`);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response && 'message' in response) {
        const r = response as ErrorBody;
        return errorBody(status, r.code, r.message, r.details);
      }
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return errorBody(status, CODE_FOR_STATUS[status] ?? `HTTP_${status}`, message);
    }
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's errors (FST_ERR_CTP_INVALID_JSON, FST_ERR_CTP_BODY_TOO_LARGE, ...)
      const message = exception instanceof Error ? exception.message : 'bad request';
      return errorBody(status, CODE_FOR_STATUS[status] ?? `HTTP_${status}`, message);
    }
    return errorBody(500, 'INTERNAL_ERROR', 'internal error; it has been logged');
  }
}

/** Nest answers a request no route matches by throwing NotFoundException from Fastify's not-found handler. */
function isUnknownRoute(exception: unknown, request: FastifyRequest | undefined): request is FastifyRequest {
  return exception instanceof NotFoundException && request?.is404 === true;
}
