import { sql } from 'kysely';
import { isLanguage, type Language, localized } from '../../../../common/i18n/locales';
import { requestLink } from '../../../../common/immersions/request-links';
import { REPORT_DUE_AFTER_DAYS, reportDueOn } from '../../../../common/immersions/request-rules';
import { absolute } from '../../../../common/kernel/links';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { queueMail } from '../../../platform/mail';

/**
 * One reminder to the visitor when the report of an immersion is overdue (14 days after its end): written
 * acting for the visitor's organisation, in the visitor's language, with the host's name, the dates and a
 * link; recorded on the request (`report_reminded_on`) so that it is never sent twice. The home page's
 * item says the same every day in between.
 */
export const IMMERSION_REMINDER_INTERVAL_MS = 3600_000;
export const REPORT_OVERDUE_TEMPLATE = 'immersions.requests.report_overdue';

export function registerRequestReminders(deps: Deps): void {
  deps.jobs.every('immersions.report-reminders', IMMERSION_REMINDER_INTERVAL_MS, async () => {
    await runRequestReminders(deps);
  });
}

type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { log?: Deps['log'] };

export async function runRequestReminders(deps: ReminderDeps): Promise<{ mails: number }> {
  const today = deps.clock.today();
  const overdue = await withContext(deps.db, { scope: 'system', today }, (trx) =>
    trx
      .selectFrom('immersion_requests as r')
      .leftJoin('immersion_reports as p', 'p.request_id', 'r.id')
      .select(['r.id', 'r.org_id', 'r.host_org_id', 'r.visitor_user_id', 'r.starts_on', 'r.ends_on'])
      .where('r.status', 'in', ['in_progress', 'completed'])
      .where('r.report_reminded_on', 'is', null)
      .where('r.ends_on', '<', sql<string>`${today}::date - ${REPORT_DUE_AFTER_DAYS}::integer`)
      .where(sql<boolean>`p.submitted_at is null`)
      .orderBy('r.ends_on')
      .limit(500)
      .execute(),
  );
  let mails = 0;
  for (const r of overdue) {
    try {
      mails += await withContext(deps.db, { scope: 'system', orgId: r.org_id, today }, async (trx) => {
        const claimed = await trx
          .updateTable('immersion_requests')
          .set({ report_reminded_on: today })
          .where('id', '=', r.id)
          .where('report_reminded_on', 'is', null)
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
        const host = await trx
          .selectFrom('organisations')
          .select(['name_fr', 'name_nl', 'short_name'])
          .where('id', '=', r.host_org_id)
          .executeTakeFirst();
        const language = (isLanguage(visitor.locale) ? visitor.locale : 'fr') as Language;
        await queueMail(trx, {
          to: visitor.email,
          language,
          template: REPORT_OVERDUE_TEMPLATE,
          params: {
            host: host ? host.short_name || localized(language, host.name_fr, host.name_nl) : '',
            startsOn: r.starts_on,
            endsOn: r.ends_on,
            dueOn: reportDueOn(r.ends_on),
            link: absolute(deps.config.publicUrl, requestLink.href({ id: r.id })),
          },
          orgId: r.org_id,
        });
        return 1;
      });
    } catch (e) {
      // One request's failure must not hold back the others'; it is retried next hour.
      deps.log?.error({ err: e, requestId: r.id }, 'immersion report reminder failed');
    }
  }
  return { mails };
}
