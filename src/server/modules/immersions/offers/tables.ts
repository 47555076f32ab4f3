import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Immersion offers and their periods (migration 0026). */

type DateColumn = ColumnType<string, string, string>;

export interface ImmersionOffersTable {
  id: Generated<string>;
  org_id: string;
  unit_id: string;
  status: Defaulted<string>;
  themes: string[];
  title_fr: string | null;
  title_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  programme_fr: string | null;
  programme_nl: string | null;
  languages: string[];
  kinds: string[];
  capacity_per_period: Defaulted<number>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  programme_id: string | null;
  created_by: string | null;
  published_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Generated columns: read only. */
  search_fr: ColumnType<unknown, never, never>;
  search_nl: ColumnType<unknown, never, never>;
}

export interface ImmersionOfferPeriodsTable {
  id: Generated<string>;
  offer_id: string;
  org_id: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  capacity: number | null;
  created_at: Timestamp;
}

interface OfferTables {
  immersion_offers: ImmersionOffersTable;
  immersion_offer_periods: ImmersionOfferPeriodsTable;
}

declare module '../../../platform/db/database' {
  interface Database extends OfferTables {}
}
