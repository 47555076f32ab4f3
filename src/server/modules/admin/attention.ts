import { sql } from 'kysely';
import type { AttentionItem } from '../../../common/dashboard/attention';
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
  if (me && !me.totp_enabled) out.push(...item('attention.mfa_recommended', 1, 'low', '/app/account'));
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
    out.push(...item('attention.org_profile_incomplete', missing, 'normal', `/app/organisations/${org.id}`));
    if (org.mfa_required) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from memberships m join users u on u.id = m.user_id
        where m.org_id = ${actor.orgId} and m.active and not u.totp_enabled`.execute(trx);
      out.push(...item('attention.members_without_mfa', r.rows[0]?.n ?? 0, 'high', '/app/admin/members'));
    }
  }
  const locked = await sql<{
    n: number;
  }>`select count(*)::int as n from memberships m join users u on u.id = m.user_id
    where m.org_id = ${actor.orgId} and u.locked_until > now()`.execute(trx);
  out.push(...item('attention.locked_accounts', locked.rows[0]?.n ?? 0, 'high', '/app/admin/members'));
  const kept = await sql<{ n: number }>`select count(*)::int as n from mail_outbox
    where org_id = ${actor.orgId} and status in ('kept', 'failed') and created_at > now() - interval '7 days'`.execute(
    trx,
  );
  out.push(...item('attention.mail_in_outbox', kept.rows[0]?.n ?? 0, 'normal', '/app/admin/outbox'));
  return out;
};
