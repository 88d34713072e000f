// BerAKHLAK, the core values of ASN (SE MenPANRB 20/2021, perilaku kerja in PermenPANRB 6/2022):
// 7 values x 3 fixed behaviour indicators (DOMAIN section 4).
import type { BerakhlakValue } from './catalogue-types.js';

export const BERAKHLAK: readonly BerakhlakValue[] = [
  {
    code: 'BERORIENTASI_PELAYANAN',
    name: 'Berorientasi Pelayanan',
    indicators: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    code: 'AKUNTABEL',
    name: 'Akuntabel',
    indicators: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    code: 'KOMPETEN',
    name: 'Kompeten',
    indicators: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    code: 'HARMONIS',
    name: 'Harmonis',
    indicators: [
      'Menghargai setiap orang apa pun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    code: 'LOYAL',
    name: 'Loyal',
    indicators: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    code: 'ADAPTIF',
    name: 'Adaptif',
    indicators: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    code: 'KOLABORATIF',
    name: 'Kolaboratif',
    indicators: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
];
