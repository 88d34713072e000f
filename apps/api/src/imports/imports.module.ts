import { Module } from '@nestjs/common';
import { CsvBodyParser } from './csv-body-parser.js';
import { ImportCsvHandler } from './import-csv.handler.js';
import { ImportsController } from './imports.controller.js';

/** CSV bulk import of units and employees (libs/organization-import). */
@Module({
  controllers: [ImportsController],
  providers: [CsvBodyParser, ImportCsvHandler],
})
export class ImportsModule {}
