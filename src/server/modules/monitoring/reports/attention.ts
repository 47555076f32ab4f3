import type { AttentionItem } from '../../../../common/dashboard/attention';
import { expenditureLink, reportsLink } from '../../../../common/monitoring/links';
import { daysUntil } from '../../../../common/monitoring/report-figures';
import { actorCan } from '../../../platform/actor';
import type { AttentionProvider } from '../../../platform/attention';
import * as programmes from '../indicators/store';
import * as store from './store';

/** Reports due within this many days (or overdue) show on the home page. */
const SOON_DAYS = 14;

/**
 * The home page's reminders of reports (ADR 0019): to the lead's coordinator, the reports to submit
 * soon or overdue; to a partner's finance officer or coordinator, the periods of such reports for
 * which its organisation has not submitted its expenditure yet. RLS shows each only its programmes.
 */
export const reportAttention: AttentionProvider = async (trx, actor, { today }) => {
  if (!actor.orgId || !actorCan(actor, 'indicators.view')) return [];
  const due = await trx
    .selectFrom('progress_reports')
    .select(['id', 'programme_id', 'lead_org_id', 'period', 'due_on', 'status'])
    .where('due_on', '<=', addDays(today, SOON_DAYS))
    .orderBy('due_on')
    .execute();
  const items: AttentionItem[] = [];
  const mine = due.filter(
    (r) => r.status === 'draft' && r.lead_org_id === actor.orgId && actorCan(actor, 'programme.monitor'),
  );
  if (mine[0])
    items.push({
      key: 'monitoring.reports.attention.report_due',
      count: mine.length,
      severity: mine.some((r) => daysUntil(today, r.due_on) < 0) ? 'high' : 'normal',
      link: reportsLink.href({ id: mine[0].programme_id }),
    });
  if (actorCan(actor, 'expenditure.declare')) {
    const missing: typeof due = [];
    for (const r of due.filter((x) => daysUntil(today, x.due_on) >= 0)) {
      const members = await programmes.programmeMembers(trx, r.programme_id, r.lead_org_id);
      if (!members.includes(actor.orgId)) continue;
      if (!(await store.declarants(trx, r.programme_id, r.period)).includes(actor.orgId)) missing.push(r);
    }
    if (missing[0])
      items.push({
        key: 'monitoring.reports.attention.declaration_due',
        count: missing.length,
        severity: 'normal',
        link: expenditureLink.href({ id: missing[0].programme_id }),
      });
  }
  return items;
};

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
