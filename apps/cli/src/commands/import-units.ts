// `npm run cli -- import-units --agency ID FILE [--report out.json]`
import { createImportCommand } from './import-csv.js';

export const importUnitsCommand = createImportCommand('units');
