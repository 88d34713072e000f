// Test-only projector process for the kill test: the real config loading, infrastructure and runners
// (apps/projector's startProjector), with the ledger test projection, which exposes double or skipped
// application. With HANG_AT_EVENTS=n it announces and then freezes the first batch whose (not yet
// committed) checkpoint reaches n events, so the test can SIGKILL it in the middle of a transaction.
import { sql } from 'kysely';
import { loadConfig } from '../../libs/config/src/config.js';
import { openInfrastructure } from '../../libs/runtime/src/infrastructure.js';
import { ledgerTestProjection } from '../../libs/projections/src/testing/ledger-test-projection.js';
import { shutdownSignal } from '../../libs/runtime/src/shutdown-signal.js';
import { startProjector } from '../../libs/runtime/src/start-projector.js';

const hangAt = Number(process.env.HANG_AT_EVENTS ?? 'NaN');
const infrastructure = await openInfrastructure(loadConfig());

const projection = ledgerTestProjection({
  name: 'fault_ledger',
  async afterApply(trx) {
    if (Number.isNaN(hangAt)) return;
    // Inside the batch transaction: this is the checkpoint this batch is about to commit.
    const { rows } = await sql<{ seen: string }>`
      SELECT events_seen::text AS seen FROM projection_checkpoints WHERE projection = 'fault_ledger'`.execute(trx);
    const seen = Number(rows[0].seen);
    if (seen >= hangAt) {
      process.stdout.write(`in-batch ${seen}\n`);
      await new Promise(() => undefined); // never commits
    }
  },
});

const projector = startProjector({
  store: infrastructure.rawEventStore,
  db: infrastructure.readDb,
  connectionString: infrastructure.databaseUrl,
  projections: [projection],
  batchSize: 50,
  idleMs: 100,
  log: (level, message) => process.stderr.write(`${level}: ${message}\n`),
});
process.stdout.write('started\n');

await shutdownSignal();
await projector.stop();
await infrastructure.close();
process.stdout.write('stopped\n');
