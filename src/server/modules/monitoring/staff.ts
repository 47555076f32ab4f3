import { sql } from 'kysely';
import { isLanguage, type Language } from '../../../common/i18n/locales';
import type { Tx } from '../../platform/db/context';

/**
 * The active staff of an organisation holding one of the roles, with their language: whom the monitoring
 * module's mails go to (read in a transaction acting for that organisation).
 */
export async function staffWithRoles(trx: Tx, orgId: string, roles: readonly string[]) {
  const rows = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`m.roles && ${sql.val([...roles])}::text[]`)
    .orderBy('u.email')
    .execute();
  return rows.map((x) => ({
    email: x.email,
    language: (isLanguage(x.locale) ? x.locale : 'fr') as Language,
  }));
}
