// Errors Fastify answers before routing (a path that is not valid percent-encoded UTF-8, a path parameter over
// the length limit): by default in Fastify's own shape; here in the one error shape (error-body.ts).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body.js';
import { sendError } from './send-error.js';

const CODES: Record<string, string> = {
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const body =
    status >= 500
      ? errorBody(status, 'INTERNAL_ERROR', 'internal error; it has been logged')
      : errorBody(
          status,
          CODES[error.code] ?? 'BAD_REQUEST',
          'the URL is not valid (bad percent-encoding or too long)',
        );
  if (status >= 500) request.log.error({ code: error.code }, 'framework error before routing');
  sendError(reply, request.headers['accept-language'], body);
}
