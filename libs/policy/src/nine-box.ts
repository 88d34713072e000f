import type { Policy, Potensial, Rating } from './policy.js';

/** The talent box (1..9) for kinerja x potensial, by the policy's layout (DOMAIN section 8). */
export function nineBox(policy: Policy, kinerja: Rating, potensial: Potensial): number {
  return policy.nineBox[kinerja][potensial];
}
