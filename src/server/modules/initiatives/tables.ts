import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the initiatives module (migration 0049). */

type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface InitiativeProposalsTable {
  id: Generated<string>;
  event_id: string;
  org_id: string;
  title: string;
  description: string | null;
  language: string;
  status: Defaulted<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InitiativesTable {
  id: Generated<string>;
  org_id: string;
  title_fr: string;
  title_nl: string;
  description_fr: string | null;
  description_nl: string | null;
  target_public: string | null;
  programme_id: string | null;
  status: Defaulted<string>;
  started_on: NullableDay;
  ended_on: NullableDay;
  proposal_id: string | null;
  published: Defaulted<boolean>;
  published_at: NullableInstant;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InitiativePartnersTable {
  initiative_id: string;
  partner_org_id: string;
  org_id: string;
  created_at: Timestamp;
}

export interface InitiativeTerritoriesTable {
  initiative_id: string;
  territory_code: string;
  org_id: string;
}

export interface InitiativeResultsTable {
  id: Generated<string>;
  initiative_id: string;
  org_id: string;
  entry_on: Day;
  text: string;
  link_url: string | null;
  figure: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  figure_label: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

declare module '../../platform/db/database' {
  interface Database {
    initiative_proposals: InitiativeProposalsTable;
    initiatives: InitiativesTable;
    initiative_partners: InitiativePartnersTable;
    initiative_territories: InitiativeTerritoriesTable;
    initiative_results: InitiativeResultsTable;
  }
}
