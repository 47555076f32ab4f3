import { sql } from 'kysely';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import { requestLink, requestsLink } from '../../../../common/immersions/request-links';
import { reportDueOn } from '../../../../common/immersions/request-rules';
import { actorCan } from '../../../platform/actor';
import { type AttentionProvider, attentionItem } from '../../../platform/attention';

/**
 * The home page's immersion items: to a manager (`immersion.manage`), their organisation's requests waiting
 * for their approval; to the host's approvers, the requests sent to their organisation; to a professional,
 * the reports of their ended immersions still to submit, from the immersion's last day, with the first
 * due date (high once past it); and to each side, the agreed immersions whose agreement still awaits its
 * signature (the visitor's own, the organisation's, the host's). Each links to the queue, or to the one request when there is one. RLS
 * shows each organisation only its side.
 */
export const requestAttention: AttentionProvider = async (trx, actor, { today }) => {
  if (!actor.orgId || !actorCan(actor, 'immersion.view')) return [];
  const items: AttentionItem[] = [];
  const waiting = async (column: 'org_id' | 'host_org_id', status: string) =>
    trx
      .selectFrom('immersion_requests')
      .select('id')
      .where(column, '=', actor.orgId as string)
      .where('status', '=', status)
      .orderBy('starts_on')
      .orderBy('id')
      .execute();
  const link = (ids: { id: string }[], scope: string) =>
    ids.length === 1 && ids[0] ? requestLink.href({ id: ids[0].id }) : requestsLink.href({}, { scope });
  // Agreed immersions whose current version still lacks this role's signature, on the reader's side.
  const unsigned = (role: 'visitor' | 'visitor_org' | 'host') => {
    let q = trx
      .selectFrom('immersion_requests as r')
      .select('r.id')
      .where('r.status', '=', 'agreed')
      .where(role === 'host' ? 'r.host_org_id' : 'r.org_id', '=', actor.orgId as string)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('immersion_signatures as s')
              .select('s.id')
              .whereRef('s.request_id', '=', 'r.id')
              .whereRef('s.version', '=', 'r.agreement_version')
              .where('s.role', '=', role)
              .where('s.signed_at', 'is not', null),
          ),
        ),
      );
    if (role === 'visitor') q = q.where('r.visitor_user_id', '=', actor.userId);
    return q.orderBy('r.starts_on').orderBy('r.id').execute();
  };
  const toSign = await unsigned('visitor');
  items.push(
    ...attentionItem(
      'immersions.requests.attention.sign_visitor',
      toSign.length,
      'high',
      link(toSign, 'mine'),
    ),
  );
  if (actorCan(actor, 'immersion.manage')) {
    const ours = await unsigned('visitor_org');
    items.push(
      ...attentionItem(
        'immersions.requests.attention.sign_org',
        ours.length,
        'normal',
        link(ours, 'organisation'),
      ),
    );
    const host = await unsigned('host');
    items.push(
      ...attentionItem('immersions.requests.attention.sign_host', host.length, 'normal', link(host, 'host')),
    );
    const mine = await waiting('org_id', 'awaiting_manager');
    items.push(
      ...attentionItem('immersions.requests.attention.manager', mine.length, 'normal', link(mine, 'manager')),
    );
    const hosted = await waiting('host_org_id', 'awaiting_host');
    items.push(
      ...attentionItem('immersions.requests.attention.host', hosted.length, 'normal', link(hosted, 'host')),
    );
  }
  const due = await trx
    .selectFrom('immersion_requests as r')
    .leftJoin('immersion_reports as p', 'p.request_id', 'r.id')
    .select(['r.id', 'r.ends_on'])
    .where('r.visitor_user_id', '=', actor.userId)
    .where('r.org_id', '=', actor.orgId)
    .where('r.status', 'in', ['in_progress', 'completed'])
    // From its last day on, when the report can be written.
    .where('r.ends_on', '<=', today)
    .where(sql<boolean>`p.submitted_at is null`)
    .orderBy('r.ends_on')
    .orderBy('r.id')
    .execute();
  // Ordered by end: the first is the one due first, whose date the item shows.
  const first = due[0] ? reportDueOn(due[0].ends_on) : null;
  items.push(
    ...attentionItem(
      'immersions.requests.attention.report_due',
      due.length,
      first && first < today ? 'high' : 'normal',
      link(due, 'mine'),
    ).map((i) => (first ? { ...i, dueOn: first } : i)),
  );
  return items;
};
