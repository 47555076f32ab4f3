import { isLanguage, type Language, localized } from '../../../../common/i18n/locales';
import type { Tx } from '../../../platform/db/context';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import type { MessageParams } from '../../../platform/i18n';
import { queueMail } from '../../../platform/mail';

type MailDeps = Pick<Deps, 'db'> & { log?: Deps['log'] };

/** What a reminder job found due: the request, its two organisations and its visitor. */
export interface DueRequest {
  id: string;
  org_id: string;
  host_org_id: string;
  visitor_user_id: string;
}

/**
 * Mails a request's visitor once: acting for the visitor's organisation, the request's marker column is
 * claimed first (so a mail is never sent twice, even by two processes), then the mail is queued in the
 * visitor's language with the host's name, to an active member only. One request's failure is logged and
 * left for the next run; it never holds back the others. Returns 1 when a mail was queued.
 */
export async function mailVisitorOnce(
  deps: MailDeps,
  today: string,
  r: DueRequest,
  marker: 'report_due_reminded_on' | 'report_reminded_on' | 'takeup_reminded_on',
  mail: (
    trx: Tx,
    ctx: { language: Language; host: string },
  ) => Promise<{ template: string; params: MessageParams }>,
): Promise<number> {
  try {
    return await withContext(deps.db, { scope: 'system', orgId: r.org_id, today }, async (trx) => {
      const claimed = await trx
        .updateTable('immersion_requests')
        .set({ [marker]: today })
        .where('id', '=', r.id)
        .where(marker, 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 0;
      const visitor = await trx
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .select(['u.email', 'u.locale'])
        .where('u.id', '=', r.visitor_user_id)
        .where('m.org_id', '=', r.org_id)
        .where('m.active', '=', true)
        .where('u.status', '=', 'active')
        .executeTakeFirst();
      if (!visitor) return 0;
      const language = (isLanguage(visitor.locale) ? visitor.locale : 'fr') as Language;
      const hostOrg = await trx
        .selectFrom('organisations')
        .select(['name_fr', 'name_nl', 'short_name'])
        .where('id', '=', r.host_org_id)
        .executeTakeFirst();
      const host = hostOrg ? hostOrg.short_name || localized(language, hostOrg.name_fr, hostOrg.name_nl) : '';
      const { template, params } = await mail(trx, { language, host });
      await queueMail(trx, { to: visitor.email, language, template, params, orgId: r.org_id });
      return 1;
    });
  } catch (e) {
    // Retried at the next run.
    deps.log?.error({ err: e, requestId: r.id, marker }, 'immersion visitor reminder failed');
    return 0;
  }
}
