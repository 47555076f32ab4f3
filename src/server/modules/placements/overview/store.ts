import { sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import {
  attendanceRate,
  type OutcomeSituation,
  type RateDay,
} from '../../../../common/placements/followup-rules';
import type { OverviewItem, OverviewSort } from '../../../../common/placements/overview-schemas';
import type { Tx } from '../../../platform/db/context';

/** Filters as the database functions take them (validated and normalised by the use case). */
export interface OverviewFilter {
  status: AgreementStatus | null;
  homeOrgId: string | null;
  hostOrgId: string | null;
  from: string | null;
  to: string | null;
  code: string | null;
}

export interface OverviewOrder {
  sort: OverviewSort;
  desc: boolean;
  language: Language;
}

export async function findProgramme(trx: Tx, id: string) {
  return trx
    .selectFrom('programmes')
    .select(['id', 'org_id', 'acronym', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}

interface Row {
  id: string;
  participant_code: string;
  home_org_id: string;
  home_name_fr: string;
  home_name_nl: string;
  host_org_id: string;
  host_name_fr: string;
  host_name_nl: string;
  site_name: string;
  municipality_code: string;
  municipality_name_fr: string | null;
  municipality_name_nl: string | null;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  status: AgreementStatus;
  version: number;
  /** The recorded days, identical ones grouped with their count (migration 0010). */
  attendance: RateDay[] | string | null;
  mid_term_done: boolean;
  final_done: boolean;
  exit_situation: OutcomeSituation | null;
  six_month_situation: OutcomeSituation | null;
}

const toItem = (r: Row): OverviewItem => ({
  id: r.id,
  participantCode: r.participant_code,
  homeOrg: { id: r.home_org_id, nameFr: r.home_name_fr, nameNl: r.home_name_nl },
  hostOrg: { id: r.host_org_id, nameFr: r.host_name_fr, nameNl: r.host_name_nl },
  siteName: r.site_name,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.municipality_name_fr,
  municipalityNameNl: r.municipality_name_nl,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  endedOn: r.ended_on,
  status: r.status,
  version: r.version,
  // The one rate of the follow-up, from the same days (numbers as JSON numbers, whatever the engine).
  attendanceRate: attendanceRate(
    (typeof r.attendance === 'string' ? (JSON.parse(r.attendance) as RateDay[]) : (r.attendance ?? [])).map(
      (d) => ({
        status: d.status,
        plannedHours: Number(d.plannedHours),
        hours: d.hours === null ? null : Number(d.hours),
        count: Number(d.count ?? 1),
      }),
    ),
  ).rate,
  midTermDone: r.mid_term_done,
  finalDone: r.final_done,
  exitSituation: r.exit_situation,
  sixMonthSituation: r.six_month_situation,
});

/**
 * The programme's placements through app.programme_placements (migration 0006), which checks that the
 * context acts for the programme's lead organisation: RLS would otherwise hide the partners' placements.
 * limit null: every row (exports).
 */
export async function listProgrammePlacements(
  trx: Tx,
  programmeId: string,
  f: OverviewFilter,
  o: OverviewOrder,
  limit: number | null,
  offset: number,
): Promise<OverviewItem[]> {
  const r = await sql<Row>`select * from app.programme_placements(${programmeId}::uuid, ${f.status}::text,
    ${f.homeOrgId}::uuid, ${f.hostOrgId}::uuid, ${f.from}::date, ${f.to}::date, ${f.code}::text,
    ${o.sort}::text, ${o.desc}::boolean, ${o.language}::text, ${limit}::integer, ${offset}::integer)`.execute(
    trx,
  );
  return r.rows.map(toItem);
}

/** Placements per status under every filter but the status. */
export async function countProgrammePlacements(
  trx: Tx,
  programmeId: string,
  f: OverviewFilter,
): Promise<Record<string, number>> {
  const r = await sql<{ status: string; n: number }>`select status, n from app.programme_placement_counts(
    ${programmeId}::uuid, ${f.homeOrgId}::uuid, ${f.hostOrgId}::uuid, ${f.from}::date, ${f.to}::date,
    ${f.code}::text)`.execute(trx);
  return Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
}
