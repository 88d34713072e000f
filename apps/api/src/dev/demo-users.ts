// The seeded demo people the console's dev-mode picker offers (README "Console"): the same people `seed-demo`
// prints dev tokens for, plus an auditor (auditors are not employees of the agency, so the seed has none).
import { Role } from '../../../../libs/auth/src/index.js';
import { DEMO_AGENCY, generateDemoAgency } from '../../../../libs/organization-import/src/demo/demo-agency.js';
import {
  DEMO_CYCLE_ID,
  demoHeads,
  walkThroughPeople,
} from '../../../../libs/organization-import/src/demo/demo-cast.js';

export { DEMO_CYCLE_ID };

/** The picker's choices, in its order (a constant, so the request DTO needs no generated agency). */
export const DEMO_USER_IDS = ['auditor', 'hr', 'kepala-bidang', 'kepala-sekolah', 'guru'] as const;

export interface DemoUser {
  /** Stable key the picker sends back. */
  id: (typeof DEMO_USER_IDS)[number];
  label: string;
  sub: string;
  roles: Role[];
  agencyId?: string;
  nip?: string;
  name: string;
}

let cached: DemoUser[] | undefined;

/** Generated from the demo agency's fixed seed, so the NIPs are the ones `seed-demo` loaded. */
export function demoUsers(): DemoUser[] {
  if (cached) return cached;
  const demo = generateDemoAgency();
  const agencyId = DEMO_AGENCY.agencyId;
  // The same people `seed-demo` prints tokens for (libs/organization-import/src/demo/demo-cast.ts).
  const { kepalaBidang, kepalaSekolah } = demoHeads(demo);
  const { guru } = walkThroughPeople(demo);
  const person = (id: DemoUser['id'], label: string, p: { nip: string; name: string }, roles: Role[]): DemoUser => ({
    id,
    label,
    sub: `pegawai-${p.nip}`,
    roles,
    agencyId,
    nip: p.nip,
    name: p.name,
  });
  cached = [
    { id: 'auditor', label: 'Auditor (Inspektorat)', sub: 'auditor-demo', roles: [Role.AUDITOR], name: 'Auditor Demo' },
    {
      id: 'hr',
      label: 'HR (kepegawaian)',
      sub: 'hr-disdik-manokwari',
      roles: [Role.HR],
      agencyId,
      name: 'Admin Kepegawaian',
    },
    person('kepala-bidang', 'Kepala Bidang', kepalaBidang, [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR]),
    person('kepala-sekolah', 'Kepala Sekolah', kepalaSekolah, [Role.EMPLOYEE, Role.RATER]),
    person('guru', 'Guru', guru, [Role.EMPLOYEE]),
  ];
  return cached;
}
