import { sql } from 'kysely';
import { requestLink } from '../../../../common/immersions/request-links';
import {
  REPORT_DUE_AFTER_DAYS,
  REPORT_REMIND_BEFORE_DUE_DAYS,
  reportDueOn,
} from '../../../../common/immersions/request-rules';
import { absolute } from '../../../../common/kernel/links';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { mailVisitorOnce } from './visitor-mail';

/**
 * Two reminders to the visitor about the report of an ended immersion not yet submitted: one a week before
 * it is due (`REPORT_REMIND_BEFORE_DUE_DAYS`), one once it is overdue (14 days after the end). Each is
 * written acting for the visitor's organisation, in the visitor's language, with the host's name, the
 * dates, the due date and a link, and recorded on the request (`report_due_reminded_on`,
 * `report_reminded_on`) so that it is never sent twice. The first is sent only until the due date: a job
 * down past it, or an immersion completed late, leaves only the overdue one. The home page's item says the
 * same every day from the immersion's last day.
 */
export const IMMERSION_REMINDER_INTERVAL_MS = 3600_000;
export const REPORT_DUE_SOON_TEMPLATE = 'immersions.requests.report_due_soon';
export const REPORT_OVERDUE_TEMPLATE = 'immersions.requests.report_overdue';

export function registerRequestReminders(deps: Deps): void {
  deps.jobs.every('immersions.report-reminders', IMMERSION_REMINDER_INTERVAL_MS, async () => {
    await runRequestReminders(deps);
  });
}

type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { log?: Deps['log'] };

const REMINDERS = [
  {
    marker: 'report_due_reminded_on',
    template: REPORT_DUE_SOON_TEMPLATE,
    // Ended at least a day ago (never while it takes place, whatever the constants), from the reminder's
    // day up to the due date included.
    endedAtLeast: Math.max(1, REPORT_DUE_AFTER_DAYS - REPORT_REMIND_BEFORE_DUE_DAYS),
    endedAtMost: REPORT_DUE_AFTER_DAYS,
  },
  {
    marker: 'report_reminded_on',
    template: REPORT_OVERDUE_TEMPLATE,
    // The day after the due date, and any day later.
    endedAtLeast: REPORT_DUE_AFTER_DAYS + 1,
    endedAtMost: null,
  },
] as const;

export async function runRequestReminders(deps: ReminderDeps): Promise<{ mails: number }> {
  const today = deps.clock.today();
  const daysAgo = (n: number) => sql<string>`${today}::date - ${n}::integer`;
  let mails = 0;
  for (const { marker, template, endedAtLeast, endedAtMost } of REMINDERS) {
    const due = await withContext(deps.db, { scope: 'system', today }, (trx) => {
      let q = trx
        .selectFrom('immersion_requests as r')
        .leftJoin('immersion_reports as p', 'p.request_id', 'r.id')
        .select(['r.id', 'r.org_id', 'r.host_org_id', 'r.visitor_user_id', 'r.starts_on', 'r.ends_on'])
        .where('r.status', 'in', ['in_progress', 'completed'])
        .where(`r.${marker}`, 'is', null)
        .where('r.ends_on', '<=', daysAgo(endedAtLeast))
        .where(sql<boolean>`p.submitted_at is null`);
      if (endedAtMost !== null) q = q.where('r.ends_on', '>=', daysAgo(endedAtMost));
      return q.orderBy('r.ends_on').limit(500).execute();
    });
    for (const r of due)
      mails += await mailVisitorOnce(deps, today, r, marker, async (_trx, { host }) => ({
        template,
        params: {
          host,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          dueOn: reportDueOn(r.ends_on),
          link: absolute(deps.config.publicUrl, requestLink.href({ id: r.id })),
        },
      }));
  }
  return { mails };
}
