import { sql } from 'kysely';
import type { DeclaredItem } from '../../../../common/monitoring/expenditure-absorption';
import type { ReviewStatus } from '../../../../common/monitoring/expenditure-schemas';
import type { Tx } from '../../../platform/db/context';

/**
 * The reports' tables, in the actor's transaction: RLS shows the lead every row and a partner the headers
 * and submitted versions; the guard triggers of migration 0025 keep a submitted version as it was.
 */

export async function findReport(trx: Tx, id: string) {
  return trx.selectFrom('progress_reports').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function listReports(trx: Tx, programmeId: string) {
  return trx
    .selectFrom('progress_reports')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on', 'desc')
    .execute();
}

/** The versions the caller may read, newest first. */
export async function listVersions(trx: Tx, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return trx
    .selectFrom('progress_report_versions as v')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as r', 'r.id', 'v.reopened_by')
    .select([
      'v.id',
      'v.report_id',
      'v.number',
      'v.status',
      'v.figures_taken_at',
      'v.submitted_at',
      'v.reopened_at',
      'v.reopen_reason',
      's.display_name as submitted_by_name',
      'r.display_name as reopened_by_name',
    ])
    .where('v.report_id', 'in', reportIds)
    .orderBy('v.number', 'desc')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** A version's content; `exact` only for the lead (RLS hides the unsuppressed figures from the others). */
export async function versionContent(trx: Tx, reportId: string, number: number) {
  return trx
    .selectFrom('progress_report_versions as v')
    .leftJoin('progress_report_exact_figures as x', 'x.version_id', 'v.id')
    .select(['v.id', 'v.figures', 'v.figures_taken_at', 'v.narratives', 'v.status', 'x.figures as exact'])
    .where('v.report_id', '=', reportId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export async function insertReport(
  trx: Tx,
  v: {
    programmeId: string;
    leadOrgId: string;
    period: string;
    startsOn: string;
    endsOn: string;
    dueOn: string;
    userId: string | null;
  },
) {
  return trx
    .insertInto('progress_reports')
    .values({
      programme_id: v.programmeId,
      lead_org_id: v.leadOrgId,
      period: v.period,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      due_on: v.dueOn,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertVersion(
  trx: Tx,
  r: ReportRow,
  v: {
    number: number;
    figures: unknown;
    /** The unsuppressed figures, kept for the lead beside the published ones. */
    exact: unknown;
    narratives: unknown;
    userId: string | null;
    /** When the figures were taken, if earlier than now (a re-opened version's copy). */
    takenAt?: Date | string;
  },
) {
  await trx
    .insertInto('progress_report_versions')
    .values({
      report_id: r.id,
      programme_id: r.programme_id,
      lead_org_id: r.lead_org_id,
      number: v.number,
      figures: JSON.stringify(v.figures),
      narratives: JSON.stringify(v.narratives),
      ...(v.takenAt ? { figures_taken_at: v.takenAt } : {}),
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then(({ id }) =>
      trx
        .insertInto('progress_report_exact_figures')
        .values({ version_id: id, lead_org_id: r.lead_org_id, figures: JSON.stringify(v.exact) })
        .execute(),
    );
}

export async function updateDraft(
  trx: Tx,
  reportId: string,
  number: number,
  v: { figures?: unknown; exact?: unknown; narratives?: unknown },
) {
  if (v.exact !== undefined)
    await trx
      .updateTable('progress_report_exact_figures')
      .set({ figures: JSON.stringify(v.exact) })
      .where(
        'version_id',
        '=',
        trx
          .selectFrom('progress_report_versions')
          .select('id')
          .where('report_id', '=', reportId)
          .where('number', '=', number),
      )
      .execute();
  await trx
    .updateTable('progress_report_versions')
    .set({
      ...(v.figures === undefined
        ? {}
        : { figures: JSON.stringify(v.figures), figures_taken_at: sql<Date>`now()` }),
      ...(v.narratives === undefined ? {} : { narratives: JSON.stringify(v.narratives) }),
    })
    .where('report_id', '=', reportId)
    .where('number', '=', number)
    .where('status', '=', 'draft')
    .execute();
}

export async function updateDates(
  trx: Tx,
  id: string,
  v: { startsOn: string; endsOn: string; dueOn: string },
) {
  await trx
    .updateTable('progress_reports')
    .set({ starts_on: v.startsOn, ends_on: v.endsOn, due_on: v.dueOn })
    .where('id', '=', id)
    .execute();
}

export async function markSubmitted(trx: Tx, r: ReportRow, userId: string | null) {
  await trx
    .updateTable('progress_report_versions')
    .set({ status: 'submitted', submitted_at: sql<string>`now()`, submitted_by: userId })
    .where('report_id', '=', r.id)
    .where('number', '=', r.version)
    .where('status', '=', 'draft')
    .execute();
  await trx.updateTable('progress_reports').set({ status: 'submitted' }).where('id', '=', r.id).execute();
}

export async function markReopened(trx: Tx, r: ReportRow, userId: string | null, reason: string) {
  await trx
    .updateTable('progress_report_versions')
    .set({
      status: 'reopened',
      reopened_at: sql<string>`now()`,
      reopened_by: userId,
      reopen_reason: reason,
    })
    .where('report_id', '=', r.id)
    .where('number', '=', r.version)
    .where('status', '=', 'submitted')
    .execute();
  await trx
    .updateTable('progress_reports')
    .set({ status: 'draft', version: r.version + 1 })
    .where('id', '=', r.id)
    .execute();
}

const declared = (rows: ReadonlyArray<Record<string, unknown>>): DeclaredItem[] =>
  rows.map((x) => ({
    partnerOrgId: String(x.partner_org_id),
    category: String(x.category),
    actionId: (x.action_id as string | null) ?? null,
    amountCents: BigInt(x.amount_cents as string),
    review: x.review_status as ReviewStatus,
    correctedCents: BigInt(x.corrected_cents as string),
  }));

/** The submitted expenditure of one period, summed per partner, category, action and review. */
export async function periodTotals(trx: Tx, programmeId: string, period: string) {
  const r = await sql<Record<string, unknown>>`
    select * from app.expenditure_period_totals(${programmeId}::uuid, ${period})`.execute(trx);
  return declared(r.rows);
}

/** The partners that submitted a declaration for the period. */
export async function declarants(trx: Tx, programmeId: string, period: string): Promise<string[]> {
  const r = await sql<{ partner_org_id: string }>`
    select partner_org_id from app.expenditure_period_declarants(${programmeId}::uuid, ${period})`.execute(
    trx,
  );
  return r.rows.map((x) => x.partner_org_id);
}

/** The programme's actions with their English titles (the English report falls back to French). */
export async function reportActions(trx: Tx, programmeId: string) {
  const r = await sql<{
    id: string;
    code: string;
    title_fr: string;
    title_nl: string;
    title_en: string | null;
  }>`
    select id, code, title_fr, title_nl, title_en from programme_actions
    where programme_id = ${programmeId}::uuid order by position`.execute(trx);
  return r.rows.map((a) => ({
    id: a.id,
    code: a.code,
    titleFr: a.title_fr,
    titleNl: a.title_nl,
    titleEn: a.title_en ?? a.title_fr,
  }));
}
