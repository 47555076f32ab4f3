import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../../platform/db/database';

/** Tables of programme budgets (migration 0019). Cents are int8: read as numbers (exact below 2^53). */

type DateColumn = ColumnType<string, string, string>;
type Cents = ColumnType<number, string, string>;
type CentsOrNull = ColumnType<number | null, string | null, string | null>;

export interface BudgetVersionsTable {
  id: Generated<string>;
  programme_id: string;
  org_id: string;
  number: number;
  dated_on: DateColumn;
  reason: string;
  source: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface BudgetEnvelopesTable {
  id: Generated<string>;
  version_id: string;
  org_id: string;
  position: number;
  fund: string;
  label: string;
  grant_cents: CentsOrNull;
  earmarked_cents: Cents;
  partner_org_id: string | null;
  note: string | null;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  version_id: string;
  org_id: string;
  position: number;
  partner_org_id: string;
  category: string;
  action_id: string | null;
  period: string | null;
  amount_cents: CentsOrNull;
  flat_rate: string | null;
  envelope_id: string | null;
  note: string | null;
}

export interface BudgetCofinancingTable {
  id: Generated<string>;
  version_id: string;
  org_id: string;
  partner_org_id: string;
  fund: string;
  funder: string | null;
  rate: string | null;
  amount_cents: CentsOrNull;
}

export interface BudgetTables {
  budget_versions: BudgetVersionsTable;
  budget_envelopes: BudgetEnvelopesTable;
  budget_lines: BudgetLinesTable;
  budget_cofinancing: BudgetCofinancingTable;
}

declare module '../../../platform/db/database' {
  interface Database extends BudgetTables {}
}
