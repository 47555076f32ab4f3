import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the network module (migration 0002). Organisations are platform tables. */

/** numeric columns come back from the driver as strings; written as numbers or strings. */
export type Money = ColumnType<string | null, number | string | null | undefined, number | string | null>;

export interface TerritoriesTable {
  code: string;
  /** municipality, epci, arrondissement, departement, province, region or country (migration 0035). */
  level: Defaulted<string>;
  country: string;
  local_code: string;
  name_fr: string;
  name_nl: string;
  parent_code: string | null;
  region: string | null;
  population: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  source: Defaulted<string>;
  updated_at: Timestamp;
}

export interface TerritoryGeometriesTable {
  code: string;
  geometry: unknown;
  bbox: number[] | null;
  /** md5 of the boundary's text, generated (migration 0068). */
  geometry_hash: ColumnType<string, never, never>;
}

/** The levels of the territory tree and their depth (migration 0035). */
export interface TerritoryLevelsTable {
  level: string;
  depth: number;
  country: string | null;
}

/** Every territory with each of its ancestors (a view, migration 0035). */
export interface TerritoryAncestryView {
  code: string;
  ancestor_code: string;
  ancestor_level: string;
  distance: number;
}

export interface TerritoryGroupsTable {
  id: Generated<string>;
  code: string;
  kind: string;
  name_fr: string;
  name_nl: string;
  /** Null for a platform-wide group. */
  org_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TerritoryGroupMembersTable {
  group_id: string;
  territory_code: string;
  org_id: string | null;
  created_at: Timestamp;
}

export interface TerritoryCodeChangesTable {
  id: Generated<string>;
  old_code: string;
  new_code: string;
  effective_on: ColumnType<string, string, string>;
  kind: string;
  /** numeric: read as a string. */
  share: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  source: string | null;
  created_at: Timestamp;
}

export interface ProgrammesTable {
  id: Generated<string>;
  /** The lead organisation, which owns the programme. */
  org_id: string;
  acronym: string | null;
  name_fr: string;
  name_nl: string;
  funding_programme: string | null;
  funds: string[];
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  description_fr: string | null;
  description_nl: string | null;
  budget_total: Money;
  eu_amount: Money;
  /** Placement duration allowed by the programme (migration 0005). */
  placement_min_months: Defaulted<number>;
  placement_max_months: Defaulted<number>;
  /** Themes (the services' list), intervention category and https website (migration 0016). */
  themes: Defaulted<string[]>;
  intervention_category: ColumnType<string | null, string | null | undefined, string | null>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammePartnersTable {
  programme_id: string;
  partner_org_id: string;
  org_id: string;
  role: string;
  /** Roles held besides `role`; `roles` is both, computed by the database (migration 0016). */
  extra_roles: Defaulted<string[]>;
  roles: ColumnType<string[], never, never>;
  budget_total: Money;
  eu_amount: Money;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServicesTable {
  id: Generated<string>;
  org_id: string;
  title_fr: string | null;
  title_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  theme: string;
  target_publics: Defaulted<string[]>;
  languages: string[];
  street: string | null;
  postal_code: string | null;
  municipality_code: string | null;
  opening_hours: Defaulted<unknown>;
  opening_notes: string | null;
  cross_border_access: string;
  access_conditions_fr: string | null;
  access_conditions_nl: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  published: Defaulted<boolean>;
  search_fr: ColumnType<string, never, never>;
  search_nl: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type NetworkTables = {
  territories: TerritoriesTable;
  territory_geometries: TerritoryGeometriesTable;
  territory_levels: TerritoryLevelsTable;
  territory_ancestry: TerritoryAncestryView;
  territory_groups: TerritoryGroupsTable;
  territory_group_members: TerritoryGroupMembersTable;
  territory_code_changes: TerritoryCodeChangesTable;
  programmes: ProgrammesTable;
  programme_partners: ProgrammePartnersTable;
  services: ServicesTable;
};

declare module '../../platform/db/database' {
  interface Database extends NetworkTables {}
}
