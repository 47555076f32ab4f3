import { sql } from 'kysely';
import { sortOpeningHours } from '../../../../common/network/opening-hours';
import type { OpeningRange } from '../../../../common/network/service-schemas';
import type { Tx } from '../../../platform/db/context';

/** Writes of the services directory; the audit trigger records each change with its fields. */

/** The service fields as the API names them, with their columns. */
const COLUMNS = {
  titleFr: 'title_fr',
  titleNl: 'title_nl',
  descriptionFr: 'description_fr',
  descriptionNl: 'description_nl',
  theme: 'theme',
  targetPublics: 'target_publics',
  languages: 'languages',
  street: 'street',
  postalCode: 'postal_code',
  municipalityCode: 'municipality_code',
  openingHours: 'opening_hours',
  openingNotes: 'opening_notes',
  crossBorderAccess: 'cross_border_access',
  accessConditionsFr: 'access_conditions_fr',
  accessConditionsNl: 'access_conditions_nl',
  email: 'email',
  phone: 'phone',
  website: 'website',
  published: 'published',
} as const;

export type ServiceFields = {
  [K in keyof typeof COLUMNS]?: K extends 'openingHours'
    ? OpeningRange[]
    : K extends 'targetPublics' | 'languages'
      ? string[]
      : K extends 'published'
        ? boolean
        : string | null;
};

function toColumns(f: ServiceFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = f[key as keyof ServiceFields];
    if (v === undefined) continue;
    // jsonb goes as JSON text: drivers would send a JS array as a PostgreSQL array.
    out[column] =
      key === 'openingHours'
        ? sql`${JSON.stringify(sortOpeningHours(v as OpeningRange[]))}::jsonb`
        : typeof v === 'string'
          ? v.trim() || null
          : v;
  }
  return out;
}

export async function insertService(trx: Tx, orgId: string, f: ServiceFields): Promise<string> {
  const row = await trx
    .insertInto('services')
    // biome-ignore lint/suspicious/noExplicitAny: columns come from the fixed COLUMNS map above
    .values({ ...toColumns(f), org_id: orgId } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change; returns whether a row (visible and writable under RLS) was updated. */
export async function updateService(trx: Tx, id: string, f: ServiceFields): Promise<boolean> {
  const r = await trx
    .updateTable('services')
    // biome-ignore lint/suspicious/noExplicitAny: columns come from the fixed COLUMNS map above
    .set({ ...toColumns(f), updated_at: sql`now()` } as any)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteService(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('services').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
