import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Teams and services inside organisations (migration 0026). */

export interface OrgUnitsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  name_fr: string | null;
  name_nl: string | null;
  short_name: string | null;
  email: string | null;
  phone: string | null;
  archived_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitMembersTable {
  unit_id: string;
  org_id: string;
  user_id: string;
  role: Defaulted<string>;
  created_at: Timestamp;
}

interface UnitTables {
  org_units: OrgUnitsTable;
  org_unit_members: OrgUnitMembersTable;
}

declare module '../../../platform/db/database' {
  interface Database extends UnitTables {}
}
