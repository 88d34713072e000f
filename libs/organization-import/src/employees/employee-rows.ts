// Employees file rows -> well-formed employee rows, or errors naming line, column and the bad value. Pure:
// the agency's units and "today" come in. The domain deciders check again when the rows are imported; this
// pass exists to report EVERY problem of a row at once, in the file's own column names.
import { validateNip } from '../../../organization/src/nip.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../../organization/src/employee/employee-events.js';
import { JOB_TYPES, PNS_GOLONGAN, PPPK_GOLONGAN, type JobType } from '../../../organization/src/employee/position.js';
import type { TableRow } from '../csv/csv-table.js';
import type { ImportError } from '../report.js';
import { normaliseUnitId } from '../units/unit-rows.js';

export const EMPLOYEE_COLUMNS = {
  required: ['NIP', 'NAMA', 'JENIS_PEGAWAI', 'JABATAN', 'JENIS_JABATAN', 'GOLONGAN', 'ID_UNIT'],
  optional: ['KEPALA_UNIT'],
} as const;

export interface EmployeeRow {
  line: number;
  nip: string;
  name: string;
  employmentType: EmploymentType;
  positionTitle: string;
  golongan: string;
  jobType: JobType;
  unitId: string;
  /** KEPALA_UNIT = Y: this employee heads the unit. */
  headsUnit: boolean;
}

export interface PlannedEmployees {
  rows: EmployeeRow[];
  errors: ImportError[];
  failedLines: Set<number>;
}

/** Spellings HR systems use for the job types (jenis jabatan). */
const JOB_TYPE_ALIASES: Record<string, JobType> = {
  'JABATAN PIMPINAN TINGGI': 'JPT',
  'PIMPINAN TINGGI': 'JPT',
  JF: 'FUNGSIONAL',
  JFT: 'FUNGSIONAL',
  JFU: 'PELAKSANA',
};
const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
];

/** `III/A`, `iii/a`, `III a`, `IIIa` -> `III/a`; PPPK `9` -> `IX`. Unrecognised text is returned as typed. */
export function normaliseGolongan(raw: string, employmentType: EmploymentType | undefined): string {
  const text = raw.trim();
  const pns = /^(IV|I{1,3})\s*[/-]?\s*([A-E])$/i.exec(text);
  if (pns && employmentType !== 'PPPK') return `${pns[1].toUpperCase()}/${pns[2].toLowerCase()}`;
  if (/^\d{1,2}$/.test(text) && employmentType === 'PPPK') return ROMAN[Number(text) - 1] ?? text;
  return employmentType === 'PPPK' ? text.toUpperCase() : text;
}

const YES = new Set(['Y', 'YA', 'YES', '1', 'TRUE']);
const NO = new Set(['', 'N', 'T', 'TIDAK', 'NO', '0', 'FALSE']);

export function planEmployees(
  rows: readonly TableRow[],
  unitIds: ReadonlySet<string>,
  today: string,
): PlannedEmployees {
  const errors: ImportError[] = [];
  const failedLines = new Set<number>();
  const fail = (line: number, column: string | null, value: string | null, reason: string) => {
    errors.push({ line, column, value, reason });
    failedLines.add(line);
  };
  const firstLineOfNip = new Map<string, number>();
  const headLineOfUnit = new Map<string, number>();
  const out: EmployeeRow[] = [];

  for (const row of rows) {
    if (row.problem) {
      fail(row.line, null, null, row.problem);
      continue;
    }
    const v = row.values;
    const before = errors.length;

    const nip = v.NIP.replace(/\s+/g, '');
    const nipCheck = validateNip(nip, today);
    if (!nipCheck.ok) {
      const parts = nipCheck.problems.map((p) => `${p.part}: ${p.message}`).join('; ');
      fail(row.line, 'NIP', v.NIP, `invalid NIP (${parts})`);
    } else {
      const first = firstLineOfNip.get(nip);
      if (first !== undefined) fail(row.line, 'NIP', v.NIP, `duplicate NIP: already on line ${first}`);
      else firstLineOfNip.set(nip, row.line);
    }

    if (v.NAMA === '') fail(row.line, 'NAMA', v.NAMA, 'NAMA is required');
    else if (v.NAMA.length > 200) fail(row.line, 'NAMA', v.NAMA, 'NAMA is longer than 200 characters');

    const employmentType = v.JENIS_PEGAWAI.toUpperCase() as EmploymentType;
    const typeOk = EMPLOYMENT_TYPES.includes(employmentType);
    if (!typeOk)
      fail(row.line, 'JENIS_PEGAWAI', v.JENIS_PEGAWAI, `JENIS_PEGAWAI must be ${EMPLOYMENT_TYPES.join(' or ')}`);

    if (v.JABATAN === '') fail(row.line, 'JABATAN', v.JABATAN, 'JABATAN is required');
    else if (v.JABATAN.length > 200) fail(row.line, 'JABATAN', v.JABATAN, 'JABATAN is longer than 200 characters');

    const jobTypeText = v.JENIS_JABATAN.toUpperCase().replace(/\s+/g, ' ');
    const jobType = (JOB_TYPE_ALIASES[jobTypeText] ?? jobTypeText) as JobType;
    if (!JOB_TYPES.includes(jobType)) {
      fail(row.line, 'JENIS_JABATAN', v.JENIS_JABATAN, `JENIS_JABATAN must be one of ${JOB_TYPES.join(', ')}`);
    }

    const golongan = normaliseGolongan(v.GOLONGAN, typeOk ? employmentType : undefined);
    if (typeOk) {
      const grades = employmentType === 'PNS' ? PNS_GOLONGAN : PPPK_GOLONGAN;
      if (!grades.includes(golongan)) {
        fail(
          row.line,
          'GOLONGAN',
          v.GOLONGAN,
          `GOLONGAN must be a ${employmentType} grade (${grades[0]} .. ${grades[grades.length - 1]})`,
        );
      }
    }

    const unitId = normaliseUnitId(v.ID_UNIT);
    if (unitId === '') fail(row.line, 'ID_UNIT', v.ID_UNIT, 'ID_UNIT is required');
    else if (!unitIds.has(unitId)) {
      fail(row.line, 'ID_UNIT', v.ID_UNIT, `unknown unit ${unitId}: import the units file first`);
    }

    const head = (v.KEPALA_UNIT ?? '').toUpperCase();
    const headsUnit = YES.has(head);
    if (!headsUnit && !NO.has(head)) fail(row.line, 'KEPALA_UNIT', v.KEPALA_UNIT, 'KEPALA_UNIT must be Y or empty');
    if (headsUnit && unitId !== '') {
      const other = headLineOfUnit.get(unitId);
      if (other !== undefined) {
        fail(row.line, 'KEPALA_UNIT', v.KEPALA_UNIT, `unit ${unitId} already has its head on line ${other}`);
      } else if (errors.length === before) headLineOfUnit.set(unitId, row.line);
    }

    if (errors.length > before) continue;
    out.push({
      line: row.line,
      nip,
      name: v.NAMA,
      employmentType,
      positionTitle: v.JABATAN,
      golongan,
      jobType,
      unitId,
      headsUnit,
    });
  }
  return { rows: out, errors, failedLines };
}
