import { withContext } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { mailRegistrant, REMINDER_LEAD_MS } from './mails';
import * as store from './store';

/**
 * The reminder the day before: every confirmed registration of a published event starting within the next
 * 24 hours gets one mail, in its language, recorded on the registration (`reminded_at`) so that it is sent
 * once. Run hourly in the system scope; each registration in its own transaction.
 */
export const FORUM_REMINDER_INTERVAL_MS = 3600_000;

export function registerForumReminders(deps: Deps): void {
  deps.jobs.every('forums.reminders', FORUM_REMINDER_INTERVAL_MS, async () => {
    await runForumReminders(deps);
  });
}

export async function runForumReminders(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'secrets'>) {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + REMINDER_LEAD_MS);
  const due = await withContext(deps.db, { scope: 'system' }, (trx) => store.dueReminders(trx, now, until));
  let mails = 0;
  for (const d of due)
    await withContext(deps.db, { scope: 'system' }, async (trx) => {
      const r = await trx
        .updateTable('forum_registrations')
        .set({ reminded_at: now })
        .where('id', '=', d.id)
        .where('status', '=', 'confirmed')
        .where('reminded_at', 'is', null)
        .returning(['id', 'name', 'email', 'language', 'org_id'])
        .executeTakeFirst();
      const e = r && (await store.findEvent(trx, d.event_id));
      if (!r || !e) return;
      await mailRegistrant(trx, deps, e, r, 'reminder', r.org_id);
      mails++;
    });
  return { mails };
}
