import { sql } from 'kysely';
import { accountLink, membersLink, outboxLink } from '../../../common/admin/links';
import type { AttentionItem } from '../../../common/dashboard/attention';
import { organisationLink } from '../../../common/network/links';
import { actorCan } from '../../platform/actor';
import { type AttentionProvider, attentionItem as item } from '../../platform/attention';

/** Account security and organisation housekeeping, for everyone and for organisation admins. */
export const platformAttention: AttentionProvider = async (trx, actor) => {
  const out: AttentionItem[] = [];
  const me = await trx
    .selectFrom('users')
    .select('totp_enabled')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (me && !me.totp_enabled)
    out.push(...item('account.attention.mfa_recommended', 1, 'low', accountLink.href()));
  if (!actor.orgId || !actorCan(actor, 'member.manage')) return out;

  const org = await trx
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  if (org) {
    const missing = [
      org.municipality_code,
      org.email,
      org.phone,
      org.service_languages.length ? 'x' : null,
    ].filter((v) => !v).length;
    out.push(
      ...item(
        'admin.members.attention.org_profile_incomplete',
        missing,
        'normal',
        organisationLink.href({ id: org.id }),
      ),
    );
    if (org.mfa_required) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from memberships m join users u on u.id = m.user_id
        where m.org_id = ${actor.orgId} and m.active and not u.totp_enabled`.execute(trx);
      out.push(...item('admin.members.attention.without_mfa', r.rows[0]?.n ?? 0, 'high', membersLink.href()));
    }
  }
  const locked = await sql<{
    n: number;
  }>`select count(*)::int as n from memberships m join users u on u.id = m.user_id
    where m.org_id = ${actor.orgId} and u.locked_until > now()`.execute(trx);
  out.push(...item('admin.members.attention.locked', locked.rows[0]?.n ?? 0, 'high', membersLink.href()));
  const kept = await sql<{ n: number }>`select count(*)::int as n from mail_outbox
    where org_id = ${actor.orgId} and status in ('kept', 'failed') and created_at > now() - interval '7 days'`.execute(
    trx,
  );
  out.push(...item('admin.outbox.attention.waiting', kept.rows[0]?.n ?? 0, 'normal', outboxLink.href()));
  return out;
};
