// The roles a principal can hold. RATER = pejabat penilai, RATER_SUPERVISOR = atasan pejabat penilai.
export const Role = {
  EMPLOYEE: 'EMPLOYEE',
  RATER: 'RATER',
  RATER_SUPERVISOR: 'RATER_SUPERVISOR',
  HR: 'HR',
  AUDITOR: 'AUDITOR',
  ADMIN: 'ADMIN',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
