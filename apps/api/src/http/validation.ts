// class-validator at the edge: unknown fields are refused, not silently dropped; every failure is listed.
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { errorBody, type ErrorDetail } from './error-body.js';

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException(
        errorBody(400, 'VALIDATION_FAILED', `invalid request: ${details.map((d) => d.message).join('; ')}`, details),
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist" for unknown fields; keep its words.
      message: message.startsWith(error.property) ? `${prefix ? `${prefix}.` : ''}${message}` : `${field}: ${message}`,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
