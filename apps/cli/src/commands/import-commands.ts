// The CSV import commands, registered together in apps/cli/src/main.ts.
import type { CliCommand } from '../command.js';
import { importEmployeesCommand } from './import-employees.js';
import { importUnitsCommand } from './import-units.js';

export const importCommands: CliCommand[] = [importUnitsCommand, importEmployeesCommand];
