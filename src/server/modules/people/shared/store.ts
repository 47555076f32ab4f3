import { type Insertable, sql } from 'kysely';
import type { ConsentTerms } from '../../../../common/people/consent';
import type { Tx } from '../../../platform/db/context';
import { type KeyRow, type MasterKeys, releasedOpener } from '../../../platform/keys/field-cipher';
import type { PersonGrantsTable } from '../tables';

/** The home organisations' keys of some persons: to each home, and to a grantee of their 'pathway' group. */
export const personsOpener = (trx: Tx, masters: MasterKeys, personIds: readonly string[]) =>
  releasedOpener(trx, masters, sql<KeyRow>`select * from app.persons_keys(${[...personIds]}::uuid[])`);

/** The person's consent records, in the shape the consent rules read. */
export async function personConsents(trx: Tx, personId: string): Promise<ConsentTerms[]> {
  const rows = await trx
    .selectFrom('consents')
    .select([
      'id',
      'purpose',
      'data_categories',
      'recipient_org_ids',
      'given_on',
      'expires_on',
      'withdrawn_on',
      'supersedes_id',
    ])
    .where('person_id', '=', personId)
    .execute();
  return rows.map((c) => ({
    id: c.id,
    purpose: c.purpose,
    dataCategories: c.data_categories,
    recipientOrgIds: c.recipient_org_ids,
    givenOn: c.given_on,
    expiresOn: c.expires_on,
    withdrawnOn: c.withdrawn_on,
    supersedesId: c.supersedes_id,
  }));
}

/** The one write of a grant (the table's trigger audits it; RLS: the home organisation only). */
export async function insertGrant(trx: Tx, values: Insertable<PersonGrantsTable>): Promise<void> {
  await trx.insertInto('person_grants').values(values).execute();
}

/** The person as the current organisation may see them through its grants (audited), or null. */
export async function sharedPerson(trx: Tx, personId: string): Promise<Record<string, unknown> | null> {
  const r = await sql<{
    p: Record<string, unknown> | null;
  }>`select app.shared_person(${personId}::uuid) as p`.execute(trx);
  return r.rows[0]?.p ?? null;
}

/**
 * Several persons as the current organisation may see them through its grants, for a list: one audited
 * read naming them all and the list (`what`, `detail`: which box, which page), in the home organisation's
 * chain (one entry per home organisation on a page that mixes them). Persons not (or no longer) granted
 * are absent and unnamed.
 */
export async function sharedPersons(
  trx: Tx,
  personIds: readonly string[],
  what: string,
  detail: Record<string, unknown> = {},
): Promise<Map<string, Record<string, unknown>>> {
  if (personIds.length === 0) return new Map();
  const r = await sql<{ person_id: string; person: Record<string, unknown> }>`
    select person_id, person from app.shared_persons(${[...personIds]}::uuid[], ${what},
      ${JSON.stringify(detail)}::jsonb)`.execute(trx);
  return new Map(r.rows.map((x) => [x.person_id, x.person]));
}

/**
 * One page of the persons the current organisation may see through grants in force, with their home
 * organisation (app.shared_person_ids decides; it reveals ids and granted groups only).
 */
export async function sharedPersonIds(trx: Tx, page: number, pageSize: number) {
  const rows = await sql<{ person_id: string; home_org_id: string; name_fr: string; name_nl: string }>`
    select s.person_id, s.home_org_id, o.name_fr, o.name_nl
    from app.shared_person_ids() s join organisations o on o.id = s.home_org_id
    order by o.name_fr, s.person_id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
  const count = await sql<{ n: number }>`select count(*)::int as n from app.shared_person_ids()`.execute(trx);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function organisationNames(trx: Tx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}
