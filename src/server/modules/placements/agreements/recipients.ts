import { sql } from 'kysely';
import { PERMISSIONS } from '../../../../common/access/permissions';
import { isLanguage, type Language } from '../../../../common/i18n/locales';
import type { Tx } from '../../../platform/db/context';

/**
 * The named people of one party who hear of an agreement's move (issue 9, item 4): the host's
 * signatories and validators (its coordinators and organisation admins), the home centre's referent of
 * this agreement, the host's tutor. Read in a context acting for that party, so nothing of another
 * organisation's staff is read or written elsewhere.
 */
export type Audience = 'validators' | 'referent' | 'tutor';

export interface Recipient {
  email: string;
  language: Language | null;
}

const VALIDATOR_ROLES = PERMISSIONS['placement.host_validate'] as readonly string[];

export async function partyRecipients(
  trx: Tx,
  placementId: string,
  orgId: string,
  audiences: readonly Audience[],
): Promise<Recipient[]> {
  const placement = await trx
    .selectFrom('placements')
    .select(['referent_user_id', 'tutor_user_id'])
    .where('id', '=', placementId)
    .executeTakeFirst();
  if (!placement) return [];
  const named = [
    audiences.includes('referent') ? placement.referent_user_id : null,
    audiences.includes('tutor') ? placement.tutor_user_id : null,
  ].filter((id): id is string => !!id);
  const rows = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(named.length ? [eb('u.id', 'in', named)] : []),
        ...(audiences.includes('validators')
          ? [sql<boolean>`m.roles && ${sql.val([...VALIDATOR_ROLES])}::text[]`]
          : []),
        sql<boolean>`false`,
      ]),
    )
    .orderBy('u.email')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.email) && seen.add(r.email))
    .map((r) => ({ email: r.email, language: isLanguage(r.locale) ? r.locale : null }));
}
