import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { ConsentsTable } from '../tables';

export type ConsentRow = Selectable<ConsentsTable> & { recorded_by_name: string | null };

export async function listConsents(trx: Tx, personId: string): Promise<ConsentRow[]> {
  return (await trx
    .selectFrom('consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name as recorded_by_name')
    .where('c.person_id', '=', personId)
    .orderBy('c.given_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute()) as ConsentRow[];
}

export async function getConsent(trx: Tx, personId: string, id: string) {
  return trx
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Whether a later record already replaces this consent. */
export async function isSuperseded(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.selectFrom('consents').select('id').where('supersedes_id', '=', id).executeTakeFirst();
  return r !== undefined;
}

/** Names of the organisations, for display; every signed-in user may read the partner directory. */
export async function organisationNames(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'status'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function insertConsent(trx: Tx, values: Insertable<ConsentsTable>): Promise<string> {
  const r = await trx.insertInto('consents').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Records the withdrawal; the condition makes a second withdrawal a no-op (the immutability trigger
 * would refuse it anyway). Returns whether a row changed.
 */
export async function withdrawConsent(trx: Tx, id: string, on: string, reason: string): Promise<boolean> {
  const r = await trx
    .updateTable('consents')
    .set({ withdrawn_on: on, withdrawal_reason: reason })
    .where('id', '=', id)
    .where('withdrawn_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const lockConsent = (trx: Tx, id: string) =>
  sql`select id from consents where id = ${id} for update`.execute(trx);

/**
 * The person's consent in force on `today` (not withdrawn, not expired, not superseded), newest first,
 * read as the home organisation (RLS): for another module that may act only with a consent on record.
 */
export async function activeConsentOf(trx: Tx, personId: string, today: string) {
  return trx
    .selectFrom('consents as c')
    .select(['c.id', 'c.purpose', 'c.given_on'])
    .where('c.person_id', '=', personId)
    .where('c.withdrawn_on', 'is', null)
    .where('c.given_on', '<=', today)
    .where((eb) => eb.or([eb('c.expires_on', 'is', null), eb('c.expires_on', '>=', today)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('consents as s').select('s.id').whereRef('s.supersedes_id', '=', 'c.id'))),
    )
    .orderBy('c.given_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .executeTakeFirst();
}
