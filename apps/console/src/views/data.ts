// Reads several views share: cycles, unit names, all appraisals of a cycle (pages followed).
import { get } from '../api.js';

export interface CycleSummary {
  cycleId: string;
  agencyId: string;
  name: string;
  phase: string;
  unitIds: string[];
}

export interface AppraisalRow {
  nip: string;
  name: string | null;
  unitId: string;
  raterName: string | null;
  status: string;
  ratingStatus: string | null;
  predikat: string | null;
  publishedPredikat: string | null;
  published: boolean;
  populationId: string | null;
  objectionLastDay: string | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a keyset-paginated list, up to `max` items (the console reads one cycle at a time). */
export async function all<T>(path: string, query: Record<string, string | undefined>, max = 5000): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await get<Page<T>>(path, { ...query, limit: '500', after });
    items.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after && items.length < max);
  return items;
}

export const listCycles = () => all<CycleSummary>('/api/v1/cycles', {});

const unitNames = new Map<string, Promise<Map<string, string>>>();

/** Unit id → name for an agency; ids stand in for names the caller may not read. */
export function unitNamesOf(agencyId: string): Promise<Map<string, string>> {
  let names = unitNames.get(agencyId);
  if (!names) {
    names = all<{ unitId: string; name: string }>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/units`, {})
      .then((units) => new Map(units.map((u) => [u.unitId, u.name])))
      .catch(() => new Map<string, string>());
    unitNames.set(agencyId, names);
  }
  return names;
}

export const cyclePath = (cycleId: string) => `/api/v1/cycles/${encodeURIComponent(cycleId)}`;
export const appraisalPath = (cycleId: string, nip: string) =>
  `${cyclePath(cycleId)}/appraisals/${encodeURIComponent(nip)}`;
