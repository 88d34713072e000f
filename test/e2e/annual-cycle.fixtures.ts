// The organization, plans and ratings of the annual-cycle e2e test (annual-cycle.e2e.spec.ts), and a small HTTP
// client that fails with the response body on any unexpected status.
//
// Pemerintah Kabupaten Manokwari (WIT, Asia/Jayapura):
//   setda (SEKDA) > diskominfo (KADIS) > bidang-aptika (KABID) > seksi-layanan-aplikasi (KASI_APLIKASI;
//   RIZKY, DEWI, YOSUA, NATALIA, SAMUEL) and seksi-tata-kelola-spbe (KASI_SPBE; FITRI, MARTHEN, YULIANA, KEVIN);
//   diskominfo > bidang-ikp (PAULUS, outside the appraised subtree).
// The subtree of bidang-aptika holds exactly 12 people: KABID, the two KASI and nine staff.
import { expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { BERAKHLAK_VALUES } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { Predikat, Rating } from '../../libs/policy/src/policy.js';
import type { ApiHarness } from '../support/api-harness.js';

export const AGENCY = 'pemkab-manokwari';
export const TIME_ZONE = 'Asia/Jayapura';
export const BIDANG = 'bidang-aptika';
export const SEKSI_APLIKASI = 'seksi-layanan-aplikasi';
export const SEKSI_SPBE = 'seksi-tata-kelola-spbe';

type Method = 'GET' | 'POST' | 'PUT';

export type Key =
  | 'SEKDA'
  | 'KADIS'
  | 'KABID'
  | 'KASI_APLIKASI'
  | 'KASI_SPBE'
  | 'RIZKY'
  | 'DEWI'
  | 'YOSUA'
  | 'NATALIA'
  | 'SAMUEL'
  | 'FITRI'
  | 'MARTHEN'
  | 'YULIANA'
  | 'KEVIN'
  | 'PAULUS';

export interface Person {
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  unitId: string;
  positionTitle: string;
  golongan: string;
  jobType: 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
  /** The roles on this person's token (besides EMPLOYEE): RATER if they rate, RATER_SUPERVISOR if they approve. */
  roles: Role[];
}

const RATES = [Role.RATER];
const RATES_AND_APPROVES = [Role.RATER, Role.RATER_SUPERVISOR];

// NIP = birth date YYYYMMDD + appointment YYYYMM + gender digit (1 male, 2 female) + sequence (DOMAIN section 12).
// prettier-ignore
export const PEOPLE: Record<Key, Person> = {
  SEKDA: { nip: '196805121993031004', name: 'Drs. Yohanes Mandacan, M.Si.', employmentType: 'PNS', unitId: 'setda', positionTitle: 'Sekretaris Daerah', golongan: 'IV/d', jobType: 'JPT', roles: RATES_AND_APPROVES },
  KADIS: { nip: '197203151998031002', name: 'Ir. Hendrik Rumbiak, M.T.', employmentType: 'PNS', unitId: 'diskominfo', positionTitle: 'Kepala Dinas Komunikasi dan Informatika', golongan: 'IV/c', jobType: 'JPT', roles: RATES_AND_APPROVES },
  KABID: { nip: '197811202005022001', name: 'Maria Magdalena Wanggai, S.Kom., M.M.', employmentType: 'PNS', unitId: BIDANG, positionTitle: 'Kepala Bidang Aplikasi Informatika', golongan: 'IV/a', jobType: 'ADMINISTRATOR', roles: RATES_AND_APPROVES },
  KASI_APLIKASI: { nip: '198304172009011003', name: 'Agus Setiawan, S.T.', employmentType: 'PNS', unitId: SEKSI_APLIKASI, positionTitle: 'Kepala Seksi Layanan Aplikasi', golongan: 'III/d', jobType: 'PENGAWAS', roles: RATES },
  KASI_SPBE: { nip: '198507092010012002', name: 'Fransina Kambuaya, S.Kom.', employmentType: 'PNS', unitId: SEKSI_SPBE, positionTitle: 'Kepala Seksi Tata Kelola SPBE', golongan: 'III/c', jobType: 'PENGAWAS', roles: RATES },
  RIZKY: { nip: '199102142015031001', name: 'Rizky Pratama, S.Kom.', employmentType: 'PNS', unitId: SEKSI_APLIKASI, positionTitle: 'Pranata Komputer Ahli Muda', golongan: 'III/c', jobType: 'FUNGSIONAL', roles: [] },
  DEWI: { nip: '199306302019032004', name: 'Dewi Lestari Mansawan, S.T.', employmentType: 'PNS', unitId: SEKSI_APLIKASI, positionTitle: 'Pranata Komputer Ahli Pertama', golongan: 'III/a', jobType: 'FUNGSIONAL', roles: [] },
  YOSUA: { nip: '199508112020121003', name: 'Yosua Ayomi, A.Md.Kom.', employmentType: 'PPPK', unitId: SEKSI_APLIKASI, positionTitle: 'Pranata Komputer Terampil', golongan: 'VII', jobType: 'FUNGSIONAL', roles: [] },
  NATALIA: { nip: '199712012022032002', name: 'Natalia Inggamer, S.Kom.', employmentType: 'PPPK', unitId: SEKSI_APLIKASI, positionTitle: 'Pranata Komputer Ahli Pertama', golongan: 'IX', jobType: 'FUNGSIONAL', roles: [] },
  SAMUEL: { nip: '198909092014031005', name: 'Samuel Iwanggin', employmentType: 'PNS', unitId: SEKSI_APLIKASI, positionTitle: 'Pengelola Sistem Informasi', golongan: 'II/d', jobType: 'PELAKSANA', roles: [] },
  FITRI: { nip: '199204222017082001', name: 'Fitri Handayani, S.Sos.', employmentType: 'PNS', unitId: SEKSI_SPBE, positionTitle: 'Analis Kebijakan Ahli Pertama', golongan: 'III/b', jobType: 'FUNGSIONAL', roles: [] },
  MARTHEN: { nip: '198812032015041002', name: 'Marthen Rumere, S.H.', employmentType: 'PNS', unitId: SEKSI_SPBE, positionTitle: 'Pengolah Data dan Informasi', golongan: 'III/a', jobType: 'PELAKSANA', roles: [] },
  YULIANA: { nip: '199603172021082003', name: 'Yuliana Sawaki, S.Kom.', employmentType: 'PPPK', unitId: SEKSI_SPBE, positionTitle: 'Pranata Komputer Ahli Pertama', golongan: 'IX', jobType: 'FUNGSIONAL', roles: [] },
  KEVIN: { nip: '199810052023031001', name: 'Kevin Mayor, A.Md.Kom.', employmentType: 'PPPK', unitId: SEKSI_SPBE, positionTitle: 'Pranata Komputer Terampil', golongan: 'VII', jobType: 'FUNGSIONAL', roles: [] },
  PAULUS: { nip: '199001052016041001', name: 'Paulus Korwa, S.I.Kom.', employmentType: 'PNS', unitId: 'bidang-ikp', positionTitle: 'Pranata Humas Ahli Pertama', golongan: 'III/a', jobType: 'FUNGSIONAL', roles: [] },
};

/** Units, parents first, with their heads. */
export const UNITS: { unitId: string; name: string; parentUnitId?: string; head?: Key }[] = [
  { unitId: 'setda', name: 'Sekretariat Daerah Kabupaten Manokwari', head: 'SEKDA' },
  { unitId: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', parentUnitId: 'setda', head: 'KADIS' },
  { unitId: BIDANG, name: 'Bidang Aplikasi Informatika', parentUnitId: 'diskominfo', head: 'KABID' },
  { unitId: 'bidang-ikp', name: 'Bidang Informasi dan Komunikasi Publik', parentUnitId: 'diskominfo' },
  { unitId: SEKSI_APLIKASI, name: 'Seksi Layanan Aplikasi', parentUnitId: BIDANG, head: 'KASI_APLIKASI' },
  { unitId: SEKSI_SPBE, name: 'Seksi Tata Kelola SPBE', parentUnitId: BIDANG, head: 'KASI_SPBE' },
];

export type AppraisedKey = Exclude<Key, 'SEKDA' | 'KADIS' | 'PAULUS'>;
export const STAFF_APLIKASI = ['RIZKY', 'DEWI', 'YOSUA', 'NATALIA', 'SAMUEL'] as const;
export const STAFF_SPBE = ['FITRI', 'MARTHEN', 'YULIANA', 'KEVIN'] as const;
/** The 12 people of the bidang-aptika subtree, in planning order (each rater before the people they rate). */
export const APPRAISED: readonly AppraisedKey[] = [
  'KABID',
  'KASI_APLIKASI',
  'KASI_SPBE',
  ...STAFF_APLIKASI,
  ...STAFF_SPBE,
];

/** Pejabat penilai and atasan pejabat penilai, as the unit heads make them (DOMAIN section 3). */
export const LINE: Record<AppraisedKey, { rater: Key; supervisor: Key }> = {
  KABID: { rater: 'KADIS', supervisor: 'SEKDA' },
  KASI_APLIKASI: { rater: 'KABID', supervisor: 'KADIS' },
  KASI_SPBE: { rater: 'KABID', supervisor: 'KADIS' },
  ...Object.fromEntries(STAFF_APLIKASI.map((k) => [k, { rater: 'KASI_APLIKASI', supervisor: 'KABID' }])),
  ...Object.fromEntries(STAFF_SPBE.map((k) => [k, { rater: 'KASI_SPBE', supervisor: 'KABID' }])),
} as Record<AppraisedKey, { rater: Key; supervisor: Key }>;

// ---------------------------------------------------------------------------------------------------------------
// Plans (SKP): KABID's RHK come from the Perjanjian Kinerja (her rater KADIS has no appraisal in this cycle); the
// KASI cascade from KABID's RHK, the staff from their KASI's. One quantitative IKI per RHK (target, the value
// reported mid-year and the final value the rater records) and, for the KASI and staff, one qualitative IKI.

export interface RhkPlan {
  rhkId: string;
  title: string;
  from: { raterKey: Key; rhkId: string } | { perjanjianKinerjaRef: string };
  iki: {
    ikiId: string;
    description: string;
    aspect: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
    target: number;
    unit: string;
    midYear: number;
    final: number;
  };
  qualitative?: { ikiId: string; description: string; target: string; final: string };
}

const q = (description: string, target: string, final: string, ikiId: string) => ({
  ikiId,
  description,
  target,
  final,
});

// prettier-ignore
export const PLANS: Record<AppraisedKey, RhkPlan[]> = {
  KABID: [
    { rhkId: 'rhk-kabid-1', title: 'Meningkatnya layanan publik daerah yang terintegrasi secara digital', from: { perjanjianKinerjaRef: 'PK Diskominfo 2026, sasaran 2.1' },
      iki: { ikiId: 'iki-kabid-1', description: 'Jumlah layanan publik yang terintegrasi dalam aplikasi layanan daerah', aspect: 'KUANTITAS', target: 12, unit: 'layanan', midYear: 5, final: 12 } },
    { rhkId: 'rhk-kabid-2', title: 'Meningkatnya indeks SPBE Kabupaten Manokwari', from: { perjanjianKinerjaRef: 'PK Diskominfo 2026, sasaran 2.2' },
      iki: { ikiId: 'iki-kabid-2', description: 'Nilai indeks SPBE hasil evaluasi KemenPANRB', aspect: 'KUALITAS', target: 2.6, unit: 'indeks', midYear: 2.3, final: 2.7 } },
  ],
  KASI_APLIKASI: [
    { rhkId: 'rhk-kasi-aplikasi-1', title: 'Tersedianya aplikasi layanan publik yang andal dan terintegrasi', from: { raterKey: 'KABID', rhkId: 'rhk-kabid-1' },
      iki: { ikiId: 'iki-kasi-aplikasi-1', description: 'Persentase ketersediaan (uptime) aplikasi layanan publik', aspect: 'KUALITAS', target: 99, unit: 'persen', midYear: 98.2, final: 99.4 },
      qualitative: q('Pengembangan aplikasi mengikuti standar arsitektur SPBE daerah', 'Dokumen arsitektur dan SOP rilis disahkan', 'Arsitektur dan SOP rilis disahkan Juni 2026', 'iki-kasi-aplikasi-2') },
  ],
  KASI_SPBE: [
    { rhkId: 'rhk-kasi-spbe-1', title: 'Terlaksananya evaluasi mandiri SPBE yang lengkap dan tepat waktu', from: { raterKey: 'KABID', rhkId: 'rhk-kabid-2' },
      iki: { ikiId: 'iki-kasi-spbe-1', description: 'Jumlah indikator SPBE dengan bukti dukung lengkap', aspect: 'KUANTITAS', target: 47, unit: 'indikator', midYear: 20, final: 47 },
      qualitative: q('Kualitas bukti dukung evaluasi mandiri', 'Bukti dukung sesuai pedoman evaluasi SPBE', 'Semua bukti dukung diterima asesor', 'iki-kasi-spbe-2') },
  ],
  RIZKY: [
    { rhkId: 'rhk-rizky-1', title: 'Terbangunnya modul integrasi layanan perizinan pada aplikasi layanan daerah', from: { raterKey: 'KASI_APLIKASI', rhkId: 'rhk-kasi-aplikasi-1' },
      iki: { ikiId: 'iki-rizky-1', description: 'Jumlah layanan perizinan yang terintegrasi', aspect: 'KUANTITAS', target: 4, unit: 'layanan', midYear: 2, final: 6 },
      qualitative: q('Kualitas kode modul integrasi', 'Lolos uji keamanan dan code review', 'Lolos uji penetrasi BSSN tanpa temuan kritis', 'iki-rizky-2') },
  ],
  DEWI: [
    { rhkId: 'rhk-dewi-1', title: 'Tersedianya dasbor pemantauan ketersediaan aplikasi', from: { raterKey: 'KASI_APLIKASI', rhkId: 'rhk-kasi-aplikasi-1' },
      iki: { ikiId: 'iki-dewi-1', description: 'Jumlah aplikasi yang dipantau pada dasbor', aspect: 'KUANTITAS', target: 10, unit: 'aplikasi', midYear: 6, final: 13 },
      qualitative: q('Kelengkapan notifikasi gangguan', 'Notifikasi otomatis ke pengelola aplikasi', 'Notifikasi berjalan melalui surel dan pesan singkat', 'iki-dewi-2') },
  ],
  YOSUA: [
    { rhkId: 'rhk-yosua-1', title: 'Terpeliharanya server aplikasi layanan publik', from: { raterKey: 'KASI_APLIKASI', rhkId: 'rhk-kasi-aplikasi-1' },
      iki: { ikiId: 'iki-yosua-1', description: 'Persentase pemeliharaan server terjadwal yang terlaksana', aspect: 'WAKTU', target: 100, unit: 'persen', midYear: 50, final: 100 },
      qualitative: q('Catatan pemeliharaan server', 'Log pemeliharaan lengkap setiap bulan', 'Log lengkap dua belas bulan', 'iki-yosua-2') },
  ],
  NATALIA: [
    { rhkId: 'rhk-natalia-1', title: 'Terdokumentasinya kebutuhan pengguna aplikasi layanan', from: { raterKey: 'KASI_APLIKASI', rhkId: 'rhk-kasi-aplikasi-1' },
      iki: { ikiId: 'iki-natalia-1', description: 'Jumlah dokumen spesifikasi kebutuhan yang disahkan', aspect: 'KUANTITAS', target: 6, unit: 'dokumen', midYear: 3, final: 6 },
      qualitative: q('Keterlibatan perangkat daerah pengguna', 'Setiap spesifikasi disetujui perangkat daerah pengguna', 'Enam spesifikasi disetujui', 'iki-natalia-2') },
  ],
  SAMUEL: [
    { rhkId: 'rhk-samuel-1', title: 'Terkelolanya permintaan dukungan teknis aplikasi', from: { raterKey: 'KASI_APLIKASI', rhkId: 'rhk-kasi-aplikasi-1' },
      iki: { ikiId: 'iki-samuel-1', description: 'Persentase tiket dukungan yang diselesaikan dalam 2 hari kerja', aspect: 'WAKTU', target: 90, unit: 'persen', midYear: 70, final: 68 },
      qualitative: q('Rekap tiket dukungan bulanan', 'Rekap dilaporkan setiap awal bulan', 'Rekap terlambat pada 5 dari 12 bulan', 'iki-samuel-2') },
  ],
  FITRI: [
    { rhkId: 'rhk-fitri-1', title: 'Tersusunnya kebijakan internal tata kelola SPBE', from: { raterKey: 'KASI_SPBE', rhkId: 'rhk-kasi-spbe-1' },
      iki: { ikiId: 'iki-fitri-1', description: 'Jumlah rancangan peraturan bupati tentang SPBE yang diajukan', aspect: 'KUANTITAS', target: 3, unit: 'rancangan', midYear: 1, final: 3 },
      qualitative: q('Harmonisasi rancangan', 'Rancangan lolos harmonisasi bagian hukum', 'Tiga rancangan lolos harmonisasi', 'iki-fitri-2') },
  ],
  MARTHEN: [
    { rhkId: 'rhk-marthen-1', title: 'Terkumpulnya data bukti dukung evaluasi SPBE dari perangkat daerah', from: { raterKey: 'KASI_SPBE', rhkId: 'rhk-kasi-spbe-1' },
      iki: { ikiId: 'iki-marthen-1', description: 'Jumlah perangkat daerah yang menyerahkan data bukti dukung', aspect: 'KUANTITAS', target: 30, unit: 'perangkat daerah', midYear: 8, final: 17 },
      qualitative: q('Ketepatan waktu pengumpulan data', 'Data lengkap sebelum batas evaluasi mandiri', 'Data 13 perangkat daerah menyusul setelah batas waktu', 'iki-marthen-2') },
  ],
  YULIANA: [
    { rhkId: 'rhk-yuliana-1', title: 'Tersedianya katalog aplikasi dan layanan SPBE daerah', from: { raterKey: 'KASI_SPBE', rhkId: 'rhk-kasi-spbe-1' },
      iki: { ikiId: 'iki-yuliana-1', description: 'Jumlah aplikasi yang tercatat lengkap dalam katalog', aspect: 'KUANTITAS', target: 60, unit: 'aplikasi', midYear: 35, final: 84 },
      qualitative: q('Integrasi katalog dengan portal nasional', 'Katalog tersinkron dengan portal SPBE nasional', 'Sinkron otomatis setiap minggu', 'iki-yuliana-2') },
  ],
  KEVIN: [
    { rhkId: 'rhk-kevin-1', title: 'Terpeliharanya jaringan intra pemerintah pada perangkat daerah', from: { raterKey: 'KASI_SPBE', rhkId: 'rhk-kasi-spbe-1' },
      iki: { ikiId: 'iki-kevin-1', description: 'Jumlah perangkat daerah terhubung jaringan intra', aspect: 'KUANTITAS', target: 25, unit: 'perangkat daerah', midYear: 14, final: 25 },
      qualitative: q('Penanganan gangguan jaringan', 'Gangguan ditangani dengan berita acara', 'Seluruh gangguan tercatat dengan berita acara', 'iki-kevin-2') },
  ],
};

/** The ekspektasi khusus pimpinan each rater records on the plans they approve (one BerAKHLAK value each). */
export const EXPECTATION_BY_RATER: Partial<Record<Key, { value: string; expectation: string }>> = {
  KADIS: { value: 'KOLABORATIF', expectation: 'Memimpin forum SPBE bulanan bersama seluruh perangkat daerah' },
  KABID: { value: 'AKUNTABEL', expectation: 'Melaporkan capaian seksi setiap bulan dengan bukti dukung lengkap' },
  KASI_APLIKASI: {
    value: 'BERORIENTASI_PELAYANAN',
    expectation: 'Menanggapi laporan gangguan aplikasi dari perangkat daerah dalam 1 x 24 jam',
  },
  KASI_SPBE: { value: 'KOMPETEN', expectation: 'Mengikuti satu pelatihan tata kelola SPBE dan membagikan hasilnya' },
};

/** POST .../plan/rhk bodies for one RHK. */
export function rhkBody(plan: RhkPlan) {
  const { iki, qualitative } = plan;
  return {
    rhkId: plan.rhkId,
    kind: 'UTAMA',
    title: plan.title,
    ...('perjanjianKinerjaRef' in plan.from
      ? { cascadesFrom: null, perjanjianKinerjaRef: plan.from.perjanjianKinerjaRef }
      : { cascadesFrom: { raterNip: PEOPLE[plan.from.raterKey].nip, rhkId: plan.from.rhkId } }),
    iki: [
      {
        ikiId: iki.ikiId,
        description: iki.description,
        type: 'QUANTITATIVE',
        aspect: iki.aspect,
        target: iki.target,
        unit: iki.unit,
      },
      ...(qualitative
        ? [
            {
              ikiId: qualitative.ikiId,
              description: qualitative.description,
              type: 'QUALITATIVE',
              target: qualitative.target,
            },
          ]
        : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Self-assessment and the rater's rating as [hasil kerja, perilaku], and the predikat the DOMAIN section 5 table
// gives for the rating (written out by hand: the test's oracle, not the policy's code).

const ATAS: Rating = 'DI_ATAS_EKSPEKTASI';
const SESUAI: Rating = 'SESUAI_EKSPEKTASI';
const BAWAH: Rating = 'DI_BAWAH_EKSPEKTASI';

export interface Assessment {
  self: [Rating, Rating];
  rating: [Rating, Rating];
  predikat: Predikat;
}

export const ASSESSMENTS: Record<AppraisedKey, Assessment> = {
  KABID: { self: [SESUAI, ATAS], rating: [SESUAI, ATAS], predikat: 'BAIK' },
  KASI_APLIKASI: { self: [ATAS, SESUAI], rating: [ATAS, SESUAI], predikat: 'BAIK' },
  KASI_SPBE: { self: [ATAS, SESUAI], rating: [SESUAI, SESUAI], predikat: 'BAIK' },
  RIZKY: { self: [ATAS, ATAS], rating: [ATAS, ATAS], predikat: 'SANGAT_BAIK' },
  DEWI: { self: [SESUAI, SESUAI], rating: [ATAS, SESUAI], predikat: 'BAIK' },
  YOSUA: { self: [SESUAI, SESUAI], rating: [SESUAI, SESUAI], predikat: 'BAIK' },
  NATALIA: { self: [SESUAI, ATAS], rating: [SESUAI, ATAS], predikat: 'BAIK' },
  // Rated leniently at first; revised in DETERMINATION to [BAWAH, SESUAI] = BUTUH_PERBAIKAN to meet the curve.
  SAMUEL: { self: [SESUAI, SESUAI], rating: [SESUAI, SESUAI], predikat: 'BAIK' },
  FITRI: { self: [SESUAI, SESUAI], rating: [SESUAI, SESUAI], predikat: 'BAIK' },
  // The large self-vs-supervisor gap (2 steps on hasil kerja + 1 on perilaku): held for a dialogue note.
  MARTHEN: { self: [ATAS, ATAS], rating: [BAWAH, SESUAI], predikat: 'BUTUH_PERBAIKAN' },
  YULIANA: { self: [ATAS, SESUAI], rating: [ATAS, ATAS], predikat: 'SANGAT_BAIK' },
  KEVIN: { self: [SESUAI, SESUAI], rating: [SESUAI, SESUAI], predikat: 'BAIK' },
};

export const SAMUEL_REVISED: Assessment = {
  self: [SESUAI, SESUAI],
  rating: [BAWAH, SESUAI],
  predikat: 'BUTUH_PERBAIKAN',
};

/** Every BerAKHLAK value with the same rating. */
export const allValues = (rating: Rating, note = '') => BERAKHLAK_VALUES.map((value) => ({ value, rating, note }));

/** The bukti dukung each employee uploads: a report file identified by the SHA-256 of its content. */
export function evidenceOf(key: AppraisedKey) {
  const content = `Laporan realisasi SKP 2026 semester I - ${PEOPLE[key].name} - NIP ${PEOPLE[key].nip}`;
  return {
    evidenceId: `bukti-${key.toLowerCase().replace(/_/g, '-')}`,
    kind: 'FILE',
    file: {
      fileName: `laporan-realisasi-${key.toLowerCase()}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
    },
    description: 'Laporan realisasi semester I beserta lampiran',
  };
}

/** POST .../ratings: the final realisations of every IKI, the two ratings, and for any non-SESUAI a justification. */
export function ratingBody(key: AppraisedKey, [hasilKerja, perilaku]: [Rating, Rating], justification: string) {
  const departs = hasilKerja !== SESUAI || perilaku !== SESUAI;
  return {
    realisations: PLANS[key].flatMap((plan) => [
      { rhkId: plan.rhkId, ikiId: plan.iki.ikiId, value: plan.iki.final },
      ...(plan.qualitative
        ? [{ rhkId: plan.rhkId, ikiId: plan.qualitative.ikiId, narrative: plan.qualitative.final }]
        : []),
    ]),
    hasilKerja,
    perilaku,
    valueNotes: [{ value: 'AKUNTABEL', note: 'Laporan kegiatan tepat waktu dan dapat dipertanggungjawabkan' }],
    ...(departs ? { justification, evidenceIds: [evidenceOf(key).evidenceId] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export interface Principals {
  admin: string;
  hr: string;
  person: Record<Key, string>;
}

export async function principalsFor(h: ApiHarness): Promise<Principals> {
  const person = {} as Record<Key, string>;
  for (const [key, p] of Object.entries(PEOPLE) as [Key, Person][]) {
    person[key] = await h.token({
      sub: `pegawai-${key.toLowerCase()}`,
      roles: [Role.EMPLOYEE, ...p.roles],
      agencyId: AGENCY,
      nip: p.nip,
    });
  }
  return {
    admin: await h.token({ sub: 'admin-bkpsdm', roles: [Role.ADMIN] }),
    hr: await h.token({ sub: 'hr-bkpsdm-manokwari', roles: [Role.HR], agencyId: AGENCY }),
    person,
  };
}

export interface Reply<T> {
  body: T;
  etag: string | undefined;
}

/** Requests that must answer a given status, else fail with the whole response body; and refusals. */
export function client(h: ApiHarness) {
  async function send(method: Method, url: string, token: string | undefined, body?: unknown) {
    const r = await h.request({ method, url, token, body });
    const json: unknown = r.body.length > 0 ? r.json() : {};
    return { status: r.statusCode, body: json, etag: r.headers.etag as string | undefined };
  }

  /** `status` defaults to 201 for POST, 200 for GET and PUT. */
  async function call<T = Record<string, unknown>>(
    method: Method,
    url: string,
    token: string | undefined,
    body?: unknown,
    status = method === 'POST' ? 201 : 200,
  ): Promise<Reply<T>> {
    const r = await send(method, url, token, body);
    if (r.status !== status) {
      throw new Error(`${method} ${url}: expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    }
    return { body: r.body as T, etag: r.etag };
  }

  return {
    call,
    get: async <T>(url: string, token: string) => (await call<T>('GET', url, token)).body,
    post: async <T = Record<string, unknown>>(url: string, token: string, body?: unknown) =>
      (await call<T>('POST', url, token, body)).body,
    put: async <T = Record<string, unknown>>(url: string, token: string, body?: unknown) =>
      (await call<T>('PUT', url, token, body)).body,
    /** Expects `status` with error `code`, and that not a single event was written. Returns the error body. */
    async refused(status: number, code: string, method: Method, url: string, token: string, body?: unknown) {
      const before = await h.countEvents();
      const r = await send(method, url, token, body);
      expect({ method, url, status: r.status, body: r.body }).toMatchObject({ status, body: { code } });
      expect(await h.countEvents()).toBe(before);
      return r.body as { code: string; message: string; details: Record<string, unknown>[] };
    },
    /** Polls a GET until it answers 200 and `ready` holds (read models follow the events asynchronously). */
    eventually: <T>(url: string, token: string, ready: (body: T) => boolean) =>
      h.eventually(async () => {
        const r = await send('GET', url, token);
        return r.status === 200 && ready(r.body as T) ? (r.body as T) : undefined;
      }),
  };
}

/** The agency, its units and heads, and its 14 employees, through the API; waits for the read models. */
export async function buildOrganization(h: ApiHarness, p: Principals): Promise<void> {
  const c = client(h);
  await c.post('/api/v1/agencies', p.admin, {
    agencyId: AGENCY,
    name: 'Pemerintah Kabupaten Manokwari',
    timeZone: TIME_ZONE,
  });
  for (const { unitId, name, parentUnitId } of UNITS) {
    await c.post(`/api/v1/agencies/${AGENCY}/units`, p.hr, { unitId, name, parentUnitId });
  }
  for (const { roles: _roles, ...person } of Object.values(PEOPLE)) {
    await c.post('/api/v1/employees', p.hr, { ...person, agencyId: AGENCY });
  }
  for (const { unitId, head } of UNITS) {
    if (head) await c.put(`/api/v1/agencies/${AGENCY}/units/${unitId}/head`, p.hr, { nip: PEOPLE[head].nip });
  }
  // Opening the cycle reads who is in scope and their reporting lines from the read models: wait for both.
  await c.eventually<{ items: unknown[] }>(
    `/api/v1/employees?agencyId=${AGENCY}&limit=100`,
    p.hr,
    (page) => page.items.length === Object.keys(PEOPLE).length,
  );
  type Line = { rater: { nip: string } | null; raterSupervisor: { nip: string } | null };
  for (const key of APPRAISED) {
    const { rater, supervisor } = LINE[key];
    await c.eventually<Line>(
      `/api/v1/employees/${PEOPLE[key].nip}/reporting-line`,
      p.hr,
      (line) => line.rater?.nip === PEOPLE[rater].nip && line.raterSupervisor?.nip === PEOPLE[supervisor].nip,
    );
  }
}
