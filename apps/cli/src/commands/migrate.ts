// `npm run cli -- migrate`: runs the migrations as the owner role (MIGRATION_DATABASE_URL, or the embedded
// superuser) and grants the service role (DATABASE_URL) its rights, then exits. Every process also does this
// on start-up; the command is for deployments that migrate as a separate step (README "Database roles").
import type { Config } from '../../../../libs/config/src/config.js';
import { migrateDatabase, type MigrationOutcome } from '../../../../libs/runtime/src/infrastructure.js';
import { parseFlags, type CliCommand } from '../command.js';

export interface MigrateCommandDependencies {
  migrate?: (config: Config) => Promise<MigrationOutcome>;
}

export function createMigrateCommand(deps: MigrateCommandDependencies = {}): CliCommand {
  return {
    name: 'migrate',
    summary: 'run the database migrations as the owner role and grant the service role its rights',
    usage: 'migrate',

    async run(args: string[], config: Config): Promise<number> {
      parseFlags(args, {});
      const { serviceRole, migratedAs } = await (deps.migrate ?? migrateDatabase)(config);
      if (migratedAs === 'owner') {
        console.log(`migrated as the owner; the service role "${serviceRole}" may read and append, nothing more`);
        return 0;
      }
      if (migratedAs === 'service') {
        console.log(`migrated as "${serviceRole}" (no MIGRATION_DATABASE_URL): the service keeps migration rights`);
        return 0;
      }
      if (config.eventStoreUrl) {
        console.log('nothing to migrate: the events are in EventStoreDB, the read models migrate themselves');
        return 0;
      }
      console.error(`"${serviceRole}" may not migrate the event store: set MIGRATION_DATABASE_URL to the owner role`);
      return 1;
    },
  };
}

export const migrateCommand = createMigrateCommand();
