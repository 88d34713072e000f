// Shared helpers of the competency-framework e2e tests: tokens per role and agency, and request shortcuts.
import { Role } from '../../libs/auth/src/index.js';
import type { ApiHarness } from '../support/api-harness.js';

export const AGENCY_A = 'kota-manokwari';
export const AGENCY_B = 'kota-sorong';

export const pedagogik = {
  code: 'PEDAGOGIK',
  name: 'Kompetensi Pedagogik',
  description: 'Mengelola pembelajaran peserta didik',
  levels: ['Memahami', 'Menerapkan', 'Mengembangkan', 'Membimbing', 'Menjadi rujukan'],
};

export const guruLevels = {
  positionTitle: 'Guru Ahli Pertama',
  levels: [
    { competencyCode: 'INTEGRITAS', level: 2 },
    { competencyCode: 'PEDAGOGIK', level: 3 },
  ],
};

export function frameworkClient(h: () => ApiHarness) {
  const tokens = {
    hrA: () => h().token({ sub: 'hr-a', roles: [Role.HR], agencyId: AGENCY_A }),
    hrB: () => h().token({ sub: 'hr-b', roles: [Role.HR], agencyId: AGENCY_B }),
    employeeA: () => h().token({ sub: 'emp-a', roles: [Role.EMPLOYEE], agencyId: AGENCY_A, nip: '198503152010011002' }),
    employeeB: () => h().token({ sub: 'emp-b', roles: [Role.EMPLOYEE], agencyId: AGENCY_B, nip: '199001012015031001' }),
    raterA: () => h().token({ sub: 'rater-a', roles: [Role.RATER], agencyId: AGENCY_A, nip: '197805202005011003' }),
    auditor: () => h().token({ sub: 'auditor-1', roles: [Role.AUDITOR] }),
    admin: () => h().token({ sub: 'admin-1', roles: [Role.ADMIN] }),
  };
  return {
    tokens,
    countEvents: () => h().countEvents(),
    send: async (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      token: string | undefined,
      body?: unknown,
      headers?: Record<string, string>,
    ) => h().request({ method, url, token, body, headers }),
    /** GET until the read model answers 200 and `ready` holds (it follows the events asynchronously). */
    eventuallyGet: async <T>(url: string, token: string, ready: (body: T) => boolean = () => true): Promise<T> =>
      h().eventually(async () => {
        const r = await h().request({ method: 'GET', url, token });
        if (r.statusCode !== 200) return undefined;
        const body = r.json() as T;
        return ready(body) ? body : undefined;
      }),
  };
}
