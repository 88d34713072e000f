// `npm run cli -- import-employees --agency ID FILE [--report out.json]`
import { createImportCommand } from './import-csv.js';

export const importEmployeesCommand = createImportCommand('employees');
