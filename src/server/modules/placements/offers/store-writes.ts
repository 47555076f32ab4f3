import { sql } from 'kysely';
import { sortedTimetable, type TimetableDay } from '../../../../common/placements/convention-terms';
import type { Tx } from '../../../platform/db/context';

/** Writes of placement offers; the audit trigger records each change with its fields. */

/** The offer fields as the API names them, with their columns. */
const COLUMNS = {
  programmeId: 'programme_id',
  siteName: 'site_name',
  street: 'street',
  postalCode: 'postal_code',
  municipalityCode: 'municipality_code',
  sector: 'sector',
  titleFr: 'title_fr',
  titleNl: 'title_nl',
  tasksFr: 'tasks_fr',
  tasksNl: 'tasks_nl',
  positions: 'positions',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  schedule: 'schedule',
  hoursPerWeek: 'hours_per_week',
  languageCode: 'language_code',
  languageLevel: 'language_level',
  accessibility: 'accessibility',
  tutorUserId: 'tutor_user_id',
  status: 'status',
  timetable: 'timetable',
  jobCodeKind: 'job_code_kind',
  jobCode: 'job_code',
  protectiveEquipment: 'protective_equipment',
} as const;

export type OfferFields = {
  [K in keyof typeof COLUMNS]?: K extends 'timetable'
    ? readonly TimetableDay[] | null
    : string | number | null;
};

function toColumns(f: OfferFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = f[key as keyof OfferFields];
    if (v === undefined) continue;
    // The timetable is stored as jsonb, its days in weekday order; a ROME code upper-case.
    if (key === 'timetable')
      out[column] = v === null ? null : JSON.stringify(sortedTimetable(v as TimetableDay[]));
    else if (key === 'jobCode' && typeof v === 'string') out[column] = v.trim().toUpperCase() || null;
    else out[column] = typeof v === 'string' ? v.trim() || null : v;
  }
  return out;
}

export async function insertOffer(trx: Tx, orgId: string, f: OfferFields): Promise<string> {
  const row = await trx
    .insertInto('placement_offers')
    // biome-ignore lint/suspicious/noExplicitAny: columns come from the fixed COLUMNS map above
    .values({ ...toColumns(f), org_id: orgId } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change; returns whether a row (visible and writable under RLS) was updated. */
export async function updateOffer(trx: Tx, id: string, f: OfferFields): Promise<boolean> {
  const r = await trx
    .updateTable('placement_offers')
    // biome-ignore lint/suspicious/noExplicitAny: columns come from the fixed COLUMNS map above
    .set({ ...toColumns(f), updated_at: sql`now()` } as any)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
