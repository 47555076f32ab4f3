import { practicesLink } from '../../../../common/practices/links';
import { actorCan } from '../../../platform/actor';
import { type AttentionProvider, attentionItem } from '../../../platform/attention';

/**
 * The home page's practice item: to a `practice.publish` holder, its organisation's draft sheets waiting
 * to be published (linking to the organisation's own sheets). RLS shows drafts to their organisation only.
 * The reminder six months after an immersion (did you take something up?) belongs with the immersion
 * requests and is not here.
 */
export const practiceAttention: AttentionProvider = async (trx, actor) => {
  if (!actor.orgId || !actorCan(actor, 'practice.publish')) return [];
  const r = await trx
    .selectFrom('practice_sheets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', actor.orgId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return attentionItem(
    'practices.sheets.attention.drafts',
    Number(r?.n ?? 0),
    'normal',
    practicesLink.href(undefined, { mine: true }),
  );
};
