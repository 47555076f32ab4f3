import { eventFeedbackLink } from '../../../../common/forums/feedback-links';
import { FEEDBACK_SEND_WITHIN_DAYS } from '../../../../common/forums/feedback-rules';
import { type Language, localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { hashToken, randomToken } from '../../../platform/crypto';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { queueMail } from '../../../platform/mail';
import { when } from '../mails';
import * as forums from '../store';
import * as store from './store';

/**
 * The feedback request after an event: every registration that held a place at a published event that
 * ended (within the last days) gets one mail, in its language, with a single-use link to the form; the
 * token is stored as a hash and `feedback_sent_at` marks it sent, so it goes once. Run hourly in the system
 * scope, next to the reminders; each registration in its own transaction.
 */
export const FORUM_FEEDBACK_INTERVAL_MS = 3600_000;

export function registerForumFeedback(deps: Deps): void {
  deps.jobs.every('forums.feedback', FORUM_FEEDBACK_INTERVAL_MS, async () => {
    await runForumFeedbackRequests(deps);
  });
}

export async function runForumFeedbackRequests(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'secrets'>) {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - FEEDBACK_SEND_WITHIN_DAYS * 86_400_000);
  const due = await withContext(deps.db, { scope: 'system' }, (trx) => store.dueFeedback(trx, since, now));
  let mails = 0;
  for (const d of due)
    await withContext(deps.db, { scope: 'system' }, async (trx) => {
      const token = randomToken();
      const r = await trx
        .updateTable('forum_registrations')
        .set({ feedback_sent_at: now, feedback_token_hash: hashToken(token) })
        .where('id', '=', d.id)
        .where('feedback_sent_at', 'is', null)
        .where('status', '<>', 'cancelled')
        .returning(['id', 'name', 'email', 'language', 'org_id'])
        .executeTakeFirst();
      const e = r && (await forums.findEvent(trx, d.event_id));
      if (!r || !e) return;
      const language = r.language as Language;
      const link = absolute(deps.config.publicUrl, eventFeedbackLink.href({ id: e.id }, { lang: language }));
      await queueMail(trx, {
        to: r.email,
        language,
        template: 'forums.feedback.request',
        params: {
          name: r.name,
          title: localized(language, e.title_fr, e.title_nl),
          when: when(language, new Date(e.starts_at), new Date(e.ends_at)),
        },
        secretParams: { feedbackLink: `${link}#token=${token}` },
        secretKey: deps.secrets.secretKey,
        orgId: r.org_id,
      });
      mails++;
    });
  return { mails };
}
