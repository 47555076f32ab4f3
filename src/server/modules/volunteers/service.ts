import { localized } from '../../../common/i18n/locales';
import type { Ok } from '../../../common/kernel/schemas';
import { hoursSummary } from '../../../common/volunteers/hours';
import { statusAfter, totalHours } from '../../../common/volunteers/rules';
import type {
  BenefitCentreBody,
  DeclarationBody,
  TrainingBody,
  VolunteerDetail,
  VolunteerPage,
  VolunteerQuery,
  VolunteerStatus,
  VolunteerStatusBody,
} from '../../../common/volunteers/schemas';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { activityTitles } from './activities';
import * as store from './store';

/**
 * The registry's use cases. Reading needs volunteers.manage and a volunteer of the caller's organisation
 * (coordinating it or working with it; RLS answers nothing else). The coordinating organisation validates,
 * deactivates, records the benefit centre and the declaration, and the organisations it works with;
 * either records trainings and its own assignments.
 */
export const E = (code: string) => `volunteers.registry.errors.${code}`;
/** The errors of the edit page and of assignments to events and initiatives (catalogue volunteers/work). */
export const W = (code: string) => `volunteers.work.errors.${code}`;

export function ownOrg(actor: Actor): string {
  requirePermission(actor, 'volunteers.manage');
  if (!actor.orgId) throw forbidden();
  return actor.orgId;
}

export async function visible(trx: Tx, id: string) {
  const v = await store.findVolunteer(trx, id);
  if (!v) throw notFound();
  return v;
}

export async function coordinated(trx: Tx, actor: Actor, id: string) {
  const orgId = ownOrg(actor);
  const v = await visible(trx, id);
  if (v.org_id !== orgId) throw forbidden(E('not_coordinator'));
  return v;
}

export function listVolunteers(trx: Tx, actor: Actor, q: VolunteerQuery): Promise<VolunteerPage> {
  ownOrg(actor);
  return store.listVolunteers(trx, q);
}

export async function getVolunteer(
  trx: Tx,
  actor: Actor,
  id: string,
  today: string,
): Promise<VolunteerDetail> {
  const orgId = ownOrg(actor);
  const v = await visible(trx, id);
  const [orgIds, decl, trainings, assignments] = await Promise.all([
    store.organisationIds(trx, id),
    store.declarations(trx, id),
    store.trainings(trx, id),
    store.assignments(trx, id),
  ]);
  const refs = await store.orgRefs(trx, [
    v.org_id,
    ...(v.benefit_centre_org_id ? [v.benefit_centre_org_id] : []),
    ...orgIds,
    ...decl.map((d) => d.centre_org_id),
    ...trainings.map((t) => t.org_id),
    ...assignments.map((a) => a.org_id),
  ]);
  const title = await activityTitles(trx, assignments, actor.language);
  const ref = (id: string) => refs.get(id) ?? { id, nameFr: '', nameNl: '' };
  const items = assignments.map((a) => store.toAssignment(a, refs, title));
  return {
    id: v.id,
    name: v.name,
    email: v.email,
    phone: v.phone,
    languages: v.languages,
    skills: v.skills,
    availability: v.availability,
    status: v.status as VolunteerStatus,
    consentGivenAt: new Date(v.consent_given_at).toISOString(),
    validatedAt: v.validated_at ? new Date(v.validated_at).toISOString() : null,
    coordinator: ref(v.org_id),
    benefitCentre: v.benefit_centre_org_id ? ref(v.benefit_centre_org_id) : null,
    organisations: orgIds.map(ref),
    trainings: trainings.map((t) => ({
      id: t.id,
      title: t.title,
      followedOn: t.followed_on,
      org: ref(t.org_id),
      canRemove: t.org_id === orgId,
    })),
    declarations: decl.map((d) => store.toDeclaration(d, refs)),
    assignments: items,
    totalHours: totalHours(items),
    summary: hoursSummary(items, Number(today.slice(0, 4)), (o) =>
      localized(actor.language, o.nameFr, o.nameNl),
    ),
    canManage: v.org_id === orgId,
    canAssign: v.status === 'active',
  };
}

export async function changeStatus(
  trx: Tx,
  actor: Actor,
  id: string,
  body: VolunteerStatusBody,
): Promise<Ok> {
  const v = await coordinated(trx, actor, id);
  const to = statusAfter(v.status as VolunteerStatus, body.action);
  if (!to) throw conflict(E('status_move'));
  await trx
    .updateTable('volunteers')
    .set({
      status: to,
      // The first validation is kept: who vouched for the volunteer and when.
      ...(v.validated_at ? {} : { validated_by: actor.userId, validated_at: new Date() }),
    })
    .where('id', '=', id)
    .execute();
  return { ok: true };
}

/** A Belgian CPAS or OCMW, as the rule and the trigger require. */
async function belgianCentre(trx: Tx, orgId: string) {
  const o = await store.organisationOf(trx, orgId);
  if (o?.country !== 'BE' || !['cpas', 'ocmw'].includes(o.kind)) throw badRequest(E('not_belgian_centre'));
}

export async function setBenefitCentre(
  trx: Tx,
  actor: Actor,
  id: string,
  body: BenefitCentreBody,
): Promise<Ok> {
  await coordinated(trx, actor, id);
  if (body.centreOrgId) await belgianCentre(trx, body.centreOrgId);
  await trx
    .updateTable('volunteers')
    .set({ benefit_centre_org_id: body.centreOrgId })
    .where('id', '=', id)
    .execute();
  return { ok: true };
}

export async function recordDeclaration(
  trx: Tx,
  actor: Actor,
  id: string,
  body: DeclarationBody,
  today: string,
): Promise<{ id: string }> {
  const v = await coordinated(trx, actor, id);
  await belgianCentre(trx, body.centreOrgId);
  if (body.declaredOn > today) throw badRequest(E('future_declaration'));
  const r = await trx
    .insertInto('volunteer_benefit_declarations')
    .values({
      volunteer_id: v.id,
      org_id: v.org_id,
      centre_org_id: body.centreOrgId,
      declared_on: body.declaredOn,
      acknowledged_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Declaring to a centre says the volunteer receives its benefit: the rule then applies.
  if (!v.benefit_centre_org_id)
    await trx
      .updateTable('volunteers')
      .set({ benefit_centre_org_id: body.centreOrgId })
      .where('id', '=', id)
      .execute();
  return r;
}

export async function addOrganisation(trx: Tx, actor: Actor, id: string, orgId: string): Promise<Ok> {
  const v = await coordinated(trx, actor, id);
  if (orgId === v.org_id) throw conflict(E('already_coordinator'));
  const o = await store.organisationOf(trx, orgId);
  if (o?.status !== 'active') throw badRequest(E('unknown_organisation'));
  await trx
    .insertInto('volunteer_organisations')
    .values({ volunteer_id: id, org_id: orgId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { ok: true };
}

export async function removeOrganisation(trx: Tx, actor: Actor, id: string, orgId: string): Promise<Ok> {
  await coordinated(trx, actor, id);
  await trx
    .deleteFrom('volunteer_organisations')
    .where('volunteer_id', '=', id)
    .where('org_id', '=', orgId)
    .execute();
  return { ok: true };
}

export async function addTraining(
  trx: Tx,
  actor: Actor,
  id: string,
  body: TrainingBody,
): Promise<{ id: string }> {
  const orgId = ownOrg(actor);
  await visible(trx, id);
  return trx
    .insertInto('volunteer_trainings')
    .values({ volunteer_id: id, org_id: orgId, title: body.title.trim(), followed_on: body.followedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The network's organisations are listed to coordinators only (the forms of the volunteer page). */
export function canManageOrThrow(actor: Actor): void {
  ownOrg(actor);
}
