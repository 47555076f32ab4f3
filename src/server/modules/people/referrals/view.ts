import {
  type ReferralStatus,
  referralSide,
  referralWorkflow,
} from '../../../../common/people/referral-rules';
import type { ReferralPerson, ReferralView } from '../../../../common/people/referral-schemas';
import type { Actor } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { sharedPerson } from '../shared/store';
import * as store from './store';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * What the reader may see of the person: the sender its own record (the caller audits that read, a list
 * once for all its rows); the recipient only what a grant in force shows, through app.shared_person, which
 * audits each call itself in the home organisation's chain; nothing once the referral has ended.
 */
async function personFor(
  trx: Tx,
  row: store.ReferralRow,
  side: 'sender' | 'recipient',
  shared?: ReadonlyMap<string, Record<string, unknown>>,
): Promise<ReferralPerson | null> {
  if (side === 'sender')
    return {
      id: row.person_id,
      firstName: row.first_name,
      lastName: row.last_name,
      participantCode: row.participant_code,
    };
  if (row.status !== 'sent' && row.status !== 'accepted') return null;
  const person = shared ? shared.get(row.person_id) : await sharedPerson(trx, row.person_id);
  if (!person) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: row.person_id,
    firstName: text(person.firstName),
    lastName: text(person.lastName),
    participantCode: text(person.participantCode),
  };
}

/**
 * `shared`: the recipient's persons of a whole list, read (and audited) at once by the caller; without it
 * the person is read on its own.
 */
export async function toView(
  trx: Tx,
  actor: Actor,
  row: store.ReferralRow,
  shared?: ReadonlyMap<string, Record<string, unknown>>,
): Promise<ReferralView> {
  const side = referralSide({ senderOrgId: row.org_id, recipientOrgId: row.recipient_org_id }, actor.orgId);
  // RLS only shows referrals the organisation sends or receives; anything else is not there.
  if (!side) throw notFound('people.referrals.errors.not_found');
  const status = row.status as ReferralStatus;
  return {
    id: row.id,
    status,
    purpose: row.purpose,
    fields: row.fields,
    message: row.message,
    declineReason: row.decline_reason,
    sender: { id: row.org_id, nameFr: row.sender_name_fr, nameNl: row.sender_name_nl },
    recipient: { id: row.recipient_org_id, nameFr: row.recipient_name_fr, nameNl: row.recipient_name_nl },
    sentByName: row.sent_by_name,
    decidedAt: iso(row.decided_at),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    basis: row.consent_id ? 'consent' : 'override',
    overrideReason: side === 'sender' ? row.override_reason : null,
    person: await personFor(trx, row, side, shared),
    side,
    actions: referralWorkflow.available(status, side, actor.roles).map((a) => a.transition.action),
  };
}

/** A referral the actor's organisation sends or receives, as a view (the person's an audited read); else 404. */
export async function loadView(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<ReferralView> {
  const found = await store.getReferral(trx, id);
  if (!found) throw notFound('people.referrals.errors.not_found');
  const [row] = await store.withTexts(trx, masters, [found]);
  const view = await toView(trx, actor, row!);
  await auditSenderReads(trx, [view], { referralId: view.id });
  return view;
}

/**
 * The sender's reads of its own persons in referral views, as one entry however many views (the recipient
 * reads through app.shared_person, which audits each call).
 */
export async function auditSenderReads(
  trx: Tx,
  views: readonly ReferralView[],
  detail: Record<string, unknown>,
): Promise<void> {
  await auditPersonRead(trx, {
    personIds: views.flatMap((v) => (v.side === 'sender' && v.person ? [v.person.id] : [])),
    what: 'referrals',
    detail,
  });
}
