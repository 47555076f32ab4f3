import {
  checkPartnershipDates,
  checkSessionDay,
  hoursByModule,
  hoursPercent,
  leadEligibility,
  planTotals,
  reviewEditable,
} from '../../../../common/formative/rules';
import type {
  PartnershipEdit,
  PartnershipInput,
  PartnershipList,
  PartnershipOptions,
  PartnershipView,
  ProgressInput,
  ProjectInput,
  ReviewInput,
  ReviewKind,
  SessionInput,
} from '../../../../common/formative/schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  validationFailed,
} from '../../../platform/errors';
import { draftPracticeFromSource } from '../../practices';
import { visible } from './access';
import { canAttach, partnershipDocuments } from './documents';
import { syncMilestones } from './milestones';
import * as store from './store';

/**
 * The formative partnership (issue 11). The lead's coordinator (`formative.manage`) creates and edits it,
 * if the lead's municipality has more than 150,000 inhabitants; the trainee and the tutor, each as
 * themself (`formative.progress`), record sessions and progress and sign the reviews; the partner's staff
 * write the application year's projects. A partnership another organisation cannot see is a 404. Its
 * convention, funding order and hiring dates are kept as milestones of its programme (milestones.ts), its
 * signed documents as the programme's documents (documents.ts).
 */

const E = (feature: string, code: string) => `formative.${feature}.errors.${code}`;

type Who = PartnershipView['me']['role'];

function whoIs(actor: Actor, p: store.PartnershipRow): Who {
  if (actor.userId === p.trainee_user_id && actor.orgId === p.partner_org_id) return 'trainee';
  if (actor.userId === p.tutor_user_id && actor.orgId === p.org_id) return 'tutor';
  if (actor.orgId === p.org_id) return 'lead_staff';
  if (actor.orgId === p.partner_org_id) return 'partner_staff';
  return 'admin';
}

const canRecord = (actor: Actor, p: store.PartnershipRow) =>
  actorCan(actor, 'formative.progress') && ['trainee', 'tutor'].includes(whoIs(actor, p));

/** The trainee or the tutor of the partnership, acting as themself. */
async function recorder(trx: Tx, actor: Actor, id: string) {
  const p = await visible(trx, actor, id);
  if (!canRecord(actor, p)) throw forbidden(E('plan', 'not_participant'));
  return p;
}

export async function list(trx: Tx, actor: Actor): Promise<PartnershipList> {
  requirePermission(actor, 'formative.view');
  return {
    items: (await store.summaries(trx, null)).map((r) => store.toSummary(r, actor.orgId)),
    canCreate: actorCan(actor, 'formative.manage') && !!actor.orgId,
    canManageModules: actorCan(actor, 'formative.manage') && !!actor.orgId,
  };
}

/** The lead's choices for a new partnership, and whether it may lead one at all. */
export async function options(trx: Tx, actor: Actor): Promise<PartnershipOptions> {
  requirePermission(actor, 'formative.manage');
  if (!actor.orgId) throw forbidden();
  const population = await store.organisationPopulation(trx, actor.orgId);
  return {
    eligibility: { population, eligible: leadEligibility(population).eligible },
    programmes: await store.ledProgrammes(trx, actor.orgId),
    units: await store.orgUnits(trx, actor.orgId),
    staff: await store.orgStaff(trx, actor.orgId),
    modules: (await store.hostModules(trx, actor.orgId)).map((m) => ({
      id: m.id,
      unitId: m.unit_id,
      code: m.code,
      nameFr: m.name_fr,
      nameNl: m.name_nl,
    })),
  };
}

async function checkEdit(trx: Tx, leadOrgId: string, v: PartnershipEdit) {
  const problems = checkPartnershipDates(v);
  if (problems.length) throw validationFailed(problems);
  if (!(await store.orgUnits(trx, leadOrgId)).some((u) => u.id === v.hostUnitId))
    throw badRequest(E('partnerships', 'unknown_unit'));
  if (!(await store.orgStaff(trx, leadOrgId)).some((s) => s.id === v.tutorUserId))
    throw badRequest(E('partnerships', 'tutor_not_staff'));
}

export async function create(trx: Tx, actor: Actor, v: PartnershipInput): Promise<{ id: string }> {
  requirePermission(actor, 'formative.manage');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const eligibility = leadEligibility(await store.organisationPopulation(trx, orgId));
  if (!eligibility.eligible) throw badRequest(E('partnerships', eligibility.code), eligibility.params);
  if (v.partnerOrgId === orgId) throw badRequest(E('partnerships', 'partner_is_lead'));
  if (!(await store.isProgrammePartner(trx, v.programmeId, orgId, v.partnerOrgId)))
    throw badRequest(E('partnerships', 'not_programme_partner'));
  await checkEdit(trx, orgId, v);
  const traineeUserId = await store.traineeByEmail(trx, v.partnerOrgId, v.traineeEmail);
  if (!traineeUserId) throw badRequest(E('partnerships', 'unknown_trainee'));
  // The host unit's active modules (and those of no unit): what the plan may draw from.
  const modules = new Set(
    (await store.hostModules(trx, orgId))
      .filter((m) => m.unit_id === null || m.unit_id === v.hostUnitId)
      .map((m) => m.id),
  );
  const ids = v.plan.map((i) => i.moduleId);
  if (ids.some((m) => !modules.has(m)) || new Set(ids).size !== ids.length)
    throw badRequest(E('partnerships', 'unknown_module'));
  const { id } = await store.insertPartnership(trx, {
    ...v,
    orgId,
    traineeUserId,
    userId: actor.userId,
  });
  const p = await store.findPartnership(trx, id);
  if (!p) throw notFound();
  for (const i of v.plan) await store.insertPlanItem(trx, p, i.moduleId, i.plannedHours);
  await syncMilestones(trx, p);
  return { id };
}

export async function update(trx: Tx, actor: Actor, id: string, v: PartnershipEdit) {
  requirePermission(actor, 'formative.manage');
  const p = await visible(trx, actor, id);
  if (p.org_id !== actor.orgId) throw forbidden(E('partnerships', 'not_lead'));
  await checkEdit(trx, p.org_id, v);
  await store.updatePartnership(trx, p.id, v);
  const now = await store.findPartnership(trx, p.id);
  if (now) await syncMilestones(trx, now);
  return { ok: true };
}

export async function view(trx: Tx, actor: Actor, id: string): Promise<PartnershipView> {
  const p = await visible(trx, actor, id);
  const [summary] = (await store.summaries(trx, p.id)).map((r) => store.toSummary(r, actor.orgId));
  if (!summary) throw notFound();
  const names = new Map([
    [p.trainee_user_id, summary.traineeName],
    [p.tutor_user_id, summary.tutorName],
  ]);
  const sessions = await store.sessions(trx, p.id);
  const done = hoursByModule(sessions.map((s) => ({ moduleId: s.module_id, hours: s.hours })));
  const plan = (await store.planItems(trx, p.id)).map((i) => {
    const doneHours = done.get(i.module_id) ?? 0;
    return {
      id: i.id,
      moduleId: i.module_id,
      code: i.code,
      nameFr: i.name_fr,
      nameNl: i.name_nl,
      plannedHours: i.planned_hours,
      doneHours,
      hoursPercent: hoursPercent(doneHours, i.planned_hours),
      level: i.level as PartnershipView['plan'][number]['level'],
      percent: i.percent,
      comment: i.comment,
      progressAt: i.progress_at === null ? null : new Date(i.progress_at).toISOString(),
      progressByName: i.progress_by ? (names.get(i.progress_by) ?? null) : null,
    };
  });
  const milestones = (
    [
      ['convention', p.convention_on],
      ['funding_order', p.funding_order_on],
      ['hired', p.hired_on],
      ['immersion_start', p.immersion_starts_on],
      ['application_start', p.application_starts_on],
    ] as const
  )
    .filter((m): m is readonly [(typeof m)[0], string] => m[1] !== null)
    .map(([code, occursOn]) => ({ code, occursOn }))
    .sort((a, b) => a.occursOn.localeCompare(b.occursOn));
  const who = whoIs(actor, p);
  return {
    partnership: summary,
    convention: { conventionOn: p.convention_on, fundingOrderOn: p.funding_order_on, hiredOn: p.hired_on },
    tutorUserId: p.tutor_user_id,
    milestones,
    documents: await partnershipDocuments(trx, p),
    plan,
    totals: planTotals(plan),
    sessions: sessions.map((s) => ({
      id: s.id,
      moduleId: s.module_id,
      heldOn: s.held_on,
      hours: s.hours,
      summary: s.summary,
      recordedByName: names.get(s.recorded_by) ?? '',
      mine: s.recorded_by === actor.userId,
    })),
    reviews: await store.reviews(trx, p.id),
    projects: await store.projects(trx, p.id),
    me: {
      role: who,
      canEdit: actorCan(actor, 'formative.manage') && actor.orgId === p.org_id,
      canRecord: canRecord(actor, p),
      canWriteProjects: actorCan(actor, 'formative.progress') && actor.orgId === p.partner_org_id,
      canAttach: canAttach(actor, p),
    },
  };
}

export async function addSession(trx: Tx, deps: Deps, actor: Actor, id: string, v: SessionInput) {
  const p = await recorder(trx, actor, id);
  const problems = checkSessionDay(
    v.heldOn,
    { startsOn: p.immersion_starts_on, endsOn: p.immersion_ends_on },
    deps.clock.today(),
  );
  if (problems.length) throw validationFailed(problems);
  if (!(await store.planItems(trx, p.id)).some((i) => i.module_id === v.moduleId))
    throw badRequest(E('plan', 'module_not_in_plan'));
  return store.insertSession(trx, p, v, actor.userId);
}

export async function deleteSession(trx: Tx, actor: Actor, id: string, sessionId: string) {
  const p = await recorder(trx, actor, id);
  const own = (await store.sessions(trx, p.id)).find((s) => s.id === sessionId);
  if (!own) throw notFound();
  if (own.recorded_by !== actor.userId) throw forbidden(E('plan', 'not_recorder'));
  await store.deleteSession(trx, p.id, sessionId);
  return { ok: true };
}

export async function recordProgress(trx: Tx, actor: Actor, id: string, itemId: string, v: ProgressInput) {
  const p = await recorder(trx, actor, id);
  if (!(await store.setProgress(trx, p.id, itemId, v, actor.userId))) throw notFound();
  return { ok: true };
}

/** The day a review is held: the mid-year and end-of-year during the immersion, the final in the second year. */
function checkReviewDay(p: store.PartnershipRow, kind: ReviewKind, heldOn: string, today: string) {
  const [from, to] =
    kind === 'final'
      ? [p.application_starts_on, p.application_ends_on]
      : [p.immersion_starts_on, p.immersion_ends_on];
  if (heldOn < from || heldOn > to)
    throw validationFailed([
      { path: 'heldOn', code: E('reviews', kind === 'final' ? 'outside_application' : 'outside_immersion') },
    ]);
  if (heldOn > today) throw validationFailed([{ path: 'heldOn', code: E('plan', 'in_future') }]);
}

export async function writeReview(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  id: string,
  kind: ReviewKind,
  v: ReviewInput,
) {
  const p = await recorder(trx, actor, id);
  checkReviewDay(p, kind, v.heldOn, deps.clock.today());
  const existing = (await store.reviews(trx, p.id)).find((r) => r.kind === kind) ?? null;
  if (!reviewEditable(existing)) throw conflict(E('reviews', 'signed'));
  await store.upsertReview(trx, p, kind, v, actor.userId);
  return { ok: true };
}

export async function signReview(trx: Tx, actor: Actor, id: string, kind: ReviewKind) {
  const p = await recorder(trx, actor, id);
  const as = whoIs(actor, p) === 'trainee' ? 'trainee' : 'tutor';
  const existing = (await store.reviews(trx, p.id)).find((r) => r.kind === kind);
  if (!existing) throw new AppError(404, E('reviews', 'missing'));
  if ((as === 'trainee' ? existing.traineeSignedAt : existing.tutorSignedAt) !== null)
    throw conflict(E('reviews', 'already_signed'));
  await store.sign(trx, p.id, kind, as, actor.userId);
  return { ok: true };
}

/** The partner's staff write its application-year projects; the lead only reads them. */
async function projectWriter(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'formative.progress');
  const p = await visible(trx, actor, id);
  if (actor.orgId !== p.partner_org_id) throw forbidden(E('projects', 'not_partner'));
  return p;
}

function checkProject(v: ProjectInput) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
    throw validationFailed([{ path: 'endsOn', code: E('partnerships', 'end_before_start') }]);
}

export async function addProject(trx: Tx, actor: Actor, id: string, v: ProjectInput) {
  const p = await projectWriter(trx, actor, id);
  checkProject(v);
  return store.insertProject(trx, p, v, actor.userId);
}

export async function updateProject(trx: Tx, actor: Actor, id: string, projectId: string, v: ProjectInput) {
  const p = await projectWriter(trx, actor, id);
  checkProject(v);
  if (!(await store.updateProject(trx, p.id, projectId, v))) throw notFound();
  return { ok: true };
}

/**
 * Turns a project into a draft good-practice sheet of the partner, through the practices module's face
 * (source 'formative_project'); the sheet is the partner's draft until it publishes it.
 */
export async function projectPractice(trx: Tx, actor: Actor, id: string, projectId: string) {
  const p = await projectWriter(trx, actor, id);
  requirePermission(actor, 'practice.write');
  const project = (await store.projects(trx, p.id)).find((x) => x.id === projectId);
  if (!project) throw notFound();
  if (project.practiceId) throw conflict(E('projects', 'already_sheet'));
  const description = [project.objectives, project.actions].filter(Boolean).join('\n\n') || project.title;
  const sheet = await draftPracticeFromSource(trx, {
    orgId: p.partner_org_id,
    userId: actor.userId,
    sourceKind: 'formative_project',
    sourceId: project.id,
    language: actor.language === 'nl' ? 'nl' : 'fr',
    fields: {
      title: project.title,
      description,
      objectives: project.objectives,
      partners: project.partners,
      results: project.results,
    },
    programmeId: p.programme_id,
    partnerOrgIds: [p.org_id],
  });
  await store.setProjectPractice(trx, project.id, sheet.id);
  return { id: sheet.id };
}
