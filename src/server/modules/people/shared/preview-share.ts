import type { SharePreview, SharePreviewQuery } from '../../../../common/people/shared-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { findOwnPerson } from '../persons/store';
import { previewShare } from './share';

/**
 * What a share of one of the actor's persons would rest on, before it is made (a referral, an agreement):
 * the consent the server will accept (the door's own rule), or why none does and whether the actor may
 * override.
 */
export async function previewPersonShare(
  trx: Tx,
  actor: Actor,
  personId: string,
  query: SharePreviewQuery,
): Promise<SharePreview> {
  requirePermission(actor, 'person.manage');
  const person = await findOwnPerson(trx, personId);
  if (!person) throw notFound('people.shared.errors.person_not_found');
  // The answer names the person and, with a recipient, reads their consents: an audited read.
  await auditPersonRead(trx, { personIds: [person.id], what: 'referral_preview' });
  const base = {
    person: { id: person.id, firstName: person.first_name, lastName: person.last_name },
    canOverride: actorCan(actor, 'consent.override'),
  };
  if (!query.recipientOrgId || !query.purpose || !query.fields) return { ...base, check: null };
  const check = await previewShare(trx, {
    personId: person.id,
    recipientOrgId: query.recipientOrgId,
    purpose: query.purpose,
    fields: query.fields.split(','),
  });
  return { ...base, check };
}
