import type { Kysely } from 'kysely';
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

export class ConflictsOfInterestQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    return (this.db as Kysely<ConflictsOfInterestTables>).withSchema(
      await activeSchema(this.db, CONFLICTS_OF_INTEREST),
    );
  }

  /** Declarations where the employee is the ratee or the rater, oldest first. */
  async involving(nip: string, filter: { activeOnly?: boolean; raterNip?: string } = {}): Promise<DeclarationView[]> {
    let query = (await this.tables())
      .selectFrom('declarations')
      .selectAll()
      .where((eb) => eb.or([eb('ratee_nip', '=', nip), eb('rater_nip', '=', nip)]))
      .orderBy('declared_at')
      .orderBy('declaration_id');
    if (filter.activeOnly) query = query.where('withdrawn_at', 'is', null);
    if (filter.raterNip) query = query.where('rater_nip', '=', filter.raterNip);
    return (await query.execute()).map(toView);
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
