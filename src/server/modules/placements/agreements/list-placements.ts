import { type RawBuilder, sql } from 'kysely';
import { pageOf } from '../../../../common/kernel/schemas';
import { SIGNATURE_ROLES, type SignatureRole } from '../../../../common/placements/agreement-rules';
import type {
  PlacementItem,
  PlacementPage,
  PlacementQuery,
} from '../../../../common/placements/agreement-schemas';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import { nextTasks, type SignatureState } from '../../../../common/placements/next-step';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import { personNames } from '../followup/store';
import { isTutorOnly } from './access';
import * as store from './store';
import { taskView } from './view';

interface ListRow {
  id: string;
  org_id: string;
  host_org_id: string;
  status: string;
  person_id: string;
  site_name: string;
  starts_on: string;
  ends_on: string;
  first_name: string | null;
  last_name: string | null;
  home_fr: string;
  home_nl: string;
  host_fr: string;
  host_nl: string;
  signed: number;
  total: number;
}

/**
 * The organisation's agreements, as home centre or as host (RLS shows no other), newest first. The home
 * side reads the person's name from its own record; the host sees it only through the agreement's grant
 * (identity granted), otherwise the participant code. The page is
 * one audited read per home organisation naming the persons shown, never one per row. A tutor without a
 * wider role sees only their tutees.
 */
export async function listPlacements(trx: Tx, actor: Actor, q: PlacementQuery): Promise<PlacementPage> {
  requirePermission(actor, 'placement.view');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const { page, pageSize, offset } = pageOf(q, 20);
  const where: RawBuilder<unknown>[] = [sql`(p.org_id = ${orgId} or p.host_org_id = ${orgId})`];
  if (q.side === 'home') where.push(sql`p.org_id = ${orgId}`);
  if (q.side === 'host') where.push(sql`p.host_org_id = ${orgId}`);
  if (q.status) where.push(sql`p.status = ${q.status}`);
  if (q.personId) where.push(sql`p.person_id = ${q.personId}`);
  if (q.mine)
    where.push(sql`((p.org_id = ${orgId} and p.referent_user_id = ${actor.userId})
      or (p.host_org_id = ${orgId} and p.tutor_user_id = ${actor.userId}))`);
  if (isTutorOnly(actor)) where.push(sql`p.tutor_user_id = ${actor.userId}`);

  const r = await sql<ListRow>`
    select p.id, p.org_id, p.host_org_id, p.status, p.person_id, p.site_name, p.starts_on, p.ends_on,
      pe.first_name, pe.last_name, ho.name_fr as home_fr, ho.name_nl as home_nl,
      hh.name_fr as host_fr, hh.name_nl as host_nl,
      (select count(distinct s.role)::int from placement_signatures s
        where s.placement_id = p.id and s.version = p.version and s.signed_at is not null) as signed,
      count(*) over ()::int as total
    from placements p
      join organisations ho on ho.id = p.org_id
      join organisations hh on hh.id = p.host_org_id
      left join persons pe on pe.id = p.person_id and p.org_id = ${orgId}
    where ${sql.join(where, sql` and `)}
    order by p.created_at desc, p.id
    limit ${pageSize} offset ${offset}`.execute(trx);

  const names = await store.parties(
    trx,
    r.rows.map((x) => x.id),
  );
  // The current round's signatures of the page's agreements, for whose turn it is (no signer names in a
  // list). Back in draft, the round was superseded: nothing to collect.
  const ids = r.rows.map((x) => x.id);
  const sigRows = ids.length
    ? (
        await sql<{ placement_id: string; role: SignatureRole; signed: boolean; pending: boolean }>`
          select s.placement_id, s.role, s.signed_at is not null as signed,
            (s.signed_at is null and s.token_hash is not null and s.token_expires_at > now()) as pending
          from placement_signatures s join placements p on p.id = s.placement_id and s.version = p.version
          where s.placement_id in (${sql.join(ids)}) and p.status <> 'draft'`.execute(trx)
      ).rows
    : [];
  const sigsOf = (id: string): SignatureState[] =>
    sigRows
      .filter((s) => s.placement_id === id)
      .map((s) => ({ role: s.role, signed: Boolean(s.signed), linkPending: Boolean(s.pending) }));
  const hostNames = await personNames(
    trx,
    r.rows.filter((x) => x.org_id !== orgId).map((x) => x.id),
  );
  const items: PlacementItem[] = r.rows.map((x) => {
    const side = x.org_id === orgId ? 'home' : 'host';
    const party = names.get(x.id);
    const status = x.status as AgreementStatus;
    return {
      id: x.id,
      side,
      status,
      personId: x.person_id,
      // The host sees the name while the agreement's grant carries the identity group (issue 9 #13).
      personName:
        side === 'home' && x.first_name ? `${x.first_name} ${x.last_name}` : (hostNames.get(x.id) ?? null),
      participantCode: party?.code ?? null,
      homeOrg: { id: x.org_id, nameFr: x.home_fr, nameNl: x.home_nl },
      hostOrg: { id: x.host_org_id, nameFr: x.host_fr, nameNl: x.host_nl },
      siteName: x.site_name,
      startsOn: x.starts_on,
      endsOn: x.ends_on,
      tutorName: party?.tutorName ?? null,
      referentName: party?.referentName ?? null,
      pendingSignatures: status === 'awaiting_signatures' ? SIGNATURE_ROLES.length - Number(x.signed) : 0,
      nextStep: nextTasks(status, sigsOf(x.id)).map((t) => taskView(t, { side, roles: actor.roles })),
    };
  });
  await auditPersonRead(trx, { personIds: items.map((i) => i.personId), what: 'placements' });
  let total = Number(r.rows[0]?.total ?? 0);
  if (!r.rows.length && page > 1) {
    const c = await sql<{ n: number }>`select count(*)::int as n from placements p
      where ${sql.join(where, sql` and `)}`.execute(trx);
    total = Number(c.rows[0]?.n ?? 0);
  }
  return { items, total, page, pageSize };
}

/** Who may tutor at a host (tutors and coordinators), for the agreement wizard: ids and names only. */
export async function listHostTutors(trx: Tx, actor: Actor, hostOrgId: string) {
  requirePermission(actor, 'placement.view');
  if (!(await store.findOrganisation(trx, hostOrgId)))
    throw notFound('placements.agreements.errors.host_unknown');
  const rows = await store.hostTutors(trx, hostOrgId);
  return { items: rows.map((u) => ({ id: u.user_id, displayName: u.display_name })) };
}
