// Sends an error body in the client's language (accept-language.ts), saying which language it is in.
import type { FastifyReply } from 'fastify';
import { localize } from './accept-language.js';
import type { ErrorBody } from './error-body.js';

export function sendError(reply: FastifyReply, acceptLanguage: string | string[] | undefined, body: ErrorBody): void {
  const localized = localize(body, acceptLanguage);
  const vary = reply.getHeader('vary');
  const varies = Array.isArray(vary) ? vary.join(', ') : String(vary ?? '');
  if (!/accept-language/i.test(varies))
    void reply.header('vary', varies ? `${varies}, Accept-Language` : 'Accept-Language');
  void reply.header('content-language', localized.language);
  void reply.status(body.statusCode).type('application/json').send(localized.body);
}
