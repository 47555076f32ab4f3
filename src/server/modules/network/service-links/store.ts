import { sql } from 'kysely';
import type { LinkStatus, LinkView, UseRow } from '../../../../common/network/service-links-schemas';
import type { Tx } from '../../../platform/db/context';
import './tables';

/** SQL of the cross-border services network. Runs under RLS (migration 0046). */

interface LinkRow {
  id: string;
  status: LinkStatus;
  since: string;
  until: string | null;
  note: string | null;
  proposed_by_org_id: string;
  service_id: string;
  partner_service_id: string;
  org_id: string;
  partner_org_id: string;
  service_accepts: string[];
  partner_accepts: string[];
  a_title_fr: string | null;
  a_title_nl: string | null;
  a_org_fr: string;
  a_org_nl: string;
  a_country: string;
  b_title_fr: string | null;
  b_title_nl: string | null;
  b_org_fr: string;
  b_org_nl: string;
  b_country: string;
}

export type StoredLink = LinkRow;

// A partner's service may be unpublished since: the link stays, its title is then not shown.
const LINK_SELECT = sql`select l.id, l.status, to_char(l.since, 'YYYY-MM-DD') as since,
    to_char(l.until, 'YYYY-MM-DD') as until, l.note, l.proposed_by_org_id, l.service_id, l.partner_service_id,
    l.org_id, l.partner_org_id, l.service_accepts, l.partner_accepts,
    sa.title_fr as a_title_fr, sa.title_nl as a_title_nl, oa.name_fr as a_org_fr, oa.name_nl as a_org_nl,
    oa.country as a_country,
    sb.title_fr as b_title_fr, sb.title_nl as b_title_nl, ob.name_fr as b_org_fr, ob.name_nl as b_org_nl,
    ob.country as b_country
  from service_links l
    join organisations oa on oa.id = l.org_id
    join organisations ob on ob.id = l.partner_org_id
    left join services sa on sa.id = l.service_id
    left join services sb on sb.id = l.partner_service_id`;

const ORDER = sql`order by case l.status when 'proposed' then 0 when 'active' then 1 else 2 end, l.since desc, l.id`;

export async function linksOfService(trx: Tx, serviceId: string): Promise<LinkRow[]> {
  return (
    await sql<LinkRow>`${LINK_SELECT}
      where l.service_id = ${serviceId} or l.partner_service_id = ${serviceId} ${ORDER}`.execute(trx)
  ).rows;
}

export async function activeLinks(trx: Tx): Promise<LinkRow[]> {
  return (
    await sql<LinkRow>`${LINK_SELECT} where l.status = 'active'
      order by coalesce(sa.title_fr, sa.title_nl), l.since, l.id`.execute(trx)
  ).rows;
}

export async function findLink(trx: Tx, id: string): Promise<LinkRow | undefined> {
  return (await sql<LinkRow>`${LINK_SELECT} where l.id = ${id}`.execute(trx)).rows[0];
}

export async function openLinkBetween(trx: Tx, a: string, b: string): Promise<boolean> {
  const r = await trx
    .selectFrom('service_links')
    .select('id')
    .where('status', '<>', 'ended')
    .where((eb) =>
      eb.or([
        eb.and([eb('service_id', '=', a), eb('partner_service_id', '=', b)]),
        eb.and([eb('service_id', '=', b), eb('partner_service_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return Boolean(r);
}

/** The organisation and country of a service, a partner's draft included (migration 0046). */
export async function serviceSide(
  trx: Tx,
  serviceId: string,
): Promise<{ orgId: string; country: string } | undefined> {
  const r = await sql<{ org_id: string | null; country: string | null }>`
    select org_id, country from app.service_org_country(${serviceId}::uuid)`.execute(trx);
  const row = r.rows[0];
  return row?.org_id && row.country ? { orgId: row.org_id, country: row.country } : undefined;
}

export async function insertLink(
  trx: Tx,
  v: {
    serviceId: string;
    partnerServiceId: string;
    proposedByOrgId: string;
    since: string;
    until: string | null;
    accepts: string[];
    note: string | null;
    userId: string;
  },
): Promise<string> {
  const r = await trx
    .insertInto('service_links')
    .values({
      service_id: v.serviceId,
      partner_service_id: v.partnerServiceId,
      proposed_by_org_id: v.proposedByOrgId,
      since: v.since,
      until: v.until,
      service_accepts: v.accepts,
      note: v.note,
      proposed_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Whether it was still a proposal (and is now active). */
export async function acceptLink(
  trx: Tx,
  id: string,
  side: 'service' | 'partner',
  accepts: string[],
): Promise<boolean> {
  const r = await trx
    .updateTable('service_links')
    .set({
      status: 'active',
      accepted_at: sql<Date>`now()`,
      ...(side === 'service' ? { service_accepts: accepts } : { partner_accepts: accepts }),
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether it was still open (and is now ended). */
export async function endLink(trx: Tx, id: string, until: string): Promise<boolean> {
  const r = await trx
    .updateTable('service_links')
    .set({ status: 'ended', until, ended_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '<>', 'ended')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function usesOfService(trx: Tx, serviceId: string): Promise<UseRow[]> {
  const r = await sql<{ month: string; home_country: string; persons: number; participant_codes: string[] }>`
    select to_char(month, 'YYYY-MM') as month, home_country, persons, participant_codes
    from service_cross_border_use where service_id = ${serviceId}
    order by month desc, home_country`.execute(trx);
  return r.rows.map((x) => ({
    month: x.month,
    homeCountry: x.home_country,
    persons: x.persons,
    participantCodes: x.participant_codes,
  }));
}

/** One month's count, replacing the one recorded before for the same month and country. */
export async function upsertUse(
  trx: Tx,
  v: {
    serviceId: string;
    month: string;
    homeCountry: string;
    persons: number;
    codes: string[];
    userId: string;
  },
): Promise<void> {
  await trx
    .insertInto('service_cross_border_use')
    .values({
      service_id: v.serviceId,
      month: `${v.month}-01`,
      home_country: v.homeCountry,
      persons: v.persons,
      participant_codes: v.codes,
      recorded_by: v.userId,
    })
    .onConflict((oc) =>
      oc.columns(['service_id', 'month', 'home_country']).doUpdateSet({
        persons: v.persons,
        participant_codes: v.codes,
        recorded_by: v.userId,
      }),
    )
    .execute();
}

/** The link as seen from one of its services. */
export function linkView(r: LinkRow, fromServiceId: string, caller: string | null): LinkView {
  const a = {
    serviceId: r.service_id,
    titleFr: r.a_title_fr,
    titleNl: r.a_title_nl,
    orgId: r.org_id,
    orgNameFr: r.a_org_fr,
    orgNameNl: r.a_org_nl,
    country: r.a_country,
    accepts: r.service_accepts,
  };
  const b = {
    serviceId: r.partner_service_id,
    titleFr: r.b_title_fr,
    titleNl: r.b_title_nl,
    orgId: r.partner_org_id,
    orgNameFr: r.b_org_fr,
    orgNameNl: r.b_org_nl,
    country: r.b_country,
    accepts: r.partner_accepts,
  };
  const flip = fromServiceId === r.partner_service_id;
  const party = caller !== null && (caller === r.org_id || caller === r.partner_org_id);
  return {
    id: r.id,
    status: r.status,
    since: r.since,
    until: r.until,
    note: r.note,
    proposedByOrgId: r.proposed_by_org_id,
    self: flip ? b : a,
    partner: flip ? a : b,
    canAccept: party && r.status === 'proposed' && caller !== r.proposed_by_org_id,
    canEnd: party && r.status !== 'ended',
  };
}
