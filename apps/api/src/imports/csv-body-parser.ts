// Fastify parses only JSON and text/plain by default. The import routes take `text/csv` bodies up to 20 MiB
// (a 100k-row employees file is ~10 MiB) while every other route keeps the app's 1 MiB limit: the limit is
// set on this content type's parser, registered before the server starts.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const CSV_CONTENT_TYPE = 'text/csv';
export const CSV_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(CSV_CONTENT_TYPE)) return;
    // The body stays bytes: the import decodes it as UTF-8 itself and reports a file that is not.
    fastify.addContentTypeParser(
      CSV_CONTENT_TYPE,
      { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }
}
