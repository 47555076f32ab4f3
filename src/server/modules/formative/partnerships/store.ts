import { sql } from 'kysely';
import type {
  PartnershipEdit,
  ProgressInput,
  ProjectInput,
  ReviewInput,
  ReviewKind,
  SessionInput,
} from '../../../../common/formative/schemas';
import type { Tx } from '../../../platform/db/context';

/**
 * The formative's tables, in the actor's transaction: RLS shows a partnership and its plan to its two
 * parties only; the guards of migration 0029 refuse what the signatures or the sides forbid.
 */

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function findPartnership(trx: Tx, id: string) {
  return trx.selectFrom('formative_partnerships').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PartnershipRow = NonNullable<Awaited<ReturnType<typeof findPartnership>>>;

interface SummaryRow {
  id: string;
  org_id: string;
  partner_org_id: string;
  programme_id: string;
  programme_acronym: string | null;
  programme_name_fr: string;
  programme_name_nl: string;
  lead_name_fr: string;
  lead_name_nl: string;
  lead_short: string | null;
  partner_name_fr: string;
  partner_name_nl: string;
  partner_short: string | null;
  unit_id: string;
  unit_name_fr: string | null;
  unit_name_nl: string | null;
  trainee_name: string | null;
  tutor_name: string | null;
  immersion_starts_on: string;
  immersion_ends_on: string;
  application_starts_on: string;
  application_ends_on: string;
}

/** The partnerships the caller sees (RLS: its organisation is the lead or the partner), or one of them. */
export async function summaries(trx: Tx, id: string | null) {
  const r = await sql<SummaryRow>`
    select p.id, p.org_id, p.partner_org_id, p.programme_id, pr.acronym as programme_acronym,
      pr.name_fr as programme_name_fr, pr.name_nl as programme_name_nl,
      lo.name_fr as lead_name_fr, lo.name_nl as lead_name_nl, lo.short_name as lead_short,
      po.name_fr as partner_name_fr, po.name_nl as partner_name_nl, po.short_name as partner_short,
      u.id as unit_id, u.name_fr as unit_name_fr, u.name_nl as unit_name_nl,
      pp.trainee_name, pp.tutor_name,
      p.immersion_starts_on::text, p.immersion_ends_on::text,
      p.application_starts_on::text, p.application_ends_on::text
    from formative_partnerships p
    join programmes pr on pr.id = p.programme_id
    join organisations lo on lo.id = p.org_id
    join organisations po on po.id = p.partner_org_id
    join org_units u on u.id = p.host_unit_id
    left join lateral app.formative_people(p.id) pp on true
    where ${id === null ? sql`true` : sql`p.id = ${id}::uuid`}
    order by p.immersion_starts_on desc, p.id`.execute(trx);
  return r.rows;
}

export const toSummary = (r: SummaryRow, orgId: string | null) => ({
  id: r.id,
  side: (r.org_id === orgId ? 'lead' : 'partner') as 'lead' | 'partner',
  programme: {
    id: r.programme_id,
    acronym: r.programme_acronym,
    nameFr: r.programme_name_fr,
    nameNl: r.programme_name_nl,
  },
  lead: { id: r.org_id, shortName: r.lead_short, nameFr: r.lead_name_fr, nameNl: r.lead_name_nl },
  partner: {
    id: r.partner_org_id,
    shortName: r.partner_short,
    nameFr: r.partner_name_fr,
    nameNl: r.partner_name_nl,
  },
  unit: { id: r.unit_id, nameFr: r.unit_name_fr, nameNl: r.unit_name_nl },
  traineeName: r.trainee_name ?? '',
  tutorName: r.tutor_name ?? '',
  immersionStartsOn: r.immersion_starts_on,
  immersionEndsOn: r.immersion_ends_on,
  applicationStartsOn: r.application_starts_on,
  applicationEndsOn: r.application_ends_on,
});

/** The population of the organisation's municipality (territories, migration 0002); null if unknown. */
export async function organisationPopulation(trx: Tx, orgId: string): Promise<number | null> {
  const r = await sql<{ population: number | null }>`select t.population from organisations o
    left join territories t on t.code = o.municipality_code where o.id = ${orgId}::uuid`.execute(trx);
  return r.rows[0]?.population ?? null;
}

/** The programmes the organisation leads, with their other partners. */
export async function ledProgrammes(trx: Tx, orgId: string) {
  const r = await sql<{
    id: string;
    acronym: string | null;
    name_fr: string;
    name_nl: string;
    partner_id: string | null;
    partner_fr: string | null;
    partner_nl: string | null;
  }>`select p.id, p.acronym, p.name_fr, p.name_nl, o.id as partner_id, o.name_fr as partner_fr,
      o.name_nl as partner_nl
    from programmes p
    left join programme_partners pp on pp.programme_id = p.id and pp.partner_org_id <> p.org_id
    left join organisations o on o.id = pp.partner_org_id
    where p.org_id = ${orgId}::uuid order by p.starts_on desc, p.id, o.name_fr`.execute(trx);
  const by = new Map<
    string,
    {
      id: string;
      acronym: string | null;
      nameFr: string;
      nameNl: string;
      partners: { id: string; nameFr: string; nameNl: string }[];
    }
  >();
  for (const row of r.rows) {
    const p = by.get(row.id) ?? {
      id: row.id,
      acronym: row.acronym,
      nameFr: row.name_fr,
      nameNl: row.name_nl,
      partners: [],
    };
    if (row.partner_id)
      p.partners.push({ id: row.partner_id, nameFr: row.partner_fr ?? '', nameNl: row.partner_nl ?? '' });
    by.set(row.id, p);
  }
  return [...by.values()];
}

export async function isProgrammePartner(
  trx: Tx,
  programmeId: string,
  leadOrgId: string,
  partnerOrgId: string,
) {
  const r = await sql<{ ok: boolean }>`select exists (select 1 from programmes p
      join programme_partners pp on pp.programme_id = p.id
    where p.id = ${programmeId}::uuid and p.org_id = ${leadOrgId}::uuid
      and pp.partner_org_id = ${partnerOrgId}::uuid) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

export async function orgUnits(trx: Tx, orgId: string) {
  const r = await sql<{
    id: string;
    name_fr: string | null;
    name_nl: string | null;
  }>`select id, name_fr, name_nl
    from org_units where org_id = ${orgId}::uuid and archived_at is null order by name_fr, id`.execute(trx);
  return r.rows.map((u) => ({ id: u.id, nameFr: u.name_fr, nameNl: u.name_nl }));
}

/** Active members of the organisation (the lead's staff, among whom the tutor is chosen). */
export async function orgStaff(trx: Tx, orgId: string) {
  const r = await sql<{ id: string; name: string }>`select u.id, u.display_name as name from memberships m
    join users u on u.id = m.user_id where m.org_id = ${orgId}::uuid and m.active and m.accepted_at is not null
    order by u.display_name, u.id`.execute(trx);
  return r.rows;
}

export async function traineeByEmail(trx: Tx, partnerOrgId: string, email: string) {
  const r = await sql<{ id: string | null }>`select app.formative_trainee_by_email(${partnerOrgId}::uuid,
    ${email}) as id`.execute(trx);
  return r.rows[0]?.id ?? null;
}

/** The modules a new plan may draw from: the host's, retired ones left out. */
export async function hostModules(trx: Tx, orgId: string) {
  return trx
    .selectFrom('formative_modules')
    .select(['id', 'unit_id', 'code', 'name_fr', 'name_nl'])
    .where('org_id', '=', orgId)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function insertPartnership(
  trx: Tx,
  v: PartnershipEdit & {
    orgId: string;
    partnerOrgId: string;
    programmeId: string;
    traineeUserId: string;
    userId: string;
  },
) {
  return trx
    .insertInto('formative_partnerships')
    .values({
      org_id: v.orgId,
      partner_org_id: v.partnerOrgId,
      programme_id: v.programmeId,
      ...editValues(v),
      trainee_user_id: v.traineeUserId,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const editValues = (v: PartnershipEdit) => ({
  host_unit_id: v.hostUnitId,
  tutor_user_id: v.tutorUserId,
  immersion_starts_on: v.immersionStartsOn,
  immersion_ends_on: v.immersionEndsOn,
  application_starts_on: v.applicationStartsOn,
  application_ends_on: v.applicationEndsOn,
  convention_on: v.conventionOn,
  funding_order_on: v.fundingOrderOn,
  hired_on: v.hiredOn,
});

export async function updatePartnership(trx: Tx, id: string, v: PartnershipEdit) {
  await trx
    .updateTable('formative_partnerships')
    .set({ ...editValues(v), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertPlanItem(trx: Tx, p: PartnershipRow, moduleId: string, plannedHours: number) {
  await trx
    .insertInto('formative_plan_items')
    .values({
      partnership_id: p.id,
      org_id: p.org_id,
      partner_org_id: p.partner_org_id,
      module_id: moduleId,
      planned_hours: plannedHours,
    })
    .execute();
}

export async function planItems(trx: Tx, partnershipId: string) {
  return trx
    .selectFrom('formative_plan_items as i')
    .innerJoin('formative_modules as m', 'm.id', 'i.module_id')
    .select([
      'i.id',
      'i.module_id',
      'm.code',
      'm.name_fr',
      'm.name_nl',
      'i.planned_hours',
      'i.level',
      'i.percent',
      'i.comment',
      'i.progress_by',
      'i.progress_at',
    ])
    .where('i.partnership_id', '=', partnershipId)
    .orderBy('m.position')
    .orderBy('m.code')
    .execute();
}

export async function setProgress(
  trx: Tx,
  partnershipId: string,
  itemId: string,
  v: ProgressInput,
  userId: string,
) {
  const r = await trx
    .updateTable('formative_plan_items')
    .set({
      level: v.level,
      percent: v.percent,
      comment: v.comment,
      progress_by: userId,
      progress_at: new Date().toISOString(),
    })
    .where('id', '=', itemId)
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function sessions(trx: Tx, partnershipId: string) {
  const rows = await trx
    .selectFrom('formative_sessions')
    .select(['id', 'module_id', 'held_on', 'hours', 'summary', 'recorded_by'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((s) => ({ ...s, hours: Number(s.hours) }));
}

export async function insertSession(trx: Tx, p: PartnershipRow, v: SessionInput, userId: string) {
  return trx
    .insertInto('formative_sessions')
    .values({
      partnership_id: p.id,
      org_id: p.org_id,
      partner_org_id: p.partner_org_id,
      module_id: v.moduleId,
      held_on: v.heldOn,
      hours: v.hours,
      summary: v.summary.trim(),
      recorded_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteSession(trx: Tx, partnershipId: string, id: string) {
  const r = await trx
    .deleteFrom('formative_sessions')
    .where('id', '=', id)
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function reviews(trx: Tx, partnershipId: string) {
  const rows = await trx
    .selectFrom('formative_reviews')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .execute();
  return rows.map((r) => ({
    kind: r.kind as ReviewKind,
    heldOn: r.held_on,
    strengths: r.strengths,
    improvements: r.improvements,
    nextSteps: r.next_steps,
    traineeSignedAt: iso(r.trainee_signed_at),
    tutorSignedAt: iso(r.tutor_signed_at),
  }));
}

export async function upsertReview(
  trx: Tx,
  p: PartnershipRow,
  kind: ReviewKind,
  v: ReviewInput,
  userId: string,
) {
  const values = {
    held_on: v.heldOn,
    strengths: v.strengths,
    improvements: v.improvements,
    next_steps: v.nextSteps,
    written_by: userId,
  };
  await trx
    .insertInto('formative_reviews')
    .values({ partnership_id: p.id, org_id: p.org_id, partner_org_id: p.partner_org_id, kind, ...values })
    .onConflict((oc) =>
      oc.columns(['partnership_id', 'kind']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute();
}

export async function sign(
  trx: Tx,
  partnershipId: string,
  kind: ReviewKind,
  as: 'trainee' | 'tutor',
  userId: string,
) {
  const now = new Date().toISOString();
  const set =
    as === 'trainee'
      ? { trainee_signed_at: now, trainee_signed_by: userId }
      : { tutor_signed_at: now, tutor_signed_by: userId };
  const r = await trx
    .updateTable('formative_reviews')
    .set(set)
    .where('partnership_id', '=', partnershipId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function projects(trx: Tx, partnershipId: string) {
  const rows = await trx
    .selectFrom('formative_projects')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    objectives: r.objectives,
    actions: r.actions,
    participants: r.participants,
    partners: r.partners,
    results: r.results,
    status: r.status as ProjectInput['status'],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    practiceId: r.practice_id,
  }));
}

const projectValues = (v: ProjectInput) => ({
  title: v.title.trim(),
  objectives: v.objectives,
  actions: v.actions,
  participants: v.participants,
  partners: v.partners,
  results: v.results,
  status: v.status,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
});

export async function insertProject(trx: Tx, p: PartnershipRow, v: ProjectInput, userId: string) {
  return trx
    .insertInto('formative_projects')
    .values({
      partnership_id: p.id,
      org_id: p.partner_org_id,
      lead_org_id: p.org_id,
      created_by: userId,
      ...projectValues(v),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateProject(trx: Tx, partnershipId: string, id: string, v: ProjectInput) {
  const r = await trx
    .updateTable('formative_projects')
    .set({ ...projectValues(v), updated_at: new Date() })
    .where('id', '=', id)
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setProjectPractice(trx: Tx, id: string, practiceId: string) {
  await trx
    .updateTable('formative_projects')
    .set({ practice_id: practiceId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
