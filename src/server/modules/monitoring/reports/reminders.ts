import { sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { expenditureLink, reportLink } from '../../../../common/monitoring/links';
import { reminderStep } from '../../../../common/monitoring/report-figures';
import { type Tx, withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { queueMail } from '../../../platform/mail';
import * as programmes from '../indicators/store';
import { staffWithRoles } from '../staff';
import * as store from './store';

/**
 * Reminders before a report's deadline (14, 7 and 1 day(s), then once overdue): the lead's coordinators
 * while the report is not submitted; each partner without a submitted expenditure declaration for the
 * report's period, its finance officers (its coordinators when it has none). Each reminder is recorded
 * (progress_report_reminders) so that none is sent twice; mails carry no figure and no person.
 */

export const REPORT_REMINDER_INTERVAL_MS = 3600_000;

export function registerReportReminders(deps: Deps): void {
  deps.jobs.every('monitoring.report-reminders', REPORT_REMINDER_INTERVAL_MS, async () => {
    await runReportReminders(deps);
  });
}

type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { log?: Deps['log'] };

export async function runReportReminders(deps: ReminderDeps): Promise<{ mails: number }> {
  const today = deps.clock.today();
  const reports = await withContext(deps.db, { scope: 'system', today }, (trx) =>
    trx
      .selectFrom('progress_reports as r')
      .innerJoin('programmes as p', 'p.id', 'r.programme_id')
      .select(['r.id', 'r.programme_id', 'r.lead_org_id', 'r.period', 'r.due_on', 'r.status', 'p.acronym'])
      .where('r.due_on', '>=', sql<string>`${today}::date - 31`)
      .where('r.due_on', '<=', sql<string>`${today}::date + 14`)
      .execute(),
  );
  let mails = 0;
  for (const r of reports) {
    const step = reminderStep(today, r.due_on);
    if (!step) continue;
    try {
      const missing = await withContext(deps.db, { scope: 'system', orgId: r.lead_org_id, today }, (trx) =>
        remindLead(trx, deps, r, step, today).then(async (sent) => {
          mails += sent;
          // A partner is asked for its declaration until the deadline, not after (the lead follows up).
          if (step === 'overdue') return [];
          const members = await programmes.programmeMembers(trx, r.programme_id, r.lead_org_id);
          const declared = new Set(await store.declarants(trx, r.programme_id, r.period));
          return members.filter((id) => !declared.has(id));
        }),
      );
      // Each partner's staff is read, and its mail queued, acting for that partner.
      for (const orgId of missing)
        mails += await withContext(deps.db, { scope: 'system', orgId, today }, (trx) =>
          remindPartner(trx, deps, r, orgId, step, today),
        );
    } catch (e) {
      // One report's failure must not hold back the others'; it is retried next hour.
      deps.log?.error({ err: e, reportId: r.id }, 'report reminder failed');
    }
  }
  return { mails };
}

type Due = {
  id: string;
  programme_id: string;
  lead_org_id: string;
  period: string;
  due_on: string;
  status: string;
  acronym: string | null;
};

const dueWords = (r: Due, language: Language) => ({
  programme: r.acronym ?? '',
  period: r.period,
  due: new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : language === 'en' ? 'en-GB' : 'fr-BE', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${r.due_on}T12:00:00Z`)),
});

async function remindLead(trx: Tx, deps: ReminderDeps, r: Due, step: string, today: string) {
  if (r.status !== 'draft' || !(await record(trx, r, `report:${step}`, today))) return 0;
  const to = await staffWithRoles(trx, r.lead_org_id, ['coordinator']);
  for (const m of to)
    await queueMail(trx, {
      to: m.email,
      language: m.language,
      template: 'monitoring.reports.due',
      params: {
        ...dueWords(r, m.language),
        link: absolute(deps.config.publicUrl, reportLink.href({ id: r.id })),
      },
      orgId: r.lead_org_id,
    });
  return to.length;
}

async function remindPartner(
  trx: Tx,
  deps: ReminderDeps,
  r: Due,
  orgId: string,
  step: string,
  today: string,
) {
  if (!(await record(trx, r, `declaration:${orgId}:${step}`, today))) return 0;
  const finance = await staffWithRoles(trx, orgId, ['finance']);
  const to = finance.length ? finance : await staffWithRoles(trx, orgId, ['coordinator']);
  for (const m of to)
    await queueMail(trx, {
      to: m.email,
      language: m.language,
      template: 'monitoring.reports.declaration',
      params: {
        ...dueWords(r, m.language),
        link: absolute(deps.config.publicUrl, expenditureLink.href({ id: r.programme_id })),
      },
      orgId,
    });
  return to.length;
}

/** Records a reminder; false when it was already sent. */
async function record(trx: Tx, r: Due, kind: string, today: string): Promise<boolean> {
  const inserted = await sql`insert into progress_report_reminders (report_id, lead_org_id, kind, sent_on)
    values (${r.id}::uuid, ${r.lead_org_id}::uuid, ${kind}, ${today}::date)
    on conflict do nothing`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0) > 0;
}
