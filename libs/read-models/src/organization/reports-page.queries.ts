// Whom a person rates, one page at a time: their direct reports (they are the pejabat penilai), then the reports
// of those reports (they are the atasan pejabat penilai), each by NIP. A head of office can have hundreds.
import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import { REPORTING_LINES } from './reporting-lines.projection.js';
import type { PersonRef } from './reporting-lines.queries.js';
import type { ReportingLinesTables } from './reporting-lines.tables.js';

export type ReportRelation = 'direct' | 'indirect';

export interface ReportsPage {
  nip: string;
  /** employees this person rates (on this page) */
  directReports: PersonRef[];
  /** employees whose rater this person rates (on this page) */
  reportsOfReports: PersonRef[];
  /** `direct:<nip>` or `indirect:<nip>`: pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A cursor as nextCursor gives it: which list it is in and the last NIP seen there. */
export const REPORTS_CURSOR = /^(direct|indirect):(\d{18})$/;

export async function reportsPage(
  db: Kysely<unknown>,
  nip: string,
  page: { after?: string; limit: number },
): Promise<ReportsPage> {
  const tables = (db as Kysely<ReportingLinesTables>).withSchema(await activeSchema(db, REPORTING_LINES));
  const cursor = page.after ? REPORTS_CURSOR.exec(page.after) : null;
  const [afterRelation, afterNip] = cursor ? [cursor[1] as ReportRelation, cursor[2]] : [undefined, undefined];
  const people = async (relation: ReportRelation, count: number): Promise<PersonRef[]> => {
    if (count <= 0) return [];
    let query = tables
      .selectFrom('lines as l')
      .leftJoin('members as m', 'm.nip', 'l.nip')
      .select(['l.nip', 'm.name'])
      .where(relation === 'direct' ? 'l.rater_nip' : 'l.supervisor_nip', '=', nip)
      .orderBy('l.nip')
      .limit(count);
    if (afterRelation === relation) query = query.where('l.nip', '>', afterNip!);
    return query.execute();
  };
  // One more than asked tells whether another page follows.
  const direct = afterRelation === 'indirect' ? [] : await people('direct', page.limit + 1);
  const indirect = await people('indirect', page.limit + 1 - direct.length);
  const all = [
    ...direct.map((p) => ({ ...p, relation: 'direct' as const })),
    ...indirect.map((p) => ({ ...p, relation: 'indirect' as const })),
  ];
  const shown = all.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    nip,
    directReports: shown.filter((p) => p.relation === 'direct').map(({ nip: n, name }) => ({ nip: n, name })),
    reportsOfReports: shown.filter((p) => p.relation === 'indirect').map(({ nip: n, name }) => ({ nip: n, name })),
    nextCursor: all.length > page.limit && last ? `${last.relation}:${last.nip}` : null,
  };
}
