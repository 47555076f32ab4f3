import { countReached, pseudonymProblem } from '../../../../common/accompaniment/outreach-rules';
import type { Contact, ContactInput, ContactList } from '../../../../common/accompaniment/outreach-schemas';
import { isIso639_3 } from '../../../../common/people/languages';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit, auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { type MasterKeys, openOwnColumns, sealText } from '../../../platform/keys/field-cipher';
import { activeConsentOf, findOwnPerson } from '../../people';
import './tables';

/**
 * Outreach contacts with persons not (yet) identified, kept by the organisation (`outreach.record`, RLS
 * own organisation): no name, a pseudonym at most (never an e-mail, phone or national number). Once the
 * person consents, a contact is linked to their record in the same organisation (audited); several
 * contacts may be linked to one person, and they then count as one person reached.
 */
export const E = (code: string) => `accompaniment.outreach.errors.${code}`;
const clean = (s: string | null | undefined) => s?.trim() || null;
// Sealed with the organisation's own key: only it reads its contacts (ADR 0038).
const NOTE = 'outreach_contacts.note' as const;

type Row = Awaited<ReturnType<typeof rows>>[number];
const rows = (trx: Tx) =>
  trx
    .selectFrom('outreach_contacts as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(['u.display_name as recorded_by_name', 'p.first_name', 'p.last_name', 'p.participant_code'])
    .orderBy('c.contact_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(1000)
    .execute();

/** The contacts' notes opened (their organisation's own key). */
const opened = (trx: Tx, masters: MasterKeys, rows: Row[]) =>
  openOwnColumns(trx, masters, rows, ['note', NOTE]);

const view = (r: Row): Contact => ({
  id: r.id,
  contactOn: r.contact_on,
  place: r.place,
  municipalityCode: r.municipality_code,
  country: r.country as Contact['country'],
  pseudonym: r.pseudonym,
  ageBand: r.age_band as Contact['ageBand'],
  language: r.language,
  needs: r.needs as Contact['needs'],
  referral: r.referral,
  note: r.note,
  recordedBy: r.recorded_by_name ?? null,
  person:
    r.person_id && r.participant_code
      ? { id: r.person_id, name: `${r.first_name} ${r.last_name}`, participantCode: r.participant_code }
      : null,
  linkedAt: r.linked_at ? new Date(r.linked_at).toISOString() : null,
});

export async function listContacts(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  q: { linked?: boolean },
): Promise<ContactList> {
  requirePermission(actor, 'outreach.record');
  if (!actor.orgId) throw forbidden();
  const all = await rows(trx);
  const reached = countReached(
    all.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      pseudonym: r.pseudonym,
      participantCode: r.person_id ? r.participant_code : null,
    })),
  ).total;
  const items = all.filter((r) => q.linked === undefined || (r.person_id !== null) === q.linked);
  const linked = items.flatMap((r) => (r.person_id ? [r.person_id] : []));
  await auditPersonRead(trx, { personIds: linked, what: 'outreach_contacts' });
  return { items: (await opened(trx, masters, items)).map(view), reached };
}

export async function getContact(trx: Tx, actor: Actor, masters: MasterKeys, id: string): Promise<Contact> {
  requirePermission(actor, 'outreach.record');
  const r = (await rows(trx)).find((x) => x.id === id);
  if (!r) throw notFound(E('unknown'));
  if (r.person_id) await auditPersonRead(trx, { personIds: [r.person_id], what: 'outreach_contact' });
  return view((await opened(trx, masters, [r]))[0] as Row);
}

async function checked(trx: Tx, masters: MasterKeys, input: ContactInput, today: string) {
  const errors: { path: string; code: string }[] = [];
  const pseudonym = clean(input.pseudonym);
  const problem = pseudonymProblem(pseudonym);
  if (problem) errors.push({ path: 'pseudonym', code: E(`pseudonym_${problem}`) });
  if (input.language && !isIso639_3(input.language))
    errors.push({ path: 'language', code: E('unknown_language') });
  if (input.contactOn > today) errors.push({ path: 'contactOn', code: E('in_the_future') });
  if (input.municipalityCode) {
    const t = await trx
      .selectFrom('territories')
      .select('code')
      .where('code', '=', input.municipalityCode)
      .where('level', '=', 'municipality')
      .executeTakeFirst();
    if (!t) errors.push({ path: 'municipalityCode', code: E('unknown_municipality') });
    else if (!input.municipalityCode.startsWith(`${input.country}-`))
      errors.push({ path: 'municipalityCode', code: E('other_country') });
  }
  if (errors.length) throw validationFailed(errors);
  return {
    contact_on: input.contactOn,
    place: input.place.trim(),
    municipality_code: input.municipalityCode ?? null,
    country: input.country,
    pseudonym,
    age_band: input.ageBand,
    language: input.language ?? null,
    needs: [...new Set(input.needs)],
    referral: clean(input.referral),
    note: await sealText(trx, masters, NOTE, clean(input.note)),
  };
}

export async function createContact(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  today: string,
  input: ContactInput,
) {
  requirePermission(actor, 'outreach.record');
  if (!actor.orgId) throw forbidden();
  const row = await checked(trx, masters, input, today);
  const r = await trx
    .insertInto('outreach_contacts')
    .values({ ...row, org_id: actor.orgId, recorded_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id };
}

export async function updateContact(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  today: string,
  id: string,
  input: ContactInput,
) {
  requirePermission(actor, 'outreach.record');
  const found = await trx
    .selectFrom('outreach_contacts')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound(E('unknown'));
  const row = await checked(trx, masters, input, today);
  await trx.updateTable('outreach_contacts').set(row).where('id', '=', id).execute();
  return { ok: true };
}

/**
 * Links a contact to a person of the same organisation who has a consent in force (the database checks
 * the same); once linked, it stays linked. Audited (the change and a read of the person).
 */
export async function linkContact(trx: Tx, actor: Actor, today: string, id: string, personId: string) {
  requirePermission(actor, 'outreach.record');
  if (!actor.orgId) throw forbidden();
  const c = await trx
    .selectFrom('outreach_contacts')
    .select(['id', 'person_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound(E('unknown'));
  const person = await findOwnPerson(trx, personId);
  if (!person || person.org_id !== actor.orgId) throw notFound(E('unknown_person'));
  if (c.person_id === person.id) return { ok: true };
  if (c.person_id) throw conflict(E('already_linked'));
  const consent = await activeConsentOf(trx, person.id, today);
  if (!consent) throw conflict(E('no_consent'));
  await trx
    .updateTable('outreach_contacts')
    .set({ person_id: person.id, consent_id: consent.id, linked_at: new Date(), linked_by: actor.userId })
    .where('id', '=', c.id)
    .execute();
  await audit(trx, {
    action: 'read',
    entity: 'outreach_contacts',
    entityId: c.id,
    detail: { linkedTo: person.id, consentId: consent.id },
  });
  return { ok: true };
}
