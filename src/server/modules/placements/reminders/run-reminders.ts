import { sql } from 'kysely';
import { isLanguage } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { addMonths, parseIsoDate } from '../../../../common/placements/dates';
import { placementLink } from '../../../../common/placements/links';
import {
  type DueReminder,
  dueReminders,
  SIX_MONTH_WINDOW_MONTHS,
} from '../../../../common/placements/reminder-rules';
import type { Config } from '../../../platform/config';
import { type Tx, withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { t } from '../../../platform/i18n';
import { queueMail } from '../../../platform/mail';
import { runSignerReminders } from './signer-reminders';
import * as store from './store';

export interface ReminderDeps extends Pick<Deps, 'db' | 'clock'> {
  config: Pick<Config, 'publicUrl'>;
  log?: Deps['log'];
}

/** Reminders run every hour; each is sent once (placement_reminders), so the rhythm only sets the delay. */
export const REMINDER_INTERVAL_MS = 3600_000;

export function registerPlacementReminders(deps: Deps): void {
  deps.jobs.every('placements.reminders', REMINDER_INTERVAL_MS, async () => {
    await runPlacementReminders(deps);
    // The signers themselves (issue 9, item 3), each at their own address with a fresh link.
    await runSignerReminders({ ...deps, secretKey: deps.secrets.secretKey });
  });
}

/**
 * Mails each referent the reminders of their agreements that fell due (evaluations, end, outcomes,
 * pending signatures), once each. Reading every organisation's agreements happens in system scope; each
 * agreement's reminders are then written in one transaction as its home organisation (still system
 * scope), which alone may read the referent's address and the participant code.
 */
export async function runPlacementReminders(
  deps: ReminderDeps,
): Promise<{ mails: number; reminders: number }> {
  const { db } = deps;
  // One day for the whole run, as the staff live it (Europe/Brussels): reminders turn at local midnight.
  const today = deps.clock.today();
  // Ended agreements matter until their 6-month reminder goes stale.
  const oldestEnd = addMonths(today, -SIX_MONTH_WINDOW_MONTHS);
  const candidates = await withContext(db, { scope: 'system', today }, (trx) =>
    store.agreementFacts(trx, sql<boolean>`(p.ended_on is null or p.ended_on >= ${oldestEnd}::date)`),
  );
  let mails = 0;
  let reminders = 0;
  for (const c of candidates) {
    const due = dueReminders(c.facts, today);
    if (!due.length) continue;
    try {
      const sent = await withContext(db, { scope: 'system', orgId: c.orgId, today }, (trx) =>
        remind(trx, deps, c, due),
      );
      reminders += sent;
      if (sent) mails++;
    } catch (e) {
      // One agreement's failure must not hold back the others' reminders; it is retried next hour.
      deps.log?.error({ err: e, placementId: c.id }, 'placement reminder failed');
    }
  }
  return { mails, reminders };
}

/** Records the reminders not sent yet and mails them to the referent in one message. */
async function remind(
  trx: Tx,
  deps: ReminderDeps,
  c: store.AgreementFacts,
  due: DueReminder[],
): Promise<number> {
  const fresh: DueReminder[] = [];
  for (const r of due)
    if (await store.recordReminder(trx, { orgId: c.orgId, placementId: c.id, ...r })) fresh.push(r);
  if (!fresh.length) return 0;
  for (const r of fresh) if (r.signatureId) await store.markSignatureReminded(trx, r.signatureId);

  const to = await store.reminderRecipient(trx, c.id);
  if (to?.user_status !== 'active') {
    // Recorded all the same: the dashboard and the caseload still show what is due.
    deps.log?.warn({ placementId: c.id }, 'placement reminder without an active referent');
    return fresh.length;
  }
  const language = isLanguage(to.locale) ? to.locale : 'fr';
  const day = (iso: string) => new Date(parseIsoDate(iso) + 12 * 3600_000);
  const lines = fresh.map(
    (r) =>
      `- ${t(language, `placements.overview.reminder.${r.kind}`, {
        date: day(r.kind === 'end' || r.kind === 'final_evaluation' ? c.facts.endsOn : r.dueOn),
        role: r.role ? t(language, `placements.agreements.role.${r.role}`) : '',
      })}`,
  );
  await queueMail(trx, {
    to: to.email,
    language,
    template: 'placements.overview.reminder',
    params: {
      code: to.participant_code,
      items: lines.join('\n'),
      link: absolute(deps.config.publicUrl, placementLink.href({ id: c.id })),
    },
    orgId: c.orgId,
  });
  return fresh.length;
}
