// The demo SKP plans: what a Kepala Bidang Pembinaan Sekolah Dasar and one of the bidang's school heads would
// plan for 2026 (RHK, IKI with targets, the leader's ekspektasi khusus), in the words such plans use. The bidang
// head's RHK derive from the office's Perjanjian Kinerja (their rater, the Kepala Dinas, has no plan in the
// cycle); the school head's cascade from the bidang head's RHK.
import type { BerakhlakValueCode, RhkContent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';

export interface DemoPlan {
  rhk: RhkContent[];
  /** Ekspektasi khusus pimpinan, recorded by the rater when approving the plan. */
  expectations: { value: BerakhlakValueCode; expectation: string }[];
}

const PK_2026 = 'Perjanjian Kinerja 2026 Dinas Pendidikan Kota Manokwari';

/** The bidang head's RHK ids: the school head's plan cascades from them. */
export const BIDANG_RHK = { mutu: 'rhk-sd-mutu', sarpras: 'rhk-sd-sarpras', rapor: 'rhk-sd-rapor' } as const;

export function bidangHeadPlan(): DemoPlan {
  return {
    rhk: [
      {
        rhkId: BIDANG_RHK.mutu,
        kind: 'UTAMA',
        title: 'Meningkatnya mutu pembelajaran SD di Kota Manokwari',
        cascadesFrom: null,
        perjanjianKinerjaRef: `${PK_2026}, Sasaran Strategis 1: Meningkatnya mutu pendidikan dasar`,
        iki: [
          {
            ikiId: 'iki-sd-akreditasi',
            description: 'Persentase sekolah terakreditasi minimal B',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 85,
            unit: '%',
          },
          {
            ikiId: 'iki-sd-kurikulum',
            description: 'Persentase SD negeri yang menerapkan Kurikulum Merdeka',
            type: 'QUANTITATIVE',
            aspect: 'KUANTITAS',
            target: 100,
            unit: '%',
          },
          {
            ikiId: 'iki-sd-literasi',
            description: 'Persentase peserta didik SD yang mencapai kompetensi minimum literasi pada Asesmen Nasional',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 65,
            unit: '%',
          },
        ],
      },
      {
        rhkId: BIDANG_RHK.sarpras,
        kind: 'UTAMA',
        title: 'Meningkatnya pemenuhan sarana dan prasarana SD sesuai standar nasional pendidikan',
        cascadesFrom: null,
        perjanjianKinerjaRef: `${PK_2026}, Sasaran Strategis 2: Meningkatnya pemerataan layanan pendidikan dasar`,
        iki: [
          {
            ikiId: 'iki-sd-ruang-kelas',
            description: 'Persentase ruang kelas SD dalam kondisi baik',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 80,
            unit: '%',
          },
          {
            ikiId: 'iki-sd-dak-fisik',
            description: 'Persentase realisasi anggaran DAK fisik bidang SD',
            type: 'QUANTITATIVE',
            aspect: 'BIAYA',
            target: 95,
            unit: '%',
          },
        ],
      },
      {
        rhkId: BIDANG_RHK.rapor,
        kind: 'TAMBAHAN',
        title: 'Terlaksananya pendampingan perencanaan berbasis data Rapor Pendidikan di SD negeri',
        cascadesFrom: null,
        perjanjianKinerjaRef: `${PK_2026}, Program: Penguatan perencanaan berbasis data satuan pendidikan`,
        iki: [
          {
            ikiId: 'iki-sd-rkas',
            description: 'Kualitas pendampingan penyusunan RKAS berbasis data Rapor Pendidikan',
            type: 'QUALITATIVE',
            target: 'Seluruh SD negeri menyusun RKAS 2026 berbasis data Rapor Pendidikan dan diverifikasi oleh bidang',
          },
        ],
      },
    ],
    expectations: [
      {
        value: 'AKUNTABEL',
        expectation:
          'Menyampaikan laporan capaian kinerja bidang setiap triwulan tepat waktu dengan data terverifikasi',
      },
      { value: 'ADAPTIF', expectation: 'Memimpin penerapan Kurikulum Merdeka di seluruh SD negeri Kota Manokwari' },
    ],
  };
}

export function schoolHeadPlan(schoolName: string, bidangHeadNip: string): DemoPlan {
  const from = (rhkId: string) => ({ raterNip: bidangHeadNip, rhkId });
  return {
    rhk: [
      {
        rhkId: 'rhk-sekolah-mutu',
        kind: 'UTAMA',
        title: `Meningkatnya mutu pembelajaran di ${schoolName}`,
        cascadesFrom: from(BIDANG_RHK.mutu),
        perjanjianKinerjaRef: null,
        iki: [
          {
            ikiId: 'iki-sekolah-diferensiasi',
            description: 'Persentase guru yang menerapkan pembelajaran berdiferensiasi sesuai Kurikulum Merdeka',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 80,
            unit: '%',
          },
          {
            ikiId: 'iki-sekolah-literasi',
            description: 'Persentase peserta didik kelas V yang mencapai kompetensi minimum literasi',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 70,
            unit: '%',
          },
          {
            ikiId: 'iki-sekolah-akreditasi',
            description: 'Status akreditasi sekolah',
            type: 'QUALITATIVE',
            target: 'Sekolah mempertahankan akreditasi minimal B pada visitasi BAN-PDM 2026',
          },
        ],
      },
      {
        rhkId: 'rhk-sekolah-sarpras',
        kind: 'UTAMA',
        title: `Terpeliharanya sarana dan prasarana ${schoolName}`,
        cascadesFrom: from(BIDANG_RHK.sarpras),
        perjanjianKinerjaRef: null,
        iki: [
          {
            ikiId: 'iki-sekolah-ruang-kelas',
            description: 'Persentase ruang kelas dalam kondisi baik',
            type: 'QUANTITATIVE',
            aspect: 'KUALITAS',
            target: 90,
            unit: '%',
          },
          {
            ikiId: 'iki-sekolah-bosp',
            description: 'Laporan penggunaan dana BOSP per semester yang disampaikan tepat waktu',
            type: 'QUANTITATIVE',
            aspect: 'WAKTU',
            target: 2,
            unit: 'laporan',
          },
        ],
      },
    ],
    expectations: [
      {
        value: 'BERORIENTASI_PELAYANAN',
        expectation: 'Menindaklanjuti pengaduan orang tua peserta didik paling lambat 3 hari kerja',
      },
      {
        value: 'KOLABORATIF',
        expectation: 'Aktif dalam Kelompok Kerja Kepala Sekolah dan berbagi praktik baik dengan SD lain',
      },
    ],
  };
}

/**
 * Everyone else's plan: one RHK utama with one IKI, cascading from the first RHK of the rater's plan (from the
 * Perjanjian Kinerja when the rater has no appraisal in the cycle).
 */
export function generalPlan(
  position: string,
  unitName: string,
  raterPlan: { raterNip: string; rhkIds: string[] } | null,
): DemoPlan {
  const cascade = raterPlan && raterPlan.rhkIds.length > 0 ? raterPlan : null;
  return {
    rhk: [
      {
        rhkId: 'rhk-2026-1',
        kind: 'UTAMA',
        title: `Terlaksananya tugas ${position} di ${unitName} sesuai standar pelayanan`,
        cascadesFrom: cascade ? { raterNip: cascade.raterNip, rhkId: cascade.rhkIds[0] } : null,
        perjanjianKinerjaRef: cascade ? null : `${PK_2026}, Sasaran Strategis 1: Meningkatnya mutu pendidikan dasar`,
        iki: [
          {
            ikiId: 'iki-2026-1',
            description: 'Persentase rencana kerja tahunan yang terlaksana tepat waktu',
            type: 'QUANTITATIVE',
            aspect: 'KUANTITAS',
            target: 100,
            unit: '%',
          },
        ],
      },
    ],
    expectations: [],
  };
}
