// Builds the Nest app on Fastify with everything that makes it ours: validation, one error shape,
// OpenAPI at /docs. Used by main.ts and by the end-to-end tests, so tests run the real thing.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppDependencies } from './app.module.js';
import { registerAuthFailureLimit } from './auth/auth-failure-limit.js';
import { serveConsole } from './http/console.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { answerFrameworkError } from './http/framework-errors.js';
import { parseJsonBody } from './http/json-body.js';
import { serveOpenApi } from './http/openapi.js';
import { RequestEdgeGuard } from './http/request-edge.guard.js';
import { createValidationPipe } from './http/validation.js';
import { createObservability, type ObservabilityOptions } from './observability/observability.js';

/** Request bodies beyond this are refused with 413 before any parsing. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApi(
  appDeps: AppDependencies,
  observabilityOptions: ObservabilityOptions = {},
): Promise<NestFastifyApplication> {
  // JSON logs, metrics and read-your-writes (README "Logging", "Metrics", "Read-your-writes").
  const observability = createObservability(appDeps, observabilityOptions);
  const deps = observability.deps;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(deps),
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      frameworkErrors: answerFrameworkError,
      ...observability.fastifyOptions,
    }),
    { logger: observability.nestLogger },
  );
  observability.install(app);
  // Ours instead of Fastify's: it bounds nesting before parsing (README "Errors").
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.useGlobalGuards(new RequestEdgeGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  await registerAuthFailureLimit(app, deps.config.auth.failureLimitPerMinute);
  app.enableShutdownHooks();
  serveOpenApi(app);
  await serveConsole(app);
  return app;
}
