// Runs one CSV import through the engine (libs/organization-import) on the API's hash-chained store.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../../libs/event-store/src/port.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { importEmployees } from '../../../../libs/organization-import/src/engine/import-employees.js';
import { importUnits } from '../../../../libs/organization-import/src/engine/import-units.js';
import type { ImportKind, ImportReport } from '../../../../libs/organization-import/src/report.js';
import { INFRASTRUCTURE } from '../tokens.js';

export class ImportCsvCommand {
  constructor(
    readonly kind: ImportKind,
    readonly agencyId: string,
    readonly body: Buffer,
    readonly actor: Actor,
    readonly correlationId: string,
    readonly now: Date,
  ) {}
}

const ENGINES = { units: importUnits, employees: importEmployees } as const;
/** Slices of the body fed to the streaming parser. */
const CHUNK_BYTES = 256 * 1024;

@CommandHandler(ImportCsvCommand)
export class ImportCsvHandler implements ICommandHandler<ImportCsvCommand> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  execute(command: ImportCsvCommand): Promise<ImportReport> {
    const context = {
      store: this.infrastructure.eventStore,
      actor: command.actor,
      correlationId: command.correlationId,
      now: command.now.toISOString(),
    };
    return ENGINES[command.kind](context, command.agencyId, chunks(command.body));
  }
}

function* chunks(body: Buffer): Generator<Uint8Array> {
  for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) yield body.subarray(offset, offset + CHUNK_BYTES);
}
