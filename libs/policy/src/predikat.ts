import type { Policy, Predikat, Rating } from './policy.js';

/** The employee's predikat from the two ratings, by the policy's matrix (DOMAIN section 5: no weighting). */
export function predikatFor(policy: Policy, hasilKerja: Rating, perilaku: Rating): Predikat {
  return policy.predikatMatrix[hasilKerja][perilaku];
}
