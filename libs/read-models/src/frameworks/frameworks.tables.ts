import type { BuiltInCatalogue } from '../../../competency/src/built-in/catalogue.js';
import type { CommentAuthor, FrameworkContent } from '../../../competency/src/framework/framework-events.js';

export interface FrameworkRow {
  framework_id: string;
  agency_id: string;
  name: string;
  description: string | null;
  /** Status of the newest version: its draft's status, or PUBLISHED when there is no draft. */
  status: string;
  draft_version: number | null;
  latest_published_version: number | null;
  created_at: string | Date;
  updated_at: string | Date;
  /** int8: pg returns it as a string. */
  stream_revision: string;
}

export interface FrameworkVersionRow {
  framework_id: string;
  version: number;
  agency_id: string;
  status: string;
  based_on: number | null;
  /** jsonb; written as JSON text. */
  content: FrameworkContent | string;
  /** The frozen built-in catalogue of a published version; null on drafts (they show the current one). */
  built_in: BuiltInCatalogue | string | null;
  opened_for_comment_at: string | Date | null;
  published_at: string | Date | null;
  updated_at: string | Date;
}

export interface FrameworkCommentRow {
  comment_id: string;
  framework_id: string;
  version: number;
  /** 1, 2, 3... per framework version, in event order: the keyset cursor. */
  seq: number;
  criterion_code: string;
  text: string;
  author: CommentAuthor | string;
  commented_at: string | Date;
}

export interface FrameworkTables {
  frameworks: FrameworkRow;
  framework_versions: FrameworkVersionRow;
  framework_comments: FrameworkCommentRow;
}
