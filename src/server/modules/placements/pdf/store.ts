import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import { signerNames } from '../agreements/store';

/** What the agreement PDF prints, read under the reader's RLS context (never more than they may see). */

export async function organisations(trx: Tx, ids: string[]) {
  return trx
    .selectFrom('organisations')
    .select([
      'id',
      'name_fr',
      'name_nl',
      'country',
      'region',
      'street',
      'postal_code',
      'municipality_code',
      'business_id_type',
      'business_id',
    ])
    .where('id', 'in', ids)
    .execute();
}

export async function territoryNames(trx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return trx
    .selectFrom('territories')
    .select(['code', 'name_fr', 'name_nl'])
    .where('code', 'in', codes)
    .execute();
}

export async function programme(trx: Tx, id: string) {
  return trx
    .selectFrom('programmes')
    .select(['acronym', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The referent's and the tutor's display names. Each side sees only its own members in `users`; the
 * definer function answers both names to the two parties of the agreement.
 */
export async function staffNames(trx: Tx, placementId: string) {
  const r = await sql<{ referent_name: string | null; tutor_name: string | null }>`
    select referent_name, tutor_name from app.placement_parties(${sql.val([placementId])}::uuid[])`.execute(
    trx,
  );
  return { referent: r.rows[0]?.referent_name ?? null, tutor: r.rows[0]?.tutor_name ?? null };
}

export async function signatures(trx: Tx, placementId: string) {
  const rows = await trx
    .selectFrom('placement_signatures')
    .select(['id', 'role', 'version', 'method', 'requested_at', 'signed_at'])
    .where('placement_id', '=', placementId)
    .orderBy('requested_at')
    .execute();
  const names = await signerNames(trx, placementId);
  return rows.map((r) => ({ ...r, signer_name: names.get(r.id)?.signer_name ?? null }));
}

/** The home centre's own record of the person. */
export async function homePerson(trx: Tx, personId: string) {
  return trx
    .selectFrom('persons')
    .select(['first_name', 'last_name', 'birth_date', 'participant_code'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The person as the host may see them through its grants (only granted groups; the read is audited). */
export async function sharedPerson(trx: Tx, personId: string) {
  const r = await sql<{
    p: {
      firstName?: string;
      lastName?: string;
      birthDate?: string;
      participantCode?: string | null;
    } | null;
  }>`select app.shared_person(${personId}::uuid) as p`.execute(trx);
  return r.rows[0]?.p ?? null;
}

/** The offer an agreement was made from, for the languages its tasks were written in (issue 9, item 7). */
export async function offerTexts(trx: Tx, offerId: string) {
  return trx
    .selectFrom('placement_offers')
    .select(['tasks_fr', 'tasks_nl', 'schedule'])
    .where('id', '=', offerId)
    .executeTakeFirst();
}
