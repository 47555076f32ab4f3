import { type Selectable, sql } from 'kysely';
import { DEFAULT_YEARLY_RULE, type YearlyRule } from '../../../../common/immersions/request-rules';
import type { LogbookInput, ReportInput } from '../../../../common/immersions/request-schemas';
import type { Tx } from '../../../platform/db/context';
import type { ImmersionRequestsTable } from './tables';

/**
 * SQL of immersion requests. Every read runs under RLS (the visitor's organisation sees its requests, the
 * host those sent to it); what one party needs of the other (names, counts) comes from the definer
 * functions of migration 0027. The offers and periods (migration 0026) are read here directly, as plain
 * rows: a published offer is readable by every signed-in organisation.
 */

export type RequestRow = Selectable<ImmersionRequestsTable>;

export interface OfferRow {
  id: string;
  org_id: string;
  status: string;
  themes: string[];
  kinds: string[];
  capacity_per_period: number;
  programme_id: string | null;
  title_fr: string | null;
  title_nl: string | null;
  unit_name_fr: string | null;
  unit_name_nl: string | null;
}

export async function findOffer(trx: Tx, id: string): Promise<OfferRow | undefined> {
  const r = await sql<OfferRow>`select o.id, o.org_id, o.status, o.themes, o.kinds, o.capacity_per_period,
      o.programme_id, o.title_fr, o.title_nl, u.name_fr as unit_name_fr, u.name_nl as unit_name_nl
    from immersion_offers o left join org_units u on u.id = o.unit_id
    where o.id = ${id}::uuid`.execute(trx);
  return r.rows[0];
}

export async function findPeriod(trx: Tx, id: string, offerId: string) {
  const r = await sql<{ id: string; starts_on: string; ends_on: string; capacity: number | null }>`
    select id, starts_on, ends_on, capacity from immersion_offer_periods
    where id = ${id}::uuid and offer_id = ${offerId}::uuid`.execute(trx);
  return r.rows[0];
}

export const findProgramme = (trx: Tx, id: string) =>
  trx
    .selectFrom('programmes')
    .select(['id', 'org_id', 'acronym', 'starts_on', 'ends_on'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Whether the organisation leads the programme or is one of its partners. */
export async function isProgrammeMember(trx: Tx, programmeId: string, orgId: string) {
  const r = await sql<{ ok: boolean }>`select exists (select 1 from programmes where id = ${programmeId}::uuid
      and org_id = ${orgId}::uuid)
    or exists (select 1 from programme_partners where programme_id = ${programmeId}::uuid
      and partner_org_id = ${orgId}::uuid) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

/** The programmes both organisations lead or take part in, open over the whole of the dates. */
export async function sharedOpenProgrammes(
  trx: Tx,
  orgA: string,
  orgB: string,
  startsOn: string,
  endsOn: string,
): Promise<string[]> {
  const r = await sql<{ id: string }>`select p.id from programmes p
    where p.starts_on <= ${startsOn}::date and p.ends_on >= ${endsOn}::date
      and (p.org_id = ${orgA}::uuid or exists (select 1 from programme_partners pp
        where pp.programme_id = p.id and pp.partner_org_id = ${orgA}::uuid))
      and (p.org_id = ${orgB}::uuid or exists (select 1 from programme_partners pp
        where pp.programme_id = p.id and pp.partner_org_id = ${orgB}::uuid))
    order by p.starts_on, p.id`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** The programme's yearly rule for short immersions, the defaults (2 and 5) when it set none. */
export async function yearlyRule(
  trx: Tx,
  programmeId: string | null,
): Promise<YearlyRule & { custom: boolean }> {
  if (!programmeId) return { ...DEFAULT_YEARLY_RULE, custom: false };
  const r = await trx
    .selectFrom('immersion_rules')
    .select(['short_min_days', 'short_max_days'])
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return r
    ? { minDays: r.short_min_days, maxDays: r.short_max_days, custom: true }
    : { ...DEFAULT_YEARLY_RULE, custom: false };
}

export async function saveYearlyRule(trx: Tx, programmeId: string, orgId: string, rule: YearlyRule) {
  await trx
    .insertInto('immersion_rules')
    .values({
      programme_id: programmeId,
      org_id: orgId,
      short_min_days: rule.minDays,
      short_max_days: rule.maxDays,
    })
    .onConflict((oc) =>
      oc.column('programme_id').doUpdateSet({
        short_min_days: rule.minDays,
        short_max_days: rule.maxDays,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** Whether the user is an active member of the organisation (the visitor a manager proposes). */
export async function isActiveMember(trx: Tx, orgId: string, userId: string) {
  const r = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .where('accepted_at', 'is not', null)
    .executeTakeFirst();
  return !!r;
}

export const colleagues = (trx: Tx, orgId: string) =>
  trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.display_name as name'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();

/** Visitors already agreed on the offer over these dates (the request itself excepted). */
export async function taken(trx: Tx, offerId: string, from: string, to: string, except: string | null) {
  const r = await sql<{ n: number }>`select app.immersion_offer_taken(${offerId}::uuid, ${from}::date,
    ${to}::date, ${except}::uuid) as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** Days of the professional's other short immersions on the theme that year, for a party of the request. */
export async function otherYearDays(trx: Tx, requestId: string) {
  const r = await sql<{ n: number }>`select app.immersion_year_days(${requestId}::uuid) as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** The same before the request exists: for a professional of the caller's organisation. */
export async function yearDaysFor(trx: Tx, userId: string, theme: string, year: number) {
  const r = await sql<{ n: number }>`select app.immersion_year_days_for(${userId}::uuid, ${theme},
    ${year}::integer) as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** Locks the offer while the host approves, so two approvals cannot both take the last place. */
export async function lockOffer(trx: Tx, offerId: string) {
  await sql`select id from immersion_offers where id = ${offerId}::uuid for update`.execute(trx);
}

export type RequestValues = Omit<
  ImmersionRequestsTable,
  | 'id'
  | 'status'
  | 'status_reason'
  | 'sent_to_host_at'
  | 'manager_decided_by'
  | 'manager_decided_at'
  | 'host_decided_by'
  | 'host_decided_at'
  | 'confidentiality_accepted_at'
  | 'report_due_reminded_on'
  | 'report_reminded_on'
  | 'takeup_reminded_on'
  | 'agreement_version'
  | 'created_at'
  | 'updated_at'
> & { status: 'draft' | 'awaiting_manager' };

export async function insertRequest(trx: Tx, v: RequestValues) {
  return trx.insertInto('immersion_requests').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateDraft(trx: Tx, id: string, v: Partial<RequestValues>) {
  await trx
    .updateTable('immersion_requests')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export const findRequest = (trx: Tx, id: string) =>
  trx.selectFrom('immersion_requests').selectAll().where('id', '=', id).executeTakeFirst();

export async function setStatus(
  trx: Tx,
  id: string,
  from: string,
  set: Partial<Record<keyof ImmersionRequestsTable, unknown>> & { status: string },
) {
  const r = await trx
    .updateTable('immersion_requests')
    // biome-ignore lint/suspicious/noExplicitAny: columns named by the use case, checked by the table type keys
    .set({ ...(set as any), updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function acceptConfidentiality(trx: Tx, id: string) {
  await trx
    .updateTable('immersion_requests')
    .set({ confidentiality_accepted_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('confidentiality_accepted_at', 'is', null)
    .execute();
}

export interface ListedRow extends RequestRow {
  visitor_name: string | null;
  visitor_org_fr: string;
  visitor_org_nl: string;
  visitor_org_short: string | null;
  host_org_fr: string;
  host_org_nl: string;
  host_org_short: string | null;
  offer_title_fr: string | null;
  offer_title_nl: string | null;
  report_submitted_at: Date | string | null;
  /** The agreement's current version is signed by all three (migration 0032). */
  fully_signed: boolean;
}

/** Requests the caller's organisation sees (its own, and those sent to it), with names, newest first. */
export async function listRequests(
  trx: Tx,
  filter: { id?: string; orgId?: string; hostOrgId?: string; status?: string[]; visitor?: string },
) {
  const r = await sql<ListedRow>`select r.*,
      (select p.display_name from app.immersion_request_people(r.id) p where p.role = 'visitor') as visitor_name,
      vo.name_fr as visitor_org_fr, vo.name_nl as visitor_org_nl, vo.short_name as visitor_org_short,
      ho.name_fr as host_org_fr, ho.name_nl as host_org_nl, ho.short_name as host_org_short,
      o.title_fr as offer_title_fr, o.title_nl as offer_title_nl, rep.submitted_at as report_submitted_at,
      r.status = 'agreed' and app.immersion_fully_signed(r.id, r.agreement_version) as fully_signed
    from immersion_requests r
    join organisations vo on vo.id = r.org_id
    join organisations ho on ho.id = r.host_org_id
    left join immersion_offers o on o.id = r.offer_id
    left join immersion_reports rep on rep.request_id = r.id
    where true
      ${filter.id ? sql`and r.id = ${filter.id}::uuid` : sql``}
      ${filter.orgId ? sql`and r.org_id = ${filter.orgId}::uuid` : sql``}
      ${filter.hostOrgId ? sql`and r.host_org_id = ${filter.hostOrgId}::uuid` : sql``}
      ${filter.visitor ? sql`and r.visitor_user_id = ${filter.visitor}::uuid` : sql``}
      ${filter.status ? sql`and r.status = any (${filter.status}::text[])` : sql``}
    order by r.starts_on desc, r.id
    limit 500`.execute(trx);
  return r.rows;
}

export async function people(trx: Tx, id: string) {
  const r = await sql<{ role: string; display_name: string }>`select role, display_name
    from app.immersion_request_people(${id}::uuid)`.execute(trx);
  return new Map(r.rows.map((x) => [x.role, x.display_name]));
}

export const programmeAcronym = async (trx: Tx, id: string) =>
  (await trx.selectFrom('programmes').select('acronym').where('id', '=', id).executeTakeFirst())?.acronym ??
  '';

// ---------------------------------------------------------------- observer consents, logbook, report
export const listConsents = (trx: Tx, requestId: string) =>
  trx
    .selectFrom('immersion_observer_consents')
    .select(['id', 'held_on', 'activity', 'created_at'])
    .where('request_id', '=', requestId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();

export const insertConsent = (
  trx: Tx,
  r: RequestRow,
  v: { heldOn: string; activity: string; userId: string },
) =>
  trx
    .insertInto('immersion_observer_consents')
    .values({
      request_id: r.id,
      org_id: r.host_org_id,
      visitor_org_id: r.org_id,
      held_on: v.heldOn,
      activity: v.activity.trim(),
      recorded_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** The logbook as the caller sees it: every entry in the visitor's organisation, the shared ones at the host. */
export const listLogbook = (trx: Tx, requestId: string) =>
  trx
    .selectFrom('immersion_logbook_entries')
    .select(['id', 'entry_on', 'body', 'shared_with_host'])
    .where('request_id', '=', requestId)
    .orderBy('entry_on')
    .orderBy('created_at')
    .execute();

export const insertLogbook = (trx: Tx, r: RequestRow, v: LogbookInput, userId: string) =>
  trx
    .insertInto('immersion_logbook_entries')
    .values({
      request_id: r.id,
      org_id: r.org_id,
      host_org_id: r.host_org_id,
      entry_on: v.entryOn,
      body: v.body.trim(),
      shared_with_host: v.sharedWithHost,
      written_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export async function updateLogbook(trx: Tx, requestId: string, entryId: string, v: LogbookInput) {
  const r = await trx
    .updateTable('immersion_logbook_entries')
    .set({
      entry_on: v.entryOn,
      body: v.body.trim(),
      shared_with_host: v.sharedWithHost,
      updated_at: sql`now()`,
    })
    .where('id', '=', entryId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findReport = (trx: Tx, requestId: string) =>
  trx.selectFrom('immersion_reports').selectAll().where('request_id', '=', requestId).executeTakeFirst();

export async function saveReport(trx: Tx, r: RequestRow, v: ReportInput, userId: string) {
  const values = {
    surprised: v.surprised.trim(),
    works_differently: v.worksDifferently.trim(),
    to_transfer: v.toTransfer.trim(),
    written_by: userId,
    submitted_at: v.submit ? sql<Date>`now()` : null,
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto('immersion_reports')
    .values({ request_id: r.id, org_id: r.org_id, host_org_id: r.host_org_id, ...values })
    .onConflict((oc) => oc.column('request_id').doUpdateSet(values))
    .execute();
}

// ---------------------------------------------------------------- the partners' year
export async function partnerYear(trx: Tx, programmeId: string, year: number) {
  const r = await sql<{
    org_id: string;
    sent: number;
    received: number;
    name_fr: string;
    name_nl: string;
    short_name: string | null;
  }>`select y.org_id, y.sent, y.received, o.name_fr, o.name_nl, o.short_name
    from app.immersion_partner_year(${programmeId}::uuid, ${year}::integer) y
    join organisations o on o.id = y.org_id
    order by coalesce(o.short_name, o.name_fr), y.org_id`.execute(trx);
  return r.rows;
}
