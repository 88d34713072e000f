// The 8 managerial competencies and the 1 socio-cultural competency of PermenPANRB 38/2017, levels 1..5.
// NOTE: the descriptions and level descriptors below are short SUMMARIES of the regulation's definitions and
// behaviour indicators, not its full text; agencies read the regulation itself for the authoritative wording.
import type { LevelledCompetency } from './catalogue-types.js';

export const MANAGERIAL: readonly LevelledCompetency[] = [
  {
    code: 'INTEGRITAS',
    name: 'Integritas',
    kind: 'MANAJERIAL',
    description:
      'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur, dan bertanggung jawab atas tindakan dan keputusan beserta risikonya.',
    levels: [
      'Bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi',
      'Mengingatkan dan mengajak rekan kerja bertindak sesuai nilai, norma, dan etika organisasi',
      'Memastikan anggota yang dipimpin bertindak sesuai nilai, norma, dan etika organisasi',
      'Menciptakan situasi kerja yang membuat semua pihak bertindak sesuai nilai, norma, dan etika organisasi',
      'Menjadi teladan dalam penerapan standar keadilan dan etika di tingkat nasional',
    ],
  },
  {
    code: 'KERJA_SAMA',
    name: 'Kerja Sama',
    kind: 'MANAJERIAL',
    description:
      'Membangun tim kerja yang efektif dan partisipatif di dalam maupun lintas unit kerja untuk mencapai tujuan organisasi.',
    levels: [
      'Berpartisipasi sebagai anggota tim yang baik',
      'Menumbuhkan tim kerja yang partisipatif dan efektif',
      'Membangun tim kerja yang efektif untuk meningkatkan kinerja organisasi',
      'Membangun komitmen dan sinergi tim',
      'Menciptakan kerja sama yang konsisten di dalam dan di luar instansi',
    ],
  },
  {
    code: 'KOMUNIKASI',
    name: 'Komunikasi',
    kind: 'MANAJERIAL',
    description:
      'Menyampaikan pemahaman, pemikiran, dan informasi secara lisan dan tertulis dengan jelas, serta mendengarkan secara aktif.',
    levels: [
      'Menyampaikan informasi dengan jelas, lengkap, dan dengan pemahaman yang sama',
      'Aktif berkomunikasi formal dan informal serta bersedia mendengarkan orang lain',
      'Berkomunikasi asertif dan menyampaikan informasi yang sensitif atau kompleks',
      'Mengemukakan pemikiran multidimensi untuk mendorong kesepakatan',
      'Menggagas sistem komunikasi yang terbuka secara strategis',
    ],
  },
  {
    code: 'ORIENTASI_PADA_HASIL',
    name: 'Orientasi pada Hasil',
    kind: 'MANAJERIAL',
    description:
      'Mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas dengan dapat diandalkan, bertanggung jawab, dan mencapai target.',
    levels: [
      'Bertanggung jawab memenuhi standar kerja',
      'Berupaya meningkatkan hasil kerja pribadi melebihi standar',
      'Menetapkan target kerja yang menantang bagi unit kerja',
      'Mendorong unit kerja mencapai atau melebihi target',
      'Menyusun kebijakan dengan target kinerja organisasi yang berdampak luas',
    ],
  },
  {
    code: 'PELAYANAN_PUBLIK',
    name: 'Pelayanan Publik',
    kind: 'MANAJERIAL',
    description:
      'Memberikan pelayanan yang berkualitas, objektif, transparan, profesional, sesuai standar, dan tidak diskriminatif.',
    levels: [
      'Menjalankan tugas pelayanan publik secara bertanggung jawab, transparan, tuntas, dan akurat',
      'Mengawasi dan memberikan pemahaman yang jelas dalam pelayanan publik',
      'Memperbaiki standar pelayanan publik di lingkup unit kerja',
      'Mengantisipasi dampak isu jangka panjang terhadap pelayanan pemangku kepentingan',
      'Memastikan kebijakan pelayanan publik yang objektif, netral, dan tidak diskriminatif',
    ],
  },
  {
    code: 'PENGEMBANGAN_DIRI_DAN_ORANG_LAIN',
    name: 'Pengembangan Diri dan Orang Lain',
    kind: 'MANAJERIAL',
    description:
      'Meningkatkan pengetahuan dan keterampilan diri sendiri serta mengembangkan kemampuan orang lain secara berkelanjutan.',
    levels: [
      'Mengembangkan diri sendiri',
      'Memberi contoh dan penjelasan cara melaksanakan pekerjaan kepada bawahan',
      'Memberikan umpan balik dan membimbing',
      'Menyusun program pengembangan jangka panjang',
      'Menciptakan organisasi yang terus belajar',
    ],
  },
  {
    code: 'MENGELOLA_PERUBAHAN',
    name: 'Mengelola Perubahan',
    kind: 'MANAJERIAL',
    description: 'Menyesuaikan diri dengan situasi baru dan mendorong, memimpin, serta mengelola perubahan organisasi.',
    levels: [
      'Menyadari perubahan dan berusaha menyesuaikan diri',
      'Proaktif beradaptasi mengikuti perubahan',
      'Membantu orang lain mengikuti perubahan',
      'Memimpin perubahan pada unit kerja',
      'Mengelola perubahan strategis di tingkat instansi',
    ],
  },
  {
    code: 'PENGAMBILAN_KEPUTUSAN',
    name: 'Pengambilan Keputusan',
    kind: 'MANAJERIAL',
    description:
      'Menganalisis masalah, memilih alternatif dengan pertimbangan risiko, dan mengambil keputusan yang tepat waktu dan bertanggung jawab.',
    levels: [
      'Mengumpulkan informasi untuk bertindak sesuai kewenangan',
      'Menganalisis masalah secara mendalam',
      'Membandingkan alternatif dan menyeimbangkan risiko',
      'Menyelesaikan masalah berisiko tinggi dan memitigasi dampaknya',
      'Mengambil keputusan strategis berdampak luas atau nasional',
    ],
  },
];

export const SOCIO_CULTURAL: readonly LevelledCompetency[] = [
  {
    code: 'PEREKAT_BANGSA',
    name: 'Perekat Bangsa',
    kind: 'SOSIAL_KULTURAL',
    description:
      'Mempromosikan sikap toleransi, keterbukaan, dan peka terhadap perbedaan individu dan kelompok masyarakat; menjadi perekat bangsa.',
    levels: [
      'Peka memahami dan menerima kemajemukan',
      'Aktif mengembangkan sikap saling menghargai dan persatuan',
      'Mempromosikan dan mengembangkan sikap toleransi dan persatuan',
      'Mendayagunakan perbedaan secara konstruktif untuk efektivitas organisasi',
      'Menjadi wakil pemerintah dalam membangun hubungan sosial psikologis',
    ],
  },
];
