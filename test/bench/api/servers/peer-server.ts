// The peer contender: what a team would otherwise build with Emmett. The same two routes on bare Fastify, the
// same JWT check, a minimal body check, then Emmett's CommandHandler over Emmett's PostgreSQL event store:
// read and fold the appraisal stream, run the same decider as the API (libs/appraisal), append with the
// expected stream version. It skips what the API does besides (cycle and employee facts, access rules, the
// hash chain, idempotency): the cycle phase is taken as ASSESSMENT, conflicts of interest as none.
// Before listening it copies the appraisal streams (every event the bench appended) from the API's database
// into its own, so both start from the same data.
// Env: DATABASE_URL (an empty database), SEED_FROM_URL (the API's), SEED_STREAM_PREFIX, PORT, HOST,
// AUTH_DEV_KEY_FILE.
import { CommandHandler, STREAM_DOES_NOT_EXIST, type Event as EmmettEvent } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import Fastify from 'fastify';
import pg from 'pg';
import type {
  SubmitSelfAssessment,
  SubmitSupervisorRating,
} from '../../../../libs/appraisal/src/appraisal/appraisal-commands.js';
import { appraisalStreamName, type AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type AppraisalState,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { decideSubmitSelfAssessment } from '../../../../libs/appraisal/src/submit-self-assessment/submit-self-assessment.js';
import { decideSubmitSupervisorRating } from '../../../../libs/appraisal/src/submit-supervisor-rating/submit-supervisor-rating.js';
import { builtInLevelledCodes } from '../../../../libs/competency/src/built-in/catalogue.js';
import { storeNames } from '../../../../libs/event-store/src/postgres/names.js';
import { forEachBounded } from '../../../../libs/organization-import/src/engine/bounded-pool.js';
import { DomainError } from '../../../../libs/shared-kernel/src/domain-error.js';
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
const DOMAIN_STATUS = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403, unprocessable: 422 } as const;

type StoredEvent = EmmettEvent<string, Record<string, unknown>, Record<string, unknown>>;

const databaseUrl = requiredEnv('DATABASE_URL');
const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
pool.on('error', () => undefined);
const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } });
// Emmett (its dumbo layer) parses jsonb with a reviver that turns digit strings longer than 15 characters into
// BigInt: an 18-digit NIP would come back as a bigint and never equal the token's NIP. Plain JSON instead (it
// installs its parsers when the store is created, above, so these win).
pg.types.setTypeParser(pg.types.builtins.JSONB, JSON.parse);
pg.types.setTypeParser(pg.types.builtins.JSON, JSON.parse);
await store.schema.migrate();
await copyStreams(requiredEnv('SEED_FROM_URL'), requiredEnv('SEED_STREAM_PREFIX'));

const handle = CommandHandler<AppraisalState, StoredEvent>({
  evolve: (state, event) => evolveAppraisal(state, { type: event.type, data: event.data } as unknown as AppraisalEvent),
  initialState: initialAppraisalState,
});
const principalOf = await bearerVerifier();

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.post<{ Params: RouteParams; Body: SubmitSelfAssessment['data'] }>(SELF_ASSESSMENT_ROUTE, (request, reply) =>
  run(request, reply, (body, actorNip, now) => (state) => {
    requireFields(body, { rhk: 'array', values: 'array', hasilKerja: 'string', perilaku: 'string' });
    // The defaults the API's request mapping fills in.
    const data: SubmitSelfAssessment['data'] = {
      ...body,
      rhk: body.rhk.map((r) => ({ ...r, note: r.note ?? '', evidenceIds: r.evidenceIds ?? [] })),
      values: body.values.map((v) => ({ ...v, note: v.note ?? '' })),
    };
    const command: SubmitSelfAssessment = { type: 'SubmitSelfAssessment', now, actorNip, cyclePhase: 'ASSESSMENT', data }; // prettier-ignore
    return decideSubmitSelfAssessment(command, state);
  }),
);
app.post<{ Params: RouteParams; Body: SubmitSupervisorRating['data'] }>(RATING_ROUTE, (request, reply) =>
  run(request, reply, (body, actorNip, now) => (state) => {
    requireFields(body, { realisations: 'array', hasilKerja: 'string', perilaku: 'string', valueNotes: 'array' });
    // The defaults the API's request mapping fills in.
    const data: SubmitSupervisorRating['data'] = {
      ...body,
      realisations: body.realisations.map((r) => ({ ...r, value: r.value ?? null, narrative: r.narrative ?? null })),
      justification: body.justification ?? null,
      evidenceIds: body.evidenceIds ?? [],
      competencyLevels: body.competencyLevels ?? [],
    };
    const command: SubmitSupervisorRating = {
      type: 'SubmitSupervisorRating',
      now,
      actorNip,
      cyclePhase: 'ASSESSMENT',
      data,
      activeConflictOfInterestIds: [],
      populationDetermined: false,
      knownCompetencyCodes: builtInLevelledCodes(),
    };
    return decideSubmitSupervisorRating(command, state);
  }),
);

type Decide<Body> = (body: Body, actorNip: string, now: string) => (state: AppraisalState) => AppraisalEvent[];

async function run<Body>(
  request: { params: RouteParams; body: Body; headers: { authorization?: string } },
  reply: import('fastify').FastifyReply,
  decide: Decide<Body>,
) {
  try {
    const principal = await principalOf(request.headers.authorization);
    if (!principal.nip) throw new HttpError(403, 'FORBIDDEN', 'the token names no civil servant');
    const { cycleId, nip } = request.params;
    const decideOn = decide(request.body, principal.nip, new Date().toISOString());
    const result = await handle(store, appraisalStreamName(cycleId, nip), (state) => decideOn(state) as unknown as StoredEvent[]); // prettier-ignore
    const revision = result.nextExpectedStreamVersion - 1n;
    return await reply
      .code(201)
      .header('etag', `W/"${revision}"`)
      .send({ revision: String(revision) });
  } catch (error) {
    if (error instanceof HttpError) return reply.code(error.statusCode).send(errorBody(error));
    if (error instanceof DomainError) {
      return reply.code(DOMAIN_STATUS[error.kind]).send(errorBody(new HttpError(DOMAIN_STATUS[error.kind], error.code, error.message))); // prettier-ignore
    }
    if ((error as { name?: string }).name === 'ExpectedVersionConflictError') {
      return reply.code(409).send(errorBody(new HttpError(409, 'STALE_REVISION', 'the appraisal changed meanwhile')));
    }
    throw error;
  }
}

function requireFields(body: unknown, fields: Record<string, 'array' | 'string'>): void {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const [field, kind] of Object.entries(fields)) {
    const ok = kind === 'array' ? Array.isArray(record[field]) : typeof record[field] === 'string';
    if (!ok)
      throw new HttpError(400, 'VALIDATION_FAILED', `${field} must be a${kind === 'array' ? 'n array' : ' string'}`);
  }
}

/** Every event of the streams named `<prefix>…` in the API's store, appended to Emmett's in the same order. */
async function copyStreams(sourceUrl: string, prefix: string): Promise<void> {
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  let rows: { stream_name: string; event_type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[]; // prettier-ignore
  try {
    ({ rows } = await source.query(
      `SELECT stream_name, event_type, data, metadata FROM ${storeNames().events}
       WHERE starts_with(stream_name, $1) ORDER BY stream_name, stream_revision`,
      [prefix],
    ));
  } finally {
    await source.end();
  }
  const streams = new Map<string, StoredEvent[]>();
  for (const row of rows) {
    const events = streams.get(row.stream_name) ?? [];
    events.push({ type: row.event_type, data: row.data, metadata: row.metadata });
    streams.set(row.stream_name, events);
  }
  await forEachBounded([...streams], POOL_SIZE, async ([name, events]) => {
    await store.appendToStream(name, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
  });
  process.stderr.write(`peer: copied ${rows.length} events of ${streams.size} streams\n`);
}

await app.listen({ port: Number(requiredEnv('PORT')), host: requiredEnv('HOST') });
const stop = async () => {
  await app.close();
  await store.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
