import {
  type UnitInput,
  type UnitList,
  type UnitMembers,
  type UnitMembersInput,
  type UnitStaff,
  type UnitView,
  unitProblems,
} from '../../../../common/network/unit-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, unauthenticated, validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * Teams and services inside organisations. Names and contacts are reference data any signed-in user
 * reads; an organisation's `unit.manage` holders (platform admins for any) write its units, and only the
 * organisation itself reads who belongs to them (RLS says the same in the database).
 */

const E = (code: string) => `network.units.errors.${code}`;

/** Whether the actor manages this organisation's units. */
export const managesUnitsOf = (actor: Actor, orgId: string) =>
  actorCan(actor, 'unit.manage') && (actor.platformAdmin || actor.orgId === orgId);

function assertManages(actor: Actor, orgId: string): void {
  requirePermission(actor, 'unit.manage');
  if (!managesUnitsOf(actor, orgId)) throw forbidden();
}

/** A reader of the network: a member acting for an organisation, or a platform admin. */
function assertReader(actor: Actor): void {
  if (!actor.orgId && !actor.platformAdmin) throw unauthenticated();
}

const insider = (actor: Actor, orgId: string) => actor.platformAdmin || actor.orgId === orgId;

export async function listUnits(trx: Tx, actor: Actor, orgId: string, archived: boolean): Promise<UnitList> {
  assertReader(actor);
  if (!(await store.organisationExists(trx, orgId))) throw notFound();
  const canManage = managesUnitsOf(actor, orgId);
  // Archived units are the organisation's housekeeping: only its managers list them.
  if (archived && !canManage) throw forbidden();
  const items = await store.listUnits(trx, orgId, { archived, counts: insider(actor, orgId) });
  return { items, canManage };
}

export async function getUnit(trx: Tx, actor: Actor, id: string): Promise<UnitView> {
  assertReader(actor);
  const unit = await store.findUnit(trx, id);
  if (!unit) throw notFound();
  return insider(actor, unit.orgId) ? ((await store.findUnit(trx, id, { counts: true })) ?? unit) : unit;
}

async function checkInput(trx: Tx, orgId: string, input: UnitInput, exceptId: string | null) {
  const problems = unitProblems(input);
  if (problems.length) throw validationFailed(problems);
  const taken = await store.nameTaken(
    trx,
    orgId,
    input.nameFr?.trim() || null,
    input.nameNl?.trim() || null,
    exceptId,
  );
  if (taken) throw validationFailed([{ path: taken, code: E('name_taken') }]);
}

export async function createUnit(trx: Tx, actor: Actor, orgId: string, input: UnitInput): Promise<UnitView> {
  assertManages(actor, orgId);
  if (!(await store.organisationExists(trx, orgId))) throw notFound();
  await checkInput(trx, orgId, input, null);
  const id = await store.insertUnit(trx, orgId, input);
  return getUnit(trx, actor, id);
}

async function managedUnit(trx: Tx, actor: Actor, id: string): Promise<UnitView> {
  requirePermission(actor, 'unit.manage');
  const seen = await store.findUnit(trx, id);
  if (!seen) throw notFound();
  assertManages(actor, seen.orgId);
  // Locked only once known to be the actor's own: another organisation's row is readable, not lockable.
  const unit = await store.findUnit(trx, id, { forUpdate: true });
  if (!unit) throw notFound();
  return unit;
}

export async function updateUnit(trx: Tx, actor: Actor, id: string, input: UnitInput): Promise<UnitView> {
  const unit = await managedUnit(trx, actor, id);
  if (unit.archived) throw validationFailed([{ path: 'kind', code: E('archived') }]);
  await checkInput(trx, unit.orgId, input, id);
  if (!(await store.updateUnit(trx, id, input))) throw notFound();
  return getUnit(trx, actor, id);
}

export async function archiveUnit(trx: Tx, actor: Actor, id: string, archived: boolean): Promise<UnitView> {
  const unit = await managedUnit(trx, actor, id);
  // A restored unit must not take a name another active unit has taken meanwhile.
  if (!archived && unit.archived)
    await checkInput(
      trx,
      unit.orgId,
      { kind: unit.kind as UnitInput['kind'], nameFr: unit.nameFr, nameNl: unit.nameNl },
      id,
    );
  if (!(await store.setArchived(trx, id, archived))) throw notFound();
  return getUnit(trx, actor, id);
}

export async function unitMembers(trx: Tx, actor: Actor, id: string): Promise<UnitMembers> {
  assertReader(actor);
  const unit = await store.findUnit(trx, id);
  if (!unit) throw notFound();
  if (!insider(actor, unit.orgId)) throw forbidden();
  return { items: await store.listMembers(trx, id) };
}

export async function setUnitMembers(
  trx: Tx,
  actor: Actor,
  id: string,
  input: UnitMembersInput,
): Promise<UnitMembers> {
  const unit = await managedUnit(trx, actor, id);
  if (unit.archived) throw validationFailed([{ path: 'members', code: E('archived') }]);
  const staff = new Set((await store.activeStaff(trx, unit.orgId)).map((s) => s.userId));
  const seen = new Set<string>();
  const problems: Array<{ path: string; code: string }> = [];
  input.members.forEach((m, i) => {
    if (seen.has(m.userId)) problems.push({ path: `members.${i}.userId`, code: E('member_twice') });
    else if (!staff.has(m.userId)) problems.push({ path: `members.${i}.userId`, code: E('not_staff') });
    seen.add(m.userId);
  });
  if (problems.length) throw validationFailed(problems);
  await store.replaceMembers(trx, id, unit.orgId, input.members);
  return { items: await store.listMembers(trx, id) };
}

export async function unitStaff(trx: Tx, actor: Actor, orgId: string): Promise<UnitStaff> {
  assertManages(actor, orgId);
  return { items: await store.activeStaff(trx, orgId) };
}
