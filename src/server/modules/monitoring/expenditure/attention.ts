import type { AttentionItem } from '../../../../common/dashboard/attention';
import { declarationLink } from '../../../../common/monitoring/links';
import { actorCan } from '../../../platform/actor';
import { type AttentionProvider, attentionItem } from '../../../platform/attention';

/**
 * The home page's expenditure items (ADR 0018): to the lead's coordinator, the partners' submitted
 * declarations waiting for its review; to a partner that declares, its declarations the lead re-opened
 * (back in draft with a reason). Each links to the oldest such declaration. RLS shows the lead only the
 * submitted declarations of its programmes, and a partner only its own.
 */
export const expenditureAttention: AttentionProvider = async (trx, actor) => {
  if (!actor.orgId) return [];
  const items: AttentionItem[] = [];
  if (actorCan(actor, 'programme.monitor')) {
    const toReview = await trx
      .selectFrom('expenditure_declarations')
      .select('id')
      .where('lead_org_id', '=', actor.orgId)
      .where('status', '=', 'submitted')
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
    if (toReview[0])
      items.push(
        ...attentionItem(
          'monitoring.expenditure.attention.to_review',
          toReview.length,
          'normal',
          declarationLink.href({ id: toReview[0].id }),
        ),
      );
  }
  if (actorCan(actor, 'expenditure.declare')) {
    const reopened = await trx
      .selectFrom('expenditure_declarations')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('status', '=', 'draft')
      .where('reopen_reason', 'is not', null)
      .orderBy('updated_at')
      .orderBy('id')
      .execute();
    if (reopened[0])
      items.push(
        ...attentionItem(
          'monitoring.expenditure.attention.reopened',
          reopened.length,
          'high',
          declarationLink.href({ id: reopened[0].id }),
        ),
      );
  }
  return items;
};
