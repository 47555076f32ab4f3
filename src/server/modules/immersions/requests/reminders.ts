import { sql } from 'kysely';
import { requestLink } from '../../../../common/immersions/request-links';
import { REPORT_DUE_AFTER_DAYS, reportDueOn } from '../../../../common/immersions/request-rules';
import { absolute } from '../../../../common/kernel/links';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { mailVisitorOnce } from './visitor-mail';

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
  for (const r of overdue)
    mails += await mailVisitorOnce(deps, today, r, 'report_reminded_on', async (_trx, { host }) => ({
      template: REPORT_OVERDUE_TEMPLATE,
      params: {
        host,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        dueOn: reportDueOn(r.ends_on),
        link: absolute(deps.config.publicUrl, requestLink.href({ id: r.id })),
      },
    }));
  return { mails };
}
