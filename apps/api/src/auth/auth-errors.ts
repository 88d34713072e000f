// The guard's refusals, already in the shared error shape so any exception filter can pass them through.
import { HttpException } from '@nestjs/common';
import { errorBody } from '../http/error-body.js';

export function unauthenticated(message: string, cause?: unknown): HttpException {
  return new HttpException(errorBody(401, 'UNAUTHENTICATED', message), 401, { cause });
}

export function forbidden(message: string): HttpException {
  return new HttpException(errorBody(403, 'FORBIDDEN', message), 403);
}

export function authUnavailable(cause: unknown): HttpException {
  return new HttpException(
    errorBody(503, 'AUTH_UNAVAILABLE', 'the identity provider cannot be reached; try again shortly'),
    503,
    { cause },
  );
}
