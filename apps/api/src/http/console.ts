// The web console (README "Console"; source in apps/console) served at /console, same origin as the API it
// calls. Its assets are built by `npm run build:console` (run by `npm start`'s prestart) into dist/console; when
// they are missing the API still starts and /console answers a 503 page saying how to build them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

export const CONSOLE_DIST_DIR = fileURLToPath(new URL('../../../../dist/console/', import.meta.url));

/**
 * Same origin only: scripts and styles from the built bundle (ECharts sets inline styles on its elements),
 * data: URLs for chart images; nothing from any other origin (no CDN: README "Console").
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Konsol belum dibangun</title></head>
<body><h1>Konsol belum dibangun / The console is not built</h1>
<p>Jalankan <code>npm run build:console</code> lalu muat ulang halaman ini.</p>
<p>Run <code>npm run build:console</code>, then reload this page.</p></body></html>
`;

export async function serveConsole(app: NestFastifyApplication, root = CONSOLE_DIST_DIR): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(`${root}/index.html`)) {
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply
        .status(503)
        .header('content-type', 'text/html; charset=utf-8')
        .header('retry-after', '60')
        .send(NOT_BUILT_PAGE);
    fastify.get('/console', notBuilt);
    fastify.get('/console/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/console/',
    index: 'index.html',
    setHeaders: (reply: FastifyReply) => {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      void reply.header('x-content-type-options', 'nosniff');
    },
  });
  // Relative asset URLs resolve from /console/, so the bare path moves there.
  fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
}
