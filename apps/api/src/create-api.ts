// Builds the Nest app on Fastify with everything that makes it ours: validation, one error shape,
// OpenAPI at /docs. Used by main.ts and by the end-to-end tests, so tests run the real thing.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppDependencies } from './app.module.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { createValidationPipe } from './http/validation.js';

/** Request bodies beyond this are refused with 413 before any parsing. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApi(deps: AppDependencies): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(deps),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    { logger: deps.config.logLevel === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'] },
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kinerja Ledger API')
      .setDescription('Event-sourced performance appraisal of ASN: every change is an immutable event.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
