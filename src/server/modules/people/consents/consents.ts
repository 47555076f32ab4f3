import { consentStatus } from '../../../../common/people/consent';
import { consentRuleErrors, withdrawalRuleErrors } from '../../../../common/people/rules';
import type { ConsentCreateBody, ConsentView, ConsentWithdrawBody } from '../../../../common/people/schemas';
import type { FieldError } from '../../../../common/validation/errors';
import type { Actor } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { conflict, notFound, validationFailed } from '../../../platform/errors';
import { loadPerson } from '../persons/get-person';
import { today } from '../today';
import * as store from './store';

function toView(
  r: store.ConsentRow,
  names: Map<string, { name_fr: string; name_nl: string }>,
  superseded: ReadonlySet<string>,
  today: string,
): ConsentView {
  const terms = {
    id: r.id,
    purpose: r.purpose,
    dataCategories: r.data_categories,
    recipientOrgIds: r.recipient_org_ids,
    givenOn: r.given_on,
    expiresOn: r.expires_on,
    withdrawnOn: r.withdrawn_on,
    supersedesId: r.supersedes_id,
  };
  return {
    ...terms,
    recipients: r.recipient_org_ids.flatMap((id) => {
      const n = names.get(id);
      return n ? [{ id, nameFr: n.name_fr, nameNl: n.name_nl }] : [];
    }),
    givenBy: r.given_by,
    representativeName: r.representative_name,
    recordedByName: r.recorded_by_name,
    withdrawalReason: r.withdrawal_reason,
    status: consentStatus(terms, today, superseded),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** A person's consent records, newest first, each with its state today; an audited read of the person. */
export async function listConsents(trx: Tx, actor: Actor, personId: string): Promise<ConsentView[]> {
  const person = await loadPerson(trx, actor, personId, 'person.view');
  await auditPersonRead(trx, { personIds: [person.id], what: 'consents' });
  const rows = await store.listConsents(trx, person.id);
  const orgs = await store.organisationNames(trx, [...new Set(rows.flatMap((r) => r.recipient_org_ids))]);
  const names = new Map(orgs.map((o) => [o.id, o]));
  const superseded = new Set(rows.flatMap((r) => (r.supersedes_id ? [r.supersedes_id] : [])));
  const day = await today(trx);
  return rows.map((r) => toView(r, names, superseded, day));
}

/**
 * Records a consent as given (by the person or their legal representative). Records are immutable: a
 * change is a new record naming the one it replaces.
 */
export async function recordConsent(
  trx: Tx,
  actor: Actor,
  personId: string,
  b: ConsentCreateBody,
): Promise<ConsentView> {
  const person = await loadPerson(trx, actor, personId, 'person.manage');
  const errors: FieldError[] = consentRuleErrors(b);
  const recipients = [...new Set(b.recipientOrgIds.map((id) => id.toLowerCase()))];
  if (recipients.includes(person.org_id))
    errors.push({ path: 'recipientOrgIds', code: 'people.consents.errors.own_organisation' });
  const known = await store.organisationNames(trx, recipients);
  if (known.length !== recipients.length || known.some((o) => o.status !== 'active'))
    errors.push({ path: 'recipientOrgIds', code: 'people.consents.errors.unknown_recipient' });
  if (b.supersedesId) {
    const previous = await store.getConsent(trx, person.id, b.supersedesId);
    if (!previous) errors.push({ path: 'supersedesId', code: 'people.consents.errors.unknown_previous' });
    else if (await store.isSuperseded(trx, previous.id))
      throw conflict('people.consents.errors.already_superseded');
  }
  if (errors.length) throw validationFailed(errors);
  const id = await store.insertConsent(trx, {
    org_id: person.org_id,
    person_id: person.id,
    purpose: b.purpose,
    data_categories: b.dataCategories,
    recipient_org_ids: recipients,
    given_by: b.givenBy,
    representative_name: b.givenBy === 'legal_representative' ? (b.representativeName?.trim() ?? null) : null,
    given_on: b.givenOn,
    expires_on: b.expiresOn ?? null,
    supersedes_id: b.supersedesId ?? null,
    recorded_by: actor.userId,
  });
  const all = await listConsents(trx, actor, person.id);
  return all.find((c) => c.id === id)!;
}

/** Records the withdrawal of a consent (once): from that day on, nothing may be shared under it. */
export async function withdrawConsent(
  trx: Tx,
  actor: Actor,
  personId: string,
  consentId: string,
  b: ConsentWithdrawBody,
): Promise<ConsentView> {
  const person = await loadPerson(trx, actor, personId, 'person.manage');
  await store.lockConsent(trx, consentId);
  const consent = await store.getConsent(trx, person.id, consentId);
  if (!consent) throw notFound('people.consents.errors.not_found');
  if (consent.withdrawn_on !== null) throw conflict('people.consents.errors.already_withdrawn');
  const errors = withdrawalRuleErrors(b.withdrawnOn, consent.given_on, await today(trx));
  if (errors.length) throw validationFailed(errors);
  if (!(await store.withdrawConsent(trx, consent.id, b.withdrawnOn, b.reason.trim())))
    throw conflict('people.consents.errors.already_withdrawn');
  const all = await listConsents(trx, actor, person.id);
  return all.find((c) => c.id === consent.id)!;
}
