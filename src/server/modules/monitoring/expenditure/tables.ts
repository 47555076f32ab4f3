import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables of expenditure declarations (migration 0020). Cents are int8, written as decimal text. */

type DateOrNull = ColumnType<string | null, string | null, string | null>;
type Cents = ColumnType<number, string, string>;
type CentsOrNull = ColumnType<number | null, string | null, string | null>;
type TimeOrNull = ColumnType<Date | string | null, string | null, string | null>;

export interface ExpenditureDeclarationsTable {
  id: Generated<string>;
  programme_id: string;
  org_id: string;
  lead_org_id: string;
  period: string;
  status: Defaulted<string>;
  submitted_at: TimeOrNull;
  submitted_by: string | null;
  reviewed_at: TimeOrNull;
  reviewed_by: string | null;
  reopen_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExpenditureItemsTable {
  id: Generated<string>;
  declaration_id: string;
  org_id: string;
  lead_org_id: string;
  category: string;
  action_id: string | null;
  description: string;
  supplier: string | null;
  invoice_number: string | null;
  invoice_date: DateOrNull;
  paid_on: DateOrNull;
  amount_cents: Cents;
  proof_ref: string | null;
  review_status: Defaulted<string>;
  corrected_cents: CentsOrNull;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: TimeOrNull;
  created_at: Timestamp;
}

export interface ExpenditureTables {
  expenditure_declarations: ExpenditureDeclarationsTable;
  expenditure_items: ExpenditureItemsTable;
}

declare module '../../../platform/db/database' {
  interface Database extends ExpenditureTables {}
}
