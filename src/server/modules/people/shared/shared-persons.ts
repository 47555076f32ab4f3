import { pageOf } from '../../../../common/kernel/schemas';
import type { SharedPage, SharedPerson, SharedQuery } from '../../../../common/people/shared-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import * as store from './store';

type OrgNames = { id: string; name_fr: string; name_nl: string };

/** The recipient's view: only what app.shared_person returned (granted groups), with the home centre. */
function toShared(shared: Record<string, unknown>, home: OrgNames): SharedPerson {
  const { homeOrgId: _home, ...granted } = shared;
  return {
    ...(granted as Omit<SharedPerson, 'homeOrg'>),
    homeOrg: { id: home.id, nameFr: home.name_fr, nameNl: home.name_nl },
  };
}

/** Persons other organisations share with the actor's organisation; the page is one audited read. */
export async function listSharedPersons(trx: Tx, actor: Actor, query: SharedQuery): Promise<SharedPage> {
  requirePermission(actor, 'person.view_shared');
  if (!actor.orgId) throw forbidden();
  const { page, pageSize } = pageOf(query);
  const { rows, total } = await store.sharedPersonIds(trx, page, pageSize);
  const shared = await store.sharedPersons(
    trx,
    rows.map((r) => r.person_id),
    'shared_persons',
    { page },
  );
  const items: SharedPerson[] = [];
  for (const r of rows) {
    const person = shared.get(r.person_id);
    if (person) items.push(toShared(person, { id: r.home_org_id, name_fr: r.name_fr, name_nl: r.name_nl }));
  }
  return { items, total, page, pageSize };
}

/** One shared person, only the granted groups; 404 when nothing (or nothing any more) is granted. */
export async function getSharedPerson(trx: Tx, actor: Actor, personId: string): Promise<SharedPerson> {
  requirePermission(actor, 'person.view_shared');
  if (!actor.orgId) throw forbidden();
  const shared = await store.sharedPerson(trx, personId);
  if (!shared) throw notFound('people.shared.errors.not_found');
  const home = await store.organisationNames(trx, String(shared.homeOrgId));
  if (!home) throw notFound('people.shared.errors.not_found');
  return toShared(shared, home);
}
