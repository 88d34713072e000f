// Bench events shaped like the product's: a ~1 KB rating payload and the metadata every event carries
// (actor, correlation/causation ids, occurredAt, policy version, hash-chain fields). Deterministic per seed.
import type { NewEvent } from '../../../libs/event-store/src/port.js';

const BEHAVIOURS = ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];
const RATINGS = ['dibawah_ekspektasi', 'sesuai_ekspektasi', 'diatas_ekspektasi'];
const INDICATORS = [
  'Menyusun laporan kinerja unit tepat waktu',
  'Menindaklanjuti pengaduan layanan dalam 3 hari kerja',
  'Menyelesaikan verifikasi dokumen kepegawaian',
];

/** Small seeded PRNG (mulberry32): reproducible payloads without a dependency. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(random: () => number): string {
  const hex = hexFrom(random, 32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function hexFrom(random: () => number, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** An 18-digit NIP (civil servant id) for stream index i. */
export function nipFor(i: number): string {
  return `19900101${String(2020120000 + i).padStart(10, '0')}`;
}

export function ratingEvent(random: () => number, streamName: string, nip: string, seq: number): NewEvent {
  const occurredAt = new Date(Date.UTC(2025, 11, 1) + seq * 1000).toISOString();
  return {
    id: uuidFrom(random),
    type: 'IndicatorRatingSubmitted',
    data: {
      appraisalId: streamName,
      cycleId: '2025',
      nip,
      raterNip: nipFor(900000 + Math.floor(random() * 1000)),
      period: 'tahunan',
      indicators: INDICATORS.map((title, i) => ({
        code: `RHK-0${i + 1}`,
        title,
        target: `${4 + i} dokumen`,
        realization: `${3 + Math.floor(random() * 3)} dokumen`,
        rating: pick(random, RATINGS),
      })),
      behaviour: Object.fromEntries(BEHAVIOURS.map((b) => [b, pick(random, RATINGS)])),
      evidence: [{ documentId: uuidFrom(random), sha256: hexFrom(random, 64) }],
      comment:
        'Pegawai menyelesaikan sebagian besar target tepat waktu; koordinasi lintas unit perlu ditingkatkan ' +
        'pada triwulan berikutnya sesuai catatan rapat evaluasi.',
    },
    metadata: {
      actor: { id: nipFor(900000 + Math.floor(random() * 1000)), role: 'rater' },
      correlationId: uuidFrom(random),
      causationId: uuidFrom(random),
      occurredAt,
      policyVersion: '2025.1',
      prevHash: hexFrom(random, 64),
      hash: hexFrom(random, 64),
    },
  };
}
