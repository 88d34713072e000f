// The bearer token lives in sessionStorage (gone when the tab closes); who it is comes from its claims, read
// here only to choose views: the API decides every access.
const TOKEN_KEY = 'kinerja.console.token';
const LABEL_KEY = 'kinerja.console.label';

export interface Who {
  sub: string;
  roles: string[];
  agencyId?: string;
  nip?: string;
  name?: string;
  exp?: number;
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value: string, label?: string): void {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
  if (label) sessionStorage.setItem(LABEL_KEY, label);
  else sessionStorage.removeItem(LABEL_KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(LABEL_KEY);
}

export function label(): string | null {
  return sessionStorage.getItem(LABEL_KEY);
}

export function who(): Who | null {
  const value = token();
  if (!value) return null;
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Record<string, unknown>;
    const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
    if (claims.exp && Number(claims.exp) * 1000 < Date.now()) return null;
    return {
      sub: String(claims.sub ?? ''),
      roles,
      agencyId: typeof claims.agency_id === 'string' ? claims.agency_id : undefined,
      nip: typeof claims.nip === 'string' ? claims.nip : undefined,
      name: typeof claims.name === 'string' ? claims.name : undefined,
      exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    };
  } catch {
    return null;
  }
}

export const has = (w: Who | null, ...roles: string[]) => !!w && roles.some((r) => w.roles.includes(r));

const CYCLE_KEY = 'kinerja.console.cycle';

/** The cycle last looked at (or the demo cycle the picker names), for views reached without one. */
export function lastCycle(): string | null {
  return sessionStorage.getItem(CYCLE_KEY);
}

export function rememberCycle(cycleId: string): void {
  sessionStorage.setItem(CYCLE_KEY, cycleId);
}
