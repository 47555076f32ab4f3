import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables of a programme's structure (migration 0016): actions, perimeter, milestones, documents. */

export interface ProgrammeActionsTable {
  id: Generated<string>;
  programme_id: string;
  /** The programme's lead organisation (RLS without a join). */
  org_id: string;
  position: number;
  code: string;
  kind: Defaulted<string>;
  title_fr: string;
  title_nl: string;
  title_en: string | null;
  default_for: Defaulted<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeTerritoriesTable {
  programme_id: string;
  territory_code: string;
  org_id: string;
  created_at: Timestamp;
}

export interface ProgrammeMilestonesTable {
  id: Generated<string>;
  programme_id: string;
  org_id: string;
  occurs_on: ColumnType<string, string, string>;
  label_fr: string;
  label_nl: string;
  label_en: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeDocumentsTable {
  id: Generated<string>;
  programme_id: string;
  org_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export type ProgrammeStructureTables = {
  programme_documents: ProgrammeDocumentsTable;
  programme_actions: ProgrammeActionsTable;
  programme_territories: ProgrammeTerritoriesTable;
  programme_milestones: ProgrammeMilestonesTable;
};

declare module '../../platform/db/database' {
  interface Database extends ProgrammeStructureTables {}
}
