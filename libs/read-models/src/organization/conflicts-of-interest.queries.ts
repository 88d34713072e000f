import { sql, type Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import {
  CONFLICTS_OF_INTEREST,
  type ConflictsOfInterestTables,
  type DeclarationRow,
} from './conflicts-of-interest.projection.js';

export interface DeclarationView {
  declarationId: string;
  rateeNip: string;
  raterNip: string;
  kind: string;
  description: string;
  declaredBy: string;
  declaredAt: string;
  active: boolean;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

const toView = (row: DeclarationRow): DeclarationView => ({
  declarationId: row.declaration_id,
  rateeNip: row.ratee_nip,
  raterNip: row.rater_nip,
  kind: row.kind,
  description: row.description,
  declaredBy: row.declared_by,
  declaredAt: new Date(row.declared_at).toISOString(),
  active: row.withdrawn_at === null,
  withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at).toISOString(),
  withdrawalReason: row.withdrawal_reason,
});

export interface DeclarationPage {
  items: DeclarationView[];
  /** Pass as `after` for the next page (a declaration id); null on the last page. */
  nextCursor: string | null;
}

export interface DeclarationFilter {
  /** true: not withdrawn; false: withdrawn; absent: both. */
  active?: boolean;
  raterNip?: string;
  /** nextCursor of the previous page: the last declaration id it held. */
  after?: string;
  limit: number;
}

export class ConflictsOfInterestQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    return (this.db as Kysely<ConflictsOfInterestTables>).withSchema(
      await activeSchema(this.db, CONFLICTS_OF_INTEREST),
    );
  }

  /**
   * Declarations where the employee is the ratee or the rater, oldest first, keyset-paginated on
   * (declared_at, declaration_id): pages stay stable while declarations are added. An unknown cursor gives an
   * empty page.
   */
  async involving(nip: string, filter: DeclarationFilter): Promise<DeclarationPage> {
    const schema = await activeSchema(this.db, CONFLICTS_OF_INTEREST);
    let query = (this.db as Kysely<ConflictsOfInterestTables>)
      .withSchema(schema)
      .selectFrom('declarations')
      .selectAll()
      .where((eb) => eb.or([eb('ratee_nip', '=', nip), eb('rater_nip', '=', nip)]))
      .orderBy('declared_at')
      .orderBy('declaration_id')
      .limit(filter.limit + 1);
    if (filter.active !== undefined) query = query.where('withdrawn_at', filter.active ? 'is' : 'is not', null);
    if (filter.raterNip) query = query.where('rater_nip', '=', filter.raterNip);
    if (filter.after) {
      const cursor = sql`(SELECT c.declared_at, c.declaration_id FROM ${sql.table(`${schema}.declarations`)} c
        WHERE c.declaration_id = ${filter.after})`;
      query = query.where(sql<boolean>`(declared_at, declaration_id) > ${cursor}`);
    }
    const rows = await query.execute();
    const items = rows.slice(0, filter.limit).map(toView);
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].declarationId : null };
  }

  /** Active declarations for one rater-ratee pair: what an audit of a rating checks. */
  async activeForPair(rateeNip: string, raterNip: string): Promise<DeclarationView[]> {
    const rows = await (
      await this.tables()
    )
      .selectFrom('declarations')
      .selectAll()
      .where('ratee_nip', '=', rateeNip)
      .where('rater_nip', '=', raterNip)
      .where('withdrawn_at', 'is', null)
      .orderBy('declared_at')
      .execute();
    return rows.map(toView);
  }
}
