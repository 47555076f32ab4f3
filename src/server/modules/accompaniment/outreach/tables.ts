import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** The outreach part's table (migration 0056). */

type Day = ColumnType<string, string, string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OutreachContactsTable {
  id: Generated<string>;
  org_id: string;
  contact_on: Day;
  place: string;
  municipality_code: string | null;
  country: string;
  pseudonym: string | null;
  age_band: Defaulted<string>;
  language: string | null;
  needs: Defaulted<string[]>;
  referral: string | null;
  note: string | null;
  person_id: string | null;
  consent_id: string | null;
  linked_at: NullableInstant;
  linked_by: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    outreach_contacts: OutreachContactsTable;
  }
}
