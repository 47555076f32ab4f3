import { sql } from 'kysely';
import { duePermitReminder, type PermitReminderLead } from '../../../../common/accompaniment/records-status';
import { isLanguage } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { personLink } from '../../../../common/people/links';
import type { Config } from '../../../platform/config';
import { type Tx, withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { queueMail } from '../../../platform/mail';

export interface PermitReminderDeps extends Pick<Deps, 'db' | 'clock'> {
  config: Pick<Config, 'publicUrl'>;
  log?: Deps['log'];
}

/** Reminders run every hour; each is sent once (newcomer_permit_reminders), so the rhythm only sets the delay. */
export const PERMIT_REMINDER_INTERVAL_MS = 3600_000;

export function registerPermitReminders(deps: Deps): void {
  deps.jobs.every('accompaniment.permit_reminders', PERMIT_REMINDER_INTERVAL_MS, async () => {
    await runPermitReminders(deps);
  });
}

interface Candidate {
  org_id: string;
  person_id: string;
  event_id: string;
  expires_on: string;
  sent: number[] | null;
}

/**
 * Mails each referent, 90, 30 and 7 days before a newcomer's residence permit expires, once per permit
 * and lead. The latest permit of each record is read in system scope; each reminder is then recorded and
 * mailed in one transaction as the person's home organisation. The mail names the first name only, with a
 * link to the person's page.
 */
export async function runPermitReminders(deps: PermitReminderDeps): Promise<{ mails: number }> {
  const today = deps.clock.today();
  const candidates = await withContext(deps.db, { scope: 'system', today }, async (trx) => {
    const r = await sql<Candidate>`select distinct on (n.person_id) n.org_id, n.person_id, e.id as event_id,
        e.expires_on::text as expires_on,
        (select array_agg(r.lead_days) from newcomer_permit_reminders r where r.event_id = e.id) as sent
      from newcomer_profiles n
      join newcomer_status_events e on e.person_id = n.person_id
        and e.kind in ('permit_issued', 'permit_renewed')
      where n.current_status <> 'citizen'
      order by n.person_id, e.valid_from desc, e.created_at desc`.execute(trx);
    return r.rows;
  });
  let mails = 0;
  for (const c of candidates) {
    const lead = duePermitReminder(c.expires_on, today, c.sent ?? []);
    if (lead === null) continue;
    try {
      const sent = await withContext(deps.db, { scope: 'system', orgId: c.org_id, today }, (trx) =>
        remind(trx, deps, c, lead),
      );
      if (sent) mails++;
    } catch (e) {
      // One person's failure must not hold back the others' reminders; it is retried next hour.
      deps.log?.error({ err: e, personId: c.person_id }, 'permit reminder failed');
    }
  }
  return { mails };
}

async function remind(trx: Tx, deps: PermitReminderDeps, c: Candidate, lead: PermitReminderLead) {
  const recorded = await trx
    .insertInto('newcomer_permit_reminders')
    .values({
      org_id: c.org_id,
      person_id: c.person_id,
      event_id: c.event_id,
      lead_days: lead,
      expires_on: c.expires_on,
    })
    .onConflict((oc) => oc.columns(['event_id', 'lead_days']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!recorded) return false;
  const to = await trx
    .selectFrom('persons as p')
    .innerJoin('users as u', 'u.id', 'p.referent_user_id')
    .select(['u.email', 'u.locale', 'u.status as user_status', 'p.first_name', 'p.status'])
    .where('p.id', '=', c.person_id)
    .executeTakeFirst();
  if (to?.user_status !== 'active' || to.status !== 'active') {
    // Recorded all the same: the dashboard still shows the expiry.
    deps.log?.warn({ personId: c.person_id }, 'permit reminder without an active referent');
    return false;
  }
  const language = isLanguage(to.locale) ? to.locale : 'fr';
  await queueMail(trx, {
    to: to.email,
    language,
    template: 'accompaniment.records.permit_reminder',
    params: {
      firstName: to.first_name,
      days: lead,
      link: absolute(deps.config.publicUrl, personLink.href({ id: c.person_id })),
    },
    orgId: c.org_id,
  });
  return true;
}
