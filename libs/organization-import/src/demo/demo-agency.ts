// The demo agency for `npm run cli -- seed-demo`: a city education office in Papua Barat with three levels
// of units (the office; secretariat and bidang; subbagian, seksi and schools) and ~200 employees with valid
// NIPs, positions, golongan and a head for every unit, so reporting lines can be derived. Generated from a
// fixed seed: every run produces the same two CSV files.
import { EMPLOYEE_COLUMNS } from '../employees/employee-rows.js';
import { UNIT_COLUMNS } from '../units/unit-rows.js';
import { toCsv } from './csv-writer.js';
import { NipGenerator } from './nip-generator.js';
import { seededRandom, type Random } from './seeded-random.js';

export const DEMO_AGENCY = {
  agencyId: 'disdik-manokwari',
  name: 'Dinas Pendidikan Kota Manokwari',
  timeZone: 'Asia/Jayapura',
} as const;

interface Unit {
  id: string;
  name: string;
  parent: string | null;
  kind: 'office' | 'secretariat' | 'bidang' | 'section' | 'school';
}

export interface DemoPerson {
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  position: string;
  jobType: string;
  golongan: string;
  unitId: string;
  head: boolean;
}

export interface DemoAgency {
  unitsCsv: string;
  employeesCsv: string;
  units: Unit[];
  people: DemoPerson[];
}

const SECTIONS: Record<string, [string, string][]> = {
  sekretariat: [
    ['subbag-umum', 'Subbagian Umum dan Kepegawaian'],
    ['subbag-keuangan', 'Subbagian Keuangan dan Aset'],
    ['subbag-program', 'Subbagian Perencanaan dan Program'],
  ],
  'bid-paud': [
    ['seksi-kelembagaan-paud', 'Seksi Kelembagaan dan Sarana PAUD'],
    ['seksi-pnf', 'Seksi Pendidikan Nonformal'],
  ],
  'bid-sd': [
    ['seksi-kurikulum-sd', 'Seksi Kurikulum dan Penilaian SD'],
    ['seksi-sarpras-sd', 'Seksi Sarana dan Prasarana SD'],
  ],
  'bid-smp': [
    ['seksi-kurikulum-smp', 'Seksi Kurikulum dan Penilaian SMP'],
    ['seksi-sarpras-smp', 'Seksi Sarana dan Prasarana SMP'],
  ],
  'bid-gtk': [
    ['seksi-pendidik', 'Seksi Pendidik'],
    ['seksi-tendik', 'Seksi Tenaga Kependidikan'],
  ],
};

function demoUnits(): Unit[] {
  const units: Unit[] = [{ id: 'disdik', name: DEMO_AGENCY.name, parent: null, kind: 'office' }];
  const secondLevel: [string, string][] = [
    ['sekretariat', 'Sekretariat'],
    ['bid-paud', 'Bidang Pembinaan PAUD dan Pendidikan Nonformal'],
    ['bid-sd', 'Bidang Pembinaan Sekolah Dasar'],
    ['bid-smp', 'Bidang Pembinaan Sekolah Menengah Pertama'],
    ['bid-gtk', 'Bidang Guru dan Tenaga Kependidikan'],
  ];
  for (const [id, name] of secondLevel) {
    units.push({ id, name, parent: 'disdik', kind: id === 'sekretariat' ? 'secretariat' : 'bidang' });
    for (const [sectionId, sectionName] of SECTIONS[id]) {
      units.push({ id: sectionId, name: sectionName, parent: id, kind: 'section' });
    }
  }
  units.push({ id: 'tk-negeri-pembina', name: 'TK Negeri Pembina Manokwari', parent: 'bid-paud', kind: 'school' });
  for (let n = 1; n <= 8; n++) {
    units.push({
      id: `sdn-${pad(n)}-manokwari`,
      name: `SD Negeri ${pad(n)} Manokwari`,
      parent: 'bid-sd',
      kind: 'school',
    });
  }
  for (let n = 1; n <= 4; n++) {
    units.push({
      id: `smpn-${pad(n)}-manokwari`,
      name: `SMP Negeri ${pad(n)} Manokwari`,
      parent: 'bid-smp',
      kind: 'school',
    });
  }
  return units;
}

const MALE = [
  'Yohanes',
  'Yakob',
  'Markus',
  'Daniel',
  'Paulus',
  'Andreas',
  'Hendrik',
  'Agus',
  'Budi',
  'Rahmat',
  'Made',
  'Yosep',
  'Samuel',
  'Obed',
  'Petrus',
];
const FEMALE = [
  'Maria',
  'Ester',
  'Agustina',
  'Fransiska',
  'Ruth',
  'Selvi',
  'Lidia',
  'Yuliana',
  'Siti',
  'Dewi',
  'Sri',
  'Nur',
  'Debora',
  'Martha',
  'Elisabeth',
];
const SURNAMES = ['Mandacan', 'Rumbiak', 'Wonggor', 'Mansim', 'Saiba', 'Kambuaya', 'Iba', 'Rumfabe', 'Indou', 'Ayomi', 'Mofu', 'Wanma', 'Rumbewas', 'Lasol', 'Saragih', 'Siregar', 'Wijaya', 'Pratama', 'Lestari', 'Rahayu', 'Santoso', 'Hutapea', 'Kawer', 'Sroyer']; // prettier-ignore

export function generateDemoAgency(seed = 20261122): DemoAgency {
  const random = seededRandom(seed);
  const nips = new NipGenerator(random);
  const units = demoUnits();
  const people: DemoPerson[] = [];
  const takenNames = new Set<string>();
  const add = (
    unit: Unit,
    position: string,
    jobType: string,
    golongan: (type: 'PNS' | 'PPPK') => string,
    options: { head?: boolean; pppkShare?: number; title?: string; birthYears?: [number, number] } = {},
  ) => {
    const female = random.next() < 0.55;
    const employmentType = random.next() < (options.pppkShare ?? 0) ? 'PPPK' : 'PNS';
    const given = random.pick(female ? FEMALE : MALE);
    const surname = SURNAMES.indexOf(random.pick(SURNAMES));
    // Names are unique (two Kepala Bidang once shared one): on a clash, the next surname, drawing nothing more
    // from the seeded generator so that every other field stays as it was.
    const nameWith = (i: number) =>
      `${given} ${SURNAMES[(surname + i) % SURNAMES.length]}${options.title ? `, ${options.title}` : ''}`;
    let clash = 0;
    while (takenNames.has(nameWith(clash)) && clash < SURNAMES.length) clash++;
    const name = nameWith(clash);
    takenNames.add(name);
    people.push({
      nip: nips.next(female ? 'FEMALE' : 'MALE', options.birthYears),
      name,
      employmentType,
      position,
      jobType,
      golongan: golongan(employmentType),
      unitId: unit.id,
      head: options.head ?? false,
    });
  };
  const pns = (choices: string[]) => () => random.pick(choices);
  const teacherGrade = (random: Random) => (type: 'PNS' | 'PPPK') =>
    type === 'PPPK' ? random.pick(['IX', 'X']) : random.pick(['III/a', 'III/b', 'III/c', 'III/d', 'IV/a']);
  const staffGrade = (random: Random) => (type: 'PNS' | 'PPPK') =>
    type === 'PPPK' ? random.pick(['V', 'VII']) : random.pick(['II/b', 'II/c', 'II/d', 'III/a', 'III/b']);

  for (const unit of units) {
    switch (unit.kind) {
      case 'office':
        add(unit, 'Kepala Dinas Pendidikan', 'JPT', pns(['IV/c', 'IV/d']), {
          head: true,
          title: 'S.Pd., M.Pd.',
          birthYears: [1966, 1975],
        });
        break;
      case 'secretariat':
        add(unit, 'Sekretaris Dinas', 'ADMINISTRATOR', pns(['IV/b', 'IV/c']), {
          head: true,
          title: 'S.E., M.Si.',
          birthYears: [1968, 1980],
        });
        break;
      case 'bidang':
        add(unit, `Kepala ${unit.name}`, 'ADMINISTRATOR', pns(['IV/a', 'IV/b']), {
          head: true,
          title: 'S.Pd., M.Pd.',
          birthYears: [1968, 1982],
        });
        break;
      case 'section':
        add(unit, `Kepala ${unit.name}`, 'PENGAWAS', pns(['III/d', 'IV/a']), {
          head: true,
          title: 'S.Pd.',
          birthYears: [1970, 1986],
        });
        for (let i = 0; i < 3; i++) {
          add(
            unit,
            random.pick([
              'Pengadministrasi Umum',
              'Pengelola Data',
              'Analis Kepegawaian',
              'Bendahara',
              'Penyusun Program',
            ]),
            'PELAKSANA',
            staffGrade(random),
            { pppkShare: 0.25 },
          );
        }
        break;
      case 'school': {
        add(unit, 'Kepala Sekolah (Guru Ahli Madya)', 'FUNGSIONAL', pns(['IV/a', 'IV/b']), {
          head: true,
          title: 'S.Pd.',
          birthYears: [1968, 1982],
        });
        const teachers = unit.id.startsWith('tk-') ? 5 : unit.id.startsWith('smpn-') ? 12 : 9;
        for (let i = 0; i < teachers; i++) {
          add(
            unit,
            random.pick(['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya']),
            'FUNGSIONAL',
            teacherGrade(random),
            { pppkShare: 0.3, title: 'S.Pd.', birthYears: [1970, 1998] },
          );
        }
        add(unit, 'Operator Sekolah', 'PELAKSANA', staffGrade(random), { pppkShare: 0.5 });
        break;
      }
    }
  }

  const unitsCsv = toCsv(
    UNIT_COLUMNS.required,
    units.map((u) => [u.id, u.name, u.parent ?? '']),
  );
  const employeesCsv = toCsv(
    [...EMPLOYEE_COLUMNS.required, ...EMPLOYEE_COLUMNS.optional],
    people.map((p) => [
      p.nip,
      p.name,
      p.employmentType,
      p.position,
      p.jobType,
      p.golongan,
      p.unitId,
      p.head ? 'Y' : '',
    ]),
  );
  return { unitsCsv, employeesCsv, units, people };
}

const pad = (n: number) => String(n).padStart(2, '0');
