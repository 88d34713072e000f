// Reads of training_jp: who in an agency is short of the yearly JP target. The people are the employee
// directory's (their current agency, name, unit); their JP are every training completed in the year, whichever
// agency recorded it. Keyset-paginated by NIP. The target comes from the caller (the agency's policy).
import { sql, type Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import { EMPLOYEE_DIRECTORY } from '../employee-directory/employee-directory.projection.js';
import type { EmployeeDirectoryTables } from '../employee-directory/employee-directory.tables.js';
import { TRAINING_JP } from './training-jp.projection.js';
import type { TrainingJpTables } from './training-jp.tables.js';

export interface ShortfallItem {
  nip: string;
  name: string;
  unitId: string | null;
  positionTitle: string | null;
  year: number;
  /** JP of the trainings completed in the year. */
  jp: number;
  target: number;
  /** target - jp (> 0 on every row). */
  shortfall: number;
  trainings: number;
}

export interface ShortfallFilter {
  agencyId: string;
  year: number;
  target: number;
  unitId?: string;
  /** The nextCursor of the previous page: the last NIP. */
  after?: string;
  limit: number;
}

export interface ShortfallPage {
  items: ShortfallItem[];
  nextCursor: string | null;
}

type Db = Kysely<EmployeeDirectoryTables & { t: TrainingJpTables['trainings'] }>;

export async function trainingShortfall(db: Kysely<unknown>, filter: ShortfallFilter): Promise<ShortfallPage> {
  const trainingSchema = await activeSchema(db, TRAINING_JP);
  const directorySchema = await activeSchema(db, EMPLOYEE_DIRECTORY);
  const jp = sql<number>`coalesce(sum(t.jp), 0)::int`;
  let query = (db as Db)
    .withSchema(directorySchema)
    .selectFrom('employees as e')
    .leftJoin(sql<TrainingJpTables['trainings']>`${sql.table(`${trainingSchema}.trainings`)}`.as('t'), (join) =>
      join.onRef('t.nip', '=', 'e.nip').on('t.year', '=', filter.year),
    )
    .select(['e.nip', 'e.name', 'e.unit_id', 'e.position_title'])
    .select(jp.as('jp'))
    .select(sql<number>`count(t.training_id)::int`.as('trainings'))
    .where('e.agency_id', '=', filter.agencyId)
    .groupBy(['e.nip', 'e.name', 'e.unit_id', 'e.position_title'])
    .having(jp, '<', filter.target)
    .orderBy('e.nip')
    .limit(filter.limit + 1);
  if (filter.unitId !== undefined) query = query.where('e.unit_id', '=', filter.unitId);
  if (filter.after !== undefined) query = query.where('e.nip', '>', filter.after);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((r) => ({
      nip: r.nip,
      name: r.name,
      unitId: r.unit_id,
      positionTitle: r.position_title,
      year: filter.year,
      jp: r.jp,
      target: filter.target,
      shortfall: filter.target - r.jp,
      trainings: r.trainings,
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1].nip : null,
  };
}

/** Every page of the shortfall, one page at a time (for the CSV export). */
export async function* allShortfall(
  db: Kysely<unknown>,
  filter: Omit<ShortfallFilter, 'after' | 'limit'>,
  pageSize = 500,
): AsyncGenerator<ShortfallItem> {
  let after: string | undefined;
  do {
    const page = await trainingShortfall(db, { ...filter, after, limit: pageSize });
    yield* page.items;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

/** JP per calendar year of one employee's trainings (the employee's own count). */
export async function jpByYear(db: Kysely<unknown>, nip: string): Promise<{ year: number; jp: number }[]> {
  return (db as Kysely<TrainingJpTables>)
    .withSchema(await activeSchema(db, TRAINING_JP))
    .selectFrom('trainings')
    .select(['year', sql<number>`sum(jp)::int`.as('jp')])
    .where('nip', '=', nip)
    .groupBy('year')
    .orderBy('year')
    .execute();
}

export interface TrainingItem {
  trainingId: string;
  title: string;
  provider: string;
  jp: number;
  completedOn: string;
  year: number;
  recordedAt: string;
}

export interface TrainingPage {
  items: TrainingItem[];
  nextCursor: string | null;
}

/** Cursors of an employee's trainings: `completedOn|trainingId`, base64url. */
const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/** One employee's trainings, oldest completion first, optionally of one year; keyset-paginated. */
export async function trainingsOf(
  db: Kysely<unknown>,
  nip: string,
  filter: { year?: number; after?: string; limit: number },
): Promise<TrainingPage> {
  let query = (db as Kysely<TrainingJpTables>)
    .withSchema(await activeSchema(db, TRAINING_JP))
    .selectFrom('trainings')
    .selectAll()
    .where('nip', '=', nip)
    .orderBy('completed_on')
    .orderBy('training_id')
    .limit(filter.limit + 1);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.after !== undefined) {
    const [on, id = ''] = decodeCursor(filter.after).split('|');
    query = query.where((eb) =>
      eb.or([eb('completed_on', '>', on), eb.and([eb('completed_on', '=', on), eb('training_id', '>', id)])]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      trainingId: r.training_id,
      title: r.title,
      provider: r.provider,
      jp: r.jp,
      completedOn: r.completed_on,
      year: r.year,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
    nextCursor: rows.length > filter.limit ? encodeCursor(`${last.completed_on}|${last.training_id}`) : null,
  };
}
