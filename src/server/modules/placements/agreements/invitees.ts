import type { SignatureInvitees } from '../../../../common/placements/invitation-schemas';
import type { Actor } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { assertSide, placementForActor } from './access';

/**
 * What the "send for signature" dialog proposes (issue 9, item 3): the home centre's signatories with the
 * addresses it knows, to its agreement managers only. The person's address is theirs only when they sign
 * themselves (a legal representative's is not on record); reading it is audited like any read of the
 * person's contact details. The referent's is their account's.
 */
export async function signatureInvitees(trx: Tx, actor: Actor, id: string): Promise<SignatureInvitees> {
  const access = await placementForActor(trx, actor, id, 'placement.manage');
  assertSide(access, 'home');
  const { row } = access;
  const person = await trx
    .selectFrom('persons')
    .select(['first_name', 'last_name', 'email'])
    .where('id', '=', row.person_id)
    .executeTakeFirst();
  await auditPersonRead(trx, {
    personIds: [row.person_id],
    what: 'placement',
    detail: { placementId: row.id, side: 'home', purpose: 'signature_invitation' },
  });
  const referent = await trx
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.display_name', 'u.email'])
    .where('u.id', '=', row.referent_user_id)
    .where('m.org_id', '=', row.org_id)
    .executeTakeFirst();
  const representative = row.signatory === 'legal_representative';
  return {
    person: {
      signerName: representative
        ? (row.representative_name ?? '')
        : person
          ? `${person.first_name} ${person.last_name}`
          : '',
      email: representative ? null : (person?.email ?? null),
    },
    home_referent: { signerName: referent?.display_name ?? '', email: referent?.email ?? null },
  };
}
