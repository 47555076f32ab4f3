import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the practices module (migration 0028). */

type DateColumn = ColumnType<string, string, string>;

export interface PracticeSheetsTable {
  id: Generated<string>;
  reference: Generated<string>;
  org_id: string;
  programme_id: string | null;
  status: Defaulted<string>;
  source_kind: Defaulted<string>;
  source_id: string | null;
  original_language: string;
  title_fr: string | null;
  title_nl: string | null;
  context_fr: string | null;
  context_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  objectives_fr: string | null;
  objectives_nl: string | null;
  target_public_fr: string | null;
  target_public_nl: string | null;
  partners_fr: string | null;
  partners_nl: string | null;
  resources_fr: string | null;
  resources_nl: string | null;
  results_fr: string | null;
  results_nl: string | null;
  difficulties_fr: string | null;
  difficulties_nl: string | null;
  contact_fr: string | null;
  contact_nl: string | null;
  contact_email: string | null;
  contact_public: Defaulted<boolean>;
  themes: string[];
  tags: Defaulted<string[]>;
  partner_org_ids: Defaulted<string[]>;
  published_on: ColumnType<string | null, never, never>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PracticeAttachmentsTable {
  id: Generated<string>;
  sheet_id: string;
  org_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface PracticeTakeUpsTable {
  id: Generated<string>;
  sheet_id: string;
  sheet_org_id: string;
  org_id: string;
  status: string;
  starts_on: DateColumn;
  ends_on: string | null;
  evidence: string;
  evidence_filename: string | null;
  evidence_media_type: string | null;
  evidence_size_bytes: number | null;
  evidence_sha256: string | null;
  /** Written, never selected by the application role: read through app.practice_take_up_evidence. */
  evidence_content: ColumnType<never, Uint8Array | null | undefined, Uint8Array | null>;
  recorded_by: string | null;
  created_at: Timestamp;
}

declare module '../../platform/db/database' {
  interface Database {
    practice_sheets: PracticeSheetsTable;
    practice_attachments: PracticeAttachmentsTable;
    practice_take_ups: PracticeTakeUpsTable;
  }
}
