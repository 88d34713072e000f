// Valid NIPs for generated people (DOMAIN section 12): a real birth date, an appointment month some years
// after the 18th birthday and not after `latestAppointment`, the gender digit, and a sequence number that
// keeps every NIP unique.
import type { Random } from './seeded-random.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export class NipGenerator {
  private readonly used = new Set<string>();

  constructor(
    private readonly random: Random,
    /** YYYY-MM */
    private readonly latestAppointment = '2025-12',
  ) {}

  next(gender: 'MALE' | 'FEMALE', birthYears: [number, number] = [1965, 1998]): string {
    for (;;) {
      const year = this.random.int(birthYears[0], birthYears[1]);
      const month = this.random.int(1, 12);
      const day = this.random.int(1, 28);
      // Appointed 3 to 20 years after the month of the 18th birthday, never in the future.
      const total = Math.min(
        (year + 18) * 12 + (month - 1) + this.random.int(36, 240),
        Number(this.latestAppointment.slice(0, 4)) * 12 + Number(this.latestAppointment.slice(5, 7)) - 1,
      );
      if (total <= (year + 18) * 12 + (month - 1)) continue;
      const appointment = `${Math.floor(total / 12)}${pad((total % 12) + 1)}`;
      const stem = `${year}${pad(month)}${pad(day)}${appointment}${gender === 'MALE' ? 1 : 2}`;
      for (let sequence = 1; sequence < 1000; sequence++) {
        const nip = `${stem}${pad(sequence, 3)}`;
        if (!this.used.has(nip)) {
          this.used.add(nip);
          return nip;
        }
      }
    }
  }
}
