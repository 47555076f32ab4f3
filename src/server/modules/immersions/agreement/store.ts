import type { Tx } from '../../../platform/db/context';

/**
 * What the agreement prints beside the request, read under the reader's RLS context: the organisations and
 * municipalities (the network directory every signed-in user reads), the offer (read while it is published,
 * and always by the host), the programme.
 */

export const organisations = (trx: Tx, ids: string[]) =>
  trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'region', 'country', 'street', 'postal_code', 'municipality_code'])
    .where('id', 'in', ids)
    .execute();

export async function territoryNames(trx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return trx
    .selectFrom('territories')
    .select(['code', 'name_fr', 'name_nl'])
    .where('code', 'in', codes)
    .execute();
}

export const offer = (trx: Tx, id: string) =>
  trx
    .selectFrom('immersion_offers as o')
    .leftJoin('org_units as u', 'u.id', 'o.unit_id')
    .select([
      'o.programme_fr',
      'o.programme_nl',
      'o.contact_name',
      'o.contact_email',
      'o.contact_phone',
      'u.name_fr as unit_fr',
      'u.name_nl as unit_nl',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();

export const programme = (trx: Tx, id: string) =>
  trx
    .selectFrom('programmes')
    .select(['acronym', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
