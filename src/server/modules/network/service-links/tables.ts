import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** The cross-border services network's tables (migration 0046). */

type DateColumn = ColumnType<string, string, string>;

export interface ServiceLinksTable {
  id: Generated<string>;
  service_id: string;
  partner_service_id: string;
  /** Copied from the services by the guard trigger: whatever is written is replaced. */
  org_id: ColumnType<string, string | undefined, never>;
  partner_org_id: ColumnType<string, string | undefined, never>;
  proposed_by_org_id: string;
  status: Defaulted<string>;
  since: DateColumn;
  until: ColumnType<string | null, string | null | undefined, string | null>;
  service_accepts: Defaulted<string[]>;
  partner_accepts: Defaulted<string[]>;
  note: string | null;
  proposed_by: string | null;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceCrossBorderUseTable {
  id: Generated<string>;
  service_id: string;
  org_id: ColumnType<string, string | undefined, never>;
  month: DateColumn;
  home_country: string;
  persons: number;
  participant_codes: Defaulted<string[]>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    service_links: ServiceLinksTable;
    service_cross_border_use: ServiceCrossBorderUseTable;
  }
}
