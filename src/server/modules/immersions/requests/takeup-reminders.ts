import { sql } from 'kysely';
import { localized } from '../../../../common/i18n/locales';
import { requestLink, requestsLink } from '../../../../common/immersions/request-links';
import { TAKE_UP_AFTER_MONTHS, TAKE_UP_ASKED_FOR_DAYS } from '../../../../common/immersions/request-rules';
import { absolute } from '../../../../common/kernel/links';
import { practiceLink, practicesLink } from '../../../../common/practices/links';
import { actorCan } from '../../../platform/actor';
import { type AttentionProvider, attentionItem } from '../../../platform/attention';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { findDrawnPractice } from './practice';
import { IMMERSION_REMINDER_INTERVAL_MS } from './reminders';
import { mailVisitorOnce } from './visitor-mail';

/**
 * The take-up question (issue 11): six months after a completed immersion, one mail to the visitor, in
 * their language, asking whether something was taken up, with the host's practices in the library (where
 * a take-up is recorded) and the sheet drawn from the report, or the request to draw one. It carries the
 * offer's title, the host's name and the dates, nothing else. Recorded on the request
 * (`takeup_reminded_on`, migration 0030) before the mail is queued, so it is never sent twice; past the
 * 30 days of the question it is not sent at all (a job down for months sends no stale mail). The home
 * page asks the same during those 30 days.
 */
export const TAKE_UP_TEMPLATE = 'immersions.requests.takeup_reminder';

export function registerTakeUpReminders(deps: Deps): void {
  deps.jobs.every('immersions.takeup-reminders', IMMERSION_REMINDER_INTERVAL_MS, async () => {
    await runTakeUpReminders(deps);
  });
}

type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { log?: Deps['log'] };

/** Six months after the end (calendar months, clamped to the month's last day). */
const askedOn = sql<string>`(r.ends_on + make_interval(months => ${TAKE_UP_AFTER_MONTHS}::integer))::date`;

export async function runTakeUpReminders(deps: ReminderDeps): Promise<{ mails: number }> {
  const today = deps.clock.today();
  const due = await withContext(deps.db, { scope: 'system', today }, (trx) =>
    trx
      .selectFrom('immersion_requests as r')
      .select([
        'r.id',
        'r.org_id',
        'r.host_org_id',
        'r.offer_id',
        'r.visitor_user_id',
        'r.starts_on',
        'r.ends_on',
      ])
      .where('r.status', '=', 'completed')
      .where('r.takeup_reminded_on', 'is', null)
      .where(sql<boolean>`${askedOn} <= ${today}::date`)
      .where(sql<boolean>`${askedOn} + ${TAKE_UP_ASKED_FOR_DAYS}::integer > ${today}::date`)
      .orderBy('r.ends_on')
      .limit(500)
      .execute(),
  );
  let mails = 0;
  for (const r of due)
    mails += await mailVisitorOnce(deps, today, r, 'takeup_reminded_on', async (trx, { language, host }) => {
      const offer = await trx
        .selectFrom('immersion_offers')
        .select(['title_fr', 'title_nl'])
        .where('id', '=', r.offer_id)
        .executeTakeFirst();
      const sheet = await findDrawnPractice(trx, r.id);
      const url = (href: string) => absolute(deps.config.publicUrl, href);
      return {
        template: TAKE_UP_TEMPLATE,
        params: {
          host,
          offer: offer ? localized(language, offer.title_fr, offer.title_nl) : '',
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          drawn: sheet ? 'yes' : 'no',
          library: url(practicesLink.href(undefined, { org: r.host_org_id })),
          link: url(sheet ? practiceLink.href({ id: sheet.id }) : requestLink.href({ id: r.id })),
        },
      };
    });
  return { mails };
}

/** The home page's question to the visitor, for 30 days from six months after a completed immersion. */
export const takeUpAttention: AttentionProvider = async (trx, actor, { today }) => {
  if (!actor.orgId || !actorCan(actor, 'immersion.view')) return [];
  const asked = await trx
    .selectFrom('immersion_requests as r')
    .select(['r.id', 'r.ends_on'])
    .where('r.visitor_user_id', '=', actor.userId)
    .where('r.org_id', '=', actor.orgId)
    .where('r.status', '=', 'completed')
    .where(sql<boolean>`${askedOn} <= ${today}::date`)
    .where(sql<boolean>`${askedOn} + ${TAKE_UP_ASKED_FOR_DAYS}::integer > ${today}::date`)
    .orderBy('r.ends_on')
    .orderBy('r.id')
    .execute();
  const only = asked.length === 1 && asked[0] ? asked[0].id : null;
  return attentionItem(
    'immersions.requests.attention.takeup',
    asked.length,
    'normal',
    only ? requestLink.href({ id: only }) : requestsLink.href({}, { scope: 'mine' }),
  );
};
