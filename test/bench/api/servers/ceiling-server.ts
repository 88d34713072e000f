// The ceiling contender: the two command routes on bare Fastify, each request a JWT verification and one
// INSERT of one event row (the bench:store ceiling's table and statement), nothing else: what HTTP plus
// PostgreSQL cost on this machine. Env: DATABASE_URL (an empty database), PORT, HOST, AUTH_DEV_KEY_FILE.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { appraisalStreamName } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { ceiling } from '../../store/contenders/ceiling.js';
import {
  bearerVerifier,
  errorBody,
  HttpError,
  RATING_ROUTE,
  requiredEnv,
  SELF_ASSESSMENT_ROUTE,
  type RouteParams,
} from './server-common.js';

const POOL_SIZE = 20; // as the API's pool

const appender = await ceiling.open(requiredEnv('DATABASE_URL'), POOL_SIZE);
const principalOf = await bearerVerifier();
// Every row needs its own (stream, revision) key: one counter for the process keeps them apart.
let revision = 0n;

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
for (const [route, type] of [
  [SELF_ASSESSMENT_ROUTE, 'SelfAssessmentSubmitted.v1'],
  [RATING_ROUTE, 'SupervisorRatingSubmitted.v1'],
] as const) {
  app.post<{ Params: RouteParams; Body: Record<string, unknown> }>(route, async (request, reply) => {
    try {
      const principal = await principalOf(request.headers.authorization);
      const { cycleId, nip } = request.params;
      const at = revision++;
      const now = new Date().toISOString();
      const metadata = { actor: { id: principal.id, role: principal.roles[0] ?? 'UNKNOWN' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: now }; // prettier-ignore
      await appender.append(appraisalStreamName(cycleId, nip), [{ id: randomUUID(), type, data: request.body, metadata }], at); // prettier-ignore
      return await reply
        .code(201)
        .header('etag', `W/"${at + 1n}"`)
        .send({ revision: String(at + 1n) });
    } catch (error) {
      if (error instanceof HttpError) return reply.code(error.statusCode).send(errorBody(error));
      throw error;
    }
  });
}

await app.listen({ port: Number(requiredEnv('PORT')), host: requiredEnv('HOST') });
const stop = async () => {
  await app.close();
  await appender.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
