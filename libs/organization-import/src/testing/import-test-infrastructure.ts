// Engine tests run on the real thing: a fresh PostgreSQL database, the configured (group-commit, hash-chained)
// event store, and a registered agency to import into.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../config/src/config.js';
import { openInfrastructure, type Infrastructure } from '../../../runtime/src/infrastructure.js';
import { agencyStreamName } from '../../../organization/src/agency/agency-events.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { ImportContext } from '../engine/import-context.js';

export const TODAY = '2026-11-22T03:00:00.000Z';

export interface ImportTestInfrastructure {
  infrastructure: Infrastructure;
  context(overrides?: Partial<ImportContext>): ImportContext;
  registerAgency(agencyId: string): Promise<void>;
  countEvents(): Promise<number>;
  close(): Promise<void>;
}

export async function openImportTestInfrastructure(): Promise<ImportTestInfrastructure> {
  const database: TestDatabase = await createTestDatabase('import');
  const infrastructure = await openInfrastructure(loadConfig({ DATABASE_URL: database.url }));
  const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
    store: infrastructure.eventStore,
    actor: { id: 'hr-test', role: 'HR' },
    correlationId: randomUUID(),
    now: TODAY,
    ...overrides,
  });
  return {
    infrastructure,
    context,
    async registerAgency(agencyId) {
      await infrastructure.eventStore.appendToStream(
        agencyStreamName(agencyId),
        [
          {
            id: randomUUID(),
            type: 'AgencyRegistered.v1',
            data: { agencyId, name: `Agency ${agencyId}`, timeZone: 'Asia/Jayapura', registeredAt: TODAY },
            metadata: {
              actor: { id: 'admin', role: 'ADMIN' },
              correlationId: randomUUID(),
              causationId: 'x',
              occurredAt: TODAY,
            },
          },
        ],
        { expected: 'no_stream' },
      );
    },
    async countEvents() {
      // The table itself: $all hides events above the oldest open transaction.
      const result = await infrastructure.pool.query('SELECT count(*) FROM event_store.events');
      return Number(result.rows[0].count);
    },
    async close() {
      await infrastructure.close();
      await database.drop();
    },
  };
}
