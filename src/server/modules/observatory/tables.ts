import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the observatory module (migration 0036). */

type Text = string | null;
/** numeric: read as text by both engines, written as a number. */
type Numeric = ColumnType<string | null, number | null, number | null>;

export interface ObsDataElementsTable {
  id: Generated<string>;
  org_id: string | null;
  code: string;
  label_fr: string;
  label_nl: string;
  label_en: Text;
  definition_fr: Text;
  definition_nl: Text;
  definition_en: Text;
  unit: Defaulted<string>;
  theme: string;
  aggregation: Defaulted<string>;
  health: Defaulted<boolean>;
  source: Text;
  source_table: Text;
  source_column: Text;
  licence: Text;
  url: Text;
  comparability: Defaulted<string>;
  caveats_fr: Text;
  caveats_nl: Text;
  caveats_en: Text;
  created_by: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObsIndicatorsTable {
  id: Generated<string>;
  org_id: string | null;
  code: string;
  label_fr: string;
  label_nl: string;
  label_en: Text;
  definition_fr: Text;
  definition_nl: Text;
  definition_en: Text;
  numerator_id: string;
  denominator_id: Text;
  factor: Defaulted<number>;
  theme: string;
  comparability: Defaulted<string>;
  caveats_fr: Text;
  caveats_nl: Text;
  caveats_en: Text;
  created_by: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObsImportsTable {
  id: Generated<string>;
  /** Null for samen's own computation (migration 0041), the platform's. */
  org_id: string | null;
  format: string;
  filename: string;
  checksum: string;
  vintage: string;
  geo_vintage: Text;
  mapping: ColumnType<unknown, string, string>;
  value_count: Defaulted<number>;
  imported_by: Text;
  created_at: Timestamp;
}

export interface ObsValuesTable {
  element_id: string;
  geo_code: string;
  period: string;
  disaggregation: Defaulted<string>;
  vintage: string;
  value: Numeric;
  secret: Defaulted<boolean>;
  org_id: string | null;
  import_id: string;
}

export interface ObsMappingsTable {
  org_id: string;
  source_key: string;
  mapping: ColumnType<unknown, string, string>;
  updated_by: Text;
  updated_at: Timestamp;
}

declare module '../../platform/db/database' {
  interface Database {
    obs_data_elements: ObsDataElementsTable;
    obs_indicators: ObsIndicatorsTable;
    obs_imports: ObsImportsTable;
    obs_values: ObsValuesTable;
    obs_mappings: ObsMappingsTable;
  }
}
