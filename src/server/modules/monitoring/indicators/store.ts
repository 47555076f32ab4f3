import { sql } from 'kysely';
import type { RuleParams } from '../../../../common/monitoring/rules';
import type { IndicatorInput, ManualValueInput } from '../../../../common/monitoring/schemas';
import type { Tx } from '../../../platform/db/context';

/** The indicators' tables, read and written in the actor's transaction (RLS: the lead organisation writes). */

export async function findProgramme(trx: Tx, id: string) {
  return trx
    .selectFrom('programmes')
    .select(['id', 'org_id', 'acronym', 'name_fr', 'name_nl', 'starts_on', 'ends_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;

/** The programme's lead and partners with their names: every one of them gets a part in a breakdown. */
export async function programmeMembers(trx: Tx, programmeId: string, leadOrgId: string) {
  const partners = await trx
    .selectFrom('programme_partners')
    .select('partner_org_id')
    .where('programme_id', '=', programmeId)
    .execute();
  const ids = [...new Set([leadOrgId, ...partners.map((p) => p.partner_org_id)])];
  return ids;
}

export async function organisationNames(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { nameFr: string; nameNl: string }>();
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { nameFr: r.name_fr, nameNl: r.name_nl }]));
}

/** The programme's actions (migration 0016), in their order. */
export async function programmeActions(trx: Tx, programmeId: string) {
  const r = await sql<{ id: string; code: string; title_fr: string; title_nl: string }>`
    select id, code, title_fr, title_nl from programme_actions where programme_id = ${programmeId}::uuid
    order by position`.execute(trx);
  return r.rows.map((a) => ({ id: a.id, code: a.code, titleFr: a.title_fr, titleNl: a.title_nl }));
}

export async function listIndicators(trx: Tx, programmeId: string) {
  return trx
    .selectFrom('programme_indicators')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];

export async function findIndicator(trx: Tx, id: string) {
  return trx.selectFrom('programme_indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function milestonesOf(trx: Tx, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return trx
    .selectFrom('programme_indicator_milestones')
    .select(['indicator_id', 'due_on', 'target'])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('due_on')
    .execute();
}

export async function valuesOf(trx: Tx, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return trx
    .selectFrom('programme_indicator_values')
    .select(['id', 'indicator_id', 'value', 'as_of', 'evidence_url', 'evidence_note', 'author_user_id'])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

const columns = (b: IndicatorInput, params: RuleParams) => ({
  action_id: b.actionId,
  code: b.code,
  eu_code: b.euCode,
  kind: b.kind,
  unit: b.unit,
  label_fr: b.labelFr.trim(),
  label_nl: b.labelNl.trim(),
  label_en: b.labelEn.trim(),
  definition_fr: b.definitionFr?.trim() || null,
  definition_nl: b.definitionNl?.trim() || null,
  definition_en: b.definitionEn?.trim() || null,
  baseline: b.baseline,
  target: b.target,
  rule_code: b.ruleCode,
  rule_params: JSON.stringify(b.ruleCode ? params : {}),
  ...(b.breakdowns ? { breakdowns: [...b.breakdowns] } : {}),
});

export async function insertIndicator(
  trx: Tx,
  programme: { id: string; org_id: string },
  b: IndicatorInput,
  params: RuleParams,
) {
  const position =
    b.position ??
    Number(
      (
        await trx
          .selectFrom('programme_indicators')
          .select((e) => e.fn.max('position').as('m'))
          .where('programme_id', '=', programme.id)
          .executeTakeFirst()
      )?.m ?? 0,
    ) + 1;
  const r = await trx
    .insertInto('programme_indicators')
    .values({ programme_id: programme.id, org_id: programme.org_id, position, ...columns(b, params) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceMilestones(trx, r.id, programme.org_id, b.milestones ?? []);
  return r.id;
}

export async function updateIndicator(
  trx: Tx,
  row: { id: string; org_id: string },
  b: IndicatorInput,
  params: RuleParams,
) {
  const r = await trx
    .updateTable('programme_indicators')
    .set({ ...columns(b, params), ...(b.position ? { position: b.position } : {}), updated_at: sql`now()` })
    .where('id', '=', row.id)
    .executeTakeFirst();
  if (b.milestones) await replaceMilestones(trx, row.id, row.org_id, b.milestones);
  return Number(r.numUpdatedRows);
}

async function replaceMilestones(
  trx: Tx,
  indicatorId: string,
  orgId: string,
  milestones: ReadonlyArray<{ dueOn: string; target: number }>,
) {
  await trx.deleteFrom('programme_indicator_milestones').where('indicator_id', '=', indicatorId).execute();
  if (milestones.length === 0) return;
  await trx
    .insertInto('programme_indicator_milestones')
    .values(
      milestones.map((m) => ({
        indicator_id: indicatorId,
        org_id: orgId,
        due_on: m.dueOn,
        target: m.target,
      })),
    )
    .execute();
}

export async function insertValue(
  trx: Tx,
  row: { id: string; org_id: string },
  v: ManualValueInput,
  authorUserId: string,
) {
  return trx
    .insertInto('programme_indicator_values')
    .values({
      indicator_id: row.id,
      org_id: row.org_id,
      value: v.value,
      as_of: v.asOf,
      evidence_url: v.evidenceUrl?.trim() || null,
      evidence_note: v.evidenceNote?.trim() || null,
      author_user_id: authorUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** One entry per home organisation naming the persons a drill-down showed (migration 0017). */
export async function auditRecordsRead(
  trx: Tx,
  programmeId: string,
  indicatorId: string,
  personIds: string[],
) {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await sql`select audit.indicator_records_read(${programmeId}::uuid, ${ids}::uuid[], ${indicatorId}::uuid)`.execute(
    trx,
  );
}
