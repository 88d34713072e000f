import type { Kysely } from 'kysely';
import { BUILT_IN_CATALOGUE, type BuiltInCatalogue } from '../../../competency/src/built-in/catalogue.js';
import type {
  CommentAuthor,
  FrameworkContent,
  VersionStatus,
} from '../../../competency/src/framework/framework-events.js';
import { activeSchema } from '../../../projections/src/projection.js';
import { FRAMEWORKS, parse } from './frameworks.projection.js';
import type { FrameworkCommentRow, FrameworkRow, FrameworkTables, FrameworkVersionRow } from './frameworks.tables.js';

export interface FrameworkSummary {
  frameworkId: string;
  agencyId: string;
  name: string;
  description: string | null;
  status: VersionStatus;
  draftVersion: number | null;
  latestPublishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  revision: string;
}

export interface VersionSummary {
  frameworkId: string;
  agencyId: string;
  version: number;
  status: VersionStatus;
  basedOn: number | null;
  openedForCommentAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface VersionView extends VersionSummary {
  builtIn: BuiltInCatalogue;
  technical: FrameworkContent['technical'];
  positionRequirements: FrameworkContent['positionRequirements'];
}

export interface CommentView {
  commentId: string;
  frameworkId: string;
  version: number;
  seq: number;
  criterionCode: string;
  text: string;
  author: CommentAuthor;
  commentedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const toFramework = (row: FrameworkRow): FrameworkSummary => ({
  frameworkId: row.framework_id,
  agencyId: row.agency_id,
  name: row.name,
  description: row.description,
  status: row.status as VersionStatus,
  draftVersion: row.draft_version,
  latestPublishedVersion: row.latest_published_version,
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
  revision: row.stream_revision,
});

const toVersionSummary = (row: FrameworkVersionRow): VersionSummary => ({
  frameworkId: row.framework_id,
  agencyId: row.agency_id,
  version: row.version,
  status: row.status as VersionStatus,
  basedOn: row.based_on,
  openedForCommentAt: iso(row.opened_for_comment_at),
  publishedAt: iso(row.published_at),
  updatedAt: iso(row.updated_at)!,
});

const toComment = (row: FrameworkCommentRow): CommentView => ({
  commentId: row.comment_id,
  frameworkId: row.framework_id,
  version: row.version,
  seq: row.seq,
  criterionCode: row.criterion_code,
  text: row.text,
  author: parse<CommentAuthor>(row.author),
  commentedAt: iso(row.commented_at)!,
});

function page<T>(rows: T[], limit: number, cursor: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursor(items[items.length - 1]) : null };
}

export class FrameworkQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    const schema = await activeSchema(this.db, FRAMEWORKS);
    return (this.db as Kysely<FrameworkTables>).withSchema(schema);
  }

  async findFramework(frameworkId: string): Promise<FrameworkSummary | undefined> {
    const row = await (
      await this.tables()
    )
      .selectFrom('frameworks')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .executeTakeFirst();
    return row ? toFramework(row) : undefined;
  }

  /**
   * Frameworks by id. `memberView`: only those with something an employee may see (a published version or
   * a draft open for comment).
   */
  async listFrameworks(filter: {
    agencyId?: string;
    status?: VersionStatus;
    memberView?: boolean;
    after?: string;
    limit: number;
  }): Promise<Page<FrameworkSummary>> {
    let query = (await this.tables())
      .selectFrom('frameworks')
      .selectAll()
      .orderBy('framework_id')
      .limit(filter.limit + 1);
    if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.memberView) {
      query = query.where((eb) =>
        eb.or([eb('latest_published_version', 'is not', null), eb('status', '=', 'OPEN_FOR_COMMENT')]),
      );
    }
    if (filter.after) query = query.where('framework_id', '>', filter.after);
    return page((await query.execute()).map(toFramework), filter.limit, (f) => f.frameworkId);
  }

  async listVersions(
    frameworkId: string,
    filter: { statuses: readonly VersionStatus[]; after?: number; limit: number },
  ): Promise<Page<VersionSummary>> {
    if (filter.statuses.length === 0) return { items: [], nextCursor: null };
    let query = (await this.tables())
      .selectFrom('framework_versions')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('status', 'in', [...filter.statuses])
      .orderBy('version')
      .limit(filter.limit + 1);
    if (filter.after !== undefined) query = query.where('version', '>', filter.after);
    return page((await query.execute()).map(toVersionSummary), filter.limit, (v) => String(v.version));
  }

  async findVersion(frameworkId: string, version: number): Promise<VersionView | undefined> {
    const row = await (
      await this.tables()
    )
      .selectFrom('framework_versions')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const content = parse<FrameworkContent>(row.content);
    return {
      ...toVersionSummary(row),
      // A draft includes the current built-ins; a published version shows the ones frozen into it.
      builtIn: row.built_in === null ? BUILT_IN_CATALOGUE : parse<BuiltInCatalogue>(row.built_in),
      technical: content.technical,
      positionRequirements: content.positionRequirements,
    };
  }

  async listComments(
    frameworkId: string,
    version: number,
    filter: { criterionCode?: string; after?: number; limit: number },
  ): Promise<Page<CommentView>> {
    let query = (await this.tables())
      .selectFrom('framework_comments')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('version', '=', version)
      .orderBy('seq')
      .limit(filter.limit + 1);
    if (filter.criterionCode) query = query.where('criterion_code', '=', filter.criterionCode);
    if (filter.after !== undefined) query = query.where('seq', '>', filter.after);
    return page((await query.execute()).map(toComment), filter.limit, (c) => String(c.seq));
  }
}
