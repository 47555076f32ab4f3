import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';

/**
 * SQL of the immersion calendars. The reader's own and their teams' immersions are read under RLS (the
 * visitor's organisation sees its requests, the host those sent to it), the visitor's name through the
 * definer function of migration 0027 that answers a party only; a programme's calendar through the definer
 * function of migration 0031 (counts, no names); feeds under their own-rows policy.
 */

export interface PartyRow {
  id: string;
  org_id: string;
  host_org_id: string;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string;
  updated_at: Date | string;
  visitor_name: string | null;
  visitor_org_fr: string;
  visitor_org_nl: string;
  visitor_org_short: string | null;
  host_org_fr: string;
  host_org_nl: string;
  host_org_short: string | null;
  unit_fr: string | null;
  unit_nl: string | null;
}

/**
 * Immersions overlapping [from, to] in the given statuses: the user's own as visitor (`visitor`), or those
 * their organisation hosts in a team or service the user belongs to (`teamOf`).
 */
export async function partyImmersions(
  trx: Tx,
  f: {
    orgId: string;
    visitor?: string;
    teamOf?: string;
    statuses: readonly string[];
    from: string;
    to: string;
  },
) {
  const who = f.visitor
    ? sql`r.org_id = ${f.orgId}::uuid and r.visitor_user_id = ${f.visitor}::uuid`
    : sql`r.host_org_id = ${f.orgId}::uuid and r.sent_to_host_at is not null
        and o.unit_id in (select m.unit_id from org_unit_members m
          where m.user_id = ${f.teamOf ?? null}::uuid and m.org_id = ${f.orgId}::uuid)`;
  const r = await sql<PartyRow>`select r.id, r.org_id, r.host_org_id, r.kind, r.status, r.starts_on,
      r.ends_on, r.updated_at,
      (select p.display_name from app.immersion_request_people(r.id) p where p.role = 'visitor') as visitor_name,
      vo.name_fr as visitor_org_fr, vo.name_nl as visitor_org_nl, vo.short_name as visitor_org_short,
      ho.name_fr as host_org_fr, ho.name_nl as host_org_nl, ho.short_name as host_org_short,
      u.name_fr as unit_fr, u.name_nl as unit_nl
    from immersion_requests r
    join organisations vo on vo.id = r.org_id
    join organisations ho on ho.id = r.host_org_id
    left join immersion_offers o on o.id = r.offer_id
    left join org_units u on u.id = o.unit_id
    where ${who}
      and r.status = any (${[...f.statuses]}::text[])
      and r.starts_on <= ${f.to}::date and r.ends_on >= ${f.from}::date
    order by r.starts_on, r.id
    limit 1000`.execute(trx);
  return r.rows;
}

export interface ProgrammeRow {
  org_id: string;
  host_org_id: string;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string;
  visitors: number;
  visitor_org_fr: string;
  visitor_org_nl: string;
  visitor_org_short: string | null;
  host_org_fr: string;
  host_org_nl: string;
  host_org_short: string | null;
  unit_fr: string | null;
  unit_nl: string | null;
}

/** A programme's immersions over [from, to], for its lead and partners: organisations and counts. */
export async function programmeImmersions(trx: Tx, programmeId: string, from: string, to: string) {
  const r = await sql<ProgrammeRow>`select c.org_id, c.host_org_id, c.kind, c.status, c.starts_on,
      c.ends_on, c.visitors,
      vo.name_fr as visitor_org_fr, vo.name_nl as visitor_org_nl, vo.short_name as visitor_org_short,
      ho.name_fr as host_org_fr, ho.name_nl as host_org_nl, ho.short_name as host_org_short,
      u.name_fr as unit_fr, u.name_nl as unit_nl
    from app.immersion_programme_calendar(${programmeId}::uuid, ${from}::date, ${to}::date) c
    join organisations vo on vo.id = c.org_id
    join organisations ho on ho.id = c.host_org_id
    left join org_units u on u.id = c.unit_id
    order by c.starts_on, c.ends_on, ho.name_fr, vo.name_fr
    limit 1000`.execute(trx);
  return r.rows;
}

/** The programmes the organisation leads or is a partner of. */
export async function memberProgrammes(trx: Tx, orgId: string) {
  const r = await sql<{ id: string; acronym: string }>`select p.id, p.acronym from programmes p
    where p.org_id = ${orgId}::uuid or exists (select 1 from programme_partners pp
      where pp.programme_id = p.id and pp.partner_org_id = ${orgId}::uuid)
    order by p.acronym, p.id`.execute(trx);
  return r.rows;
}

// ---------------------------------------------------------------- feeds
export const liveFeed = (trx: Tx, userId: string, orgId: string) =>
  trx
    .selectFrom('immersion_calendar_feeds')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/** Revokes the user's live feed in the organisation; whether there was one. */
export async function revokeFeed(trx: Tx, userId: string, orgId: string) {
  const r = await trx
    .updateTable('immersion_calendar_feeds')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const insertFeed = (trx: Tx, v: { userId: string; orgId: string; tokenHash: Buffer }) =>
  trx
    .insertInto('immersion_calendar_feeds')
    .values({ user_id: v.userId, org_id: v.orgId, token_hash: v.tokenHash })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();

/** Who a live token acts for (migration 0031's definer function); undefined for unknown or revoked. */
export async function feedOwner(trx: Tx, tokenHash: Buffer) {
  const r = await sql<{ user_id: string; org_id: string; roles: string[]; locale: string | null }>`
    select user_id, org_id, roles, locale from app.immersion_calendar_feed(${tokenHash})`.execute(trx);
  return r.rows[0];
}
