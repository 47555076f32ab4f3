import { pageOf } from '../../../../common/kernel/schemas';
import type { SharedPage, SharedPerson, SharedQuery } from '../../../../common/people/shared-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
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

type SharedNotes = { pathways?: { notes?: { body: string }[] }[] };

/**
 * Opens the pathway notes of shared persons (sealed with their home organisation's key, ADR 0039): the keys
 * come from app.persons_keys(), which releases them for the persons whose 'pathway' group is granted — the
 * same rule by which app.shared_person_data() showed the notes. One call for the whole page.
 */
async function openNotes(trx: Tx, masters: MasterKeys, persons: Record<string, unknown>[]) {
  const withNotes = persons.filter((p) => (p as SharedNotes).pathways?.some((w) => w.notes?.length));
  if (withNotes.length === 0) return;
  const opener = await store.personsOpener(
    trx,
    masters,
    withNotes.map((p) => String(p.id)),
  );
  for (const p of withNotes)
    for (const w of (p as SharedNotes).pathways ?? [])
      for (const n of w.notes ?? []) n.body = opener.open(String(p.homeOrgId), 'pathway_notes.body', n.body);
}

/** Persons other organisations share with the actor's organisation; the page is one audited read. */
export async function listSharedPersons(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  query: SharedQuery,
): Promise<SharedPage> {
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
  await openNotes(trx, masters, [...shared.values()]);
  const items: SharedPerson[] = [];
  for (const r of rows) {
    const person = shared.get(r.person_id);
    if (person) items.push(toShared(person, { id: r.home_org_id, name_fr: r.name_fr, name_nl: r.name_nl }));
  }
  return { items, total, page, pageSize };
}

/** One shared person, only the granted groups; 404 when nothing (or nothing any more) is granted. */
export async function getSharedPerson(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
): Promise<SharedPerson> {
  requirePermission(actor, 'person.view_shared');
  if (!actor.orgId) throw forbidden();
  const shared = await store.sharedPerson(trx, personId);
  if (!shared) throw notFound('people.shared.errors.not_found');
  const home = await store.organisationNames(trx, String(shared.homeOrgId));
  if (!home) throw notFound('people.shared.errors.not_found');
  await openNotes(trx, masters, [shared]);
  return toShared(shared, home);
}
