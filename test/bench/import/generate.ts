// A realistic large export: a provincial education office with ~500 units over three levels (office,
// bidang, UPT/schools) and N employees spread over them, valid NIPs, PNS and PPPK, one head per unit.
import { toCsv } from '../../../libs/organization-import/src/demo/csv-writer.js';
import { NipGenerator } from '../../../libs/organization-import/src/demo/nip-generator.js';
import { seededRandom } from '../../../libs/organization-import/src/demo/seeded-random.js';
import { EMPLOYEE_COLUMNS } from '../../../libs/organization-import/src/employees/employee-rows.js';
import { UNIT_COLUMNS } from '../../../libs/organization-import/src/units/unit-rows.js';

export interface BenchFiles {
  unitsCsv: string;
  employeesCsv: string;
  units: number;
}

const NAMES = ['Yohanes', 'Maria', 'Ester', 'Daniel', 'Agustina', 'Yakob', 'Siti', 'Agus', 'Dewi', 'Markus'];
const SURNAMES = ['Mandacan', 'Rumbiak', 'Wonggor', 'Mansim', 'Saiba', 'Kambuaya', 'Wijaya', 'Lestari', 'Siregar'];

export function generateBenchFiles(rows: number, seed = 42): BenchFiles {
  const random = seededRandom(seed);
  const nips = new NipGenerator(random);
  const units: string[][] = [['dinas', 'Dinas Pendidikan Provinsi', '']];
  const leafUnits: string[] = [];
  const unitCount = Math.max(3, Math.ceil(rows / 20));
  const bidang = Math.max(1, Math.ceil(unitCount / 50));
  for (let b = 1; b <= bidang; b++) {
    units.push([`bidang-${b}`, `Bidang ${b}`, 'dinas']);
    for (let s = 1; s <= 50 && units.length < unitCount; s++) {
      const id = `sekolah-${b}-${s}`;
      units.push([id, `SMA Negeri ${b}.${s}`, `bidang-${b}`]);
      leafUnits.push(id);
    }
  }
  const headed = new Set<string>();
  const employees: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const unit = i < units.length ? units[i][0] : random.pick(leafUnits.length > 0 ? leafUnits : ['dinas']);
    const head = !headed.has(unit);
    headed.add(unit);
    const female = random.next() < 0.5;
    const pppk = !head && random.next() < 0.3;
    const golongan = pppk ? random.pick(['IX', 'X']) : random.pick(['III/a', 'III/b', 'III/c', 'III/d', 'IV/a']);
    employees.push([
      nips.next(female ? 'FEMALE' : 'MALE'),
      `${random.pick(NAMES)} ${random.pick(SURNAMES)}, S.Pd.`,
      pppk ? 'PPPK' : 'PNS',
      head ? 'Kepala Sekolah' : random.pick(['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya']),
      head && unit === 'dinas' ? 'JPT' : head && unit.startsWith('bidang') ? 'ADMINISTRATOR' : 'FUNGSIONAL',
      golongan,
      unit,
      head ? 'Y' : '',
    ]);
  }
  return {
    unitsCsv: toCsv(UNIT_COLUMNS.required, units),
    employeesCsv: toCsv([...EMPLOYEE_COLUMNS.required, ...EMPLOYEE_COLUMNS.optional], employees),
    units: units.length,
  };
}
