import type { ColumnType, Generated } from 'kysely';
import type { TimetableDay } from '../../../common/placements/convention-terms';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the placements module (migration 0004). */

type DateColumn = ColumnType<string, string, string>;

export interface PlacementOffersTable {
  id: Generated<string>;
  /** The host organisation. */
  org_id: string;
  programme_id: string | null;
  site_name: string;
  street: string | null;
  postal_code: string | null;
  municipality_code: string;
  sector: string;
  title_fr: string | null;
  title_nl: string | null;
  tasks_fr: string | null;
  tasks_nl: string | null;
  positions: number;
  starts_on: DateColumn;
  ends_on: DateColumn;
  schedule: string | null;
  /** numeric(4,1): read as a string by both engines. */
  hours_per_week: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  language_code: string | null;
  language_level: string | null;
  accessibility: string | null;
  /** Migration 0013: the host's default timetable, job code and protective equipment. */
  timetable: ColumnType<TimetableDay[] | null, string | null | undefined, string | null>;
  job_code_kind: string | null;
  job_code: string | null;
  protective_equipment: string | null;
  tutor_user_id: string | null;
  status: Defaulted<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TransitLinesTable {
  id: string;
  name: string;
  mode: string;
  operator: string | null;
  serves: string[];
  cross_border: Defaulted<boolean>;
  note_fr: string | null;
  note_nl: string | null;
  updated_at: Timestamp;
}

export interface PlacementTables {
  placement_offers: PlacementOffersTable;
  transit_lines: TransitLinesTable;
}

declare module '../../platform/db/database' {
  interface Database extends PlacementTables {}
}
