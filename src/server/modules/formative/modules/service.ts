import {
  MAX_MODULES_PER_UNIT,
  type ModuleInput,
  type ModuleList,
  type ModuleOrder,
  moduleProblems,
} from '../../../../common/formative/module-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { orgUnits } from '../partnerships/store';
import * as store from './store';

/**
 * The host's training modules (issue 11): its coordinators (`formative.manage`) list, create, edit, reorder,
 * retire and delete the modules of its units. A module a plan uses is retired, never deleted. Another
 * organisation's module is a 404, even for the partners who read it through a partnership.
 */

const E = (code: string) => `formative.modules.errors.${code}`;

function host(actor: Actor): string {
  requirePermission(actor, 'formative.manage');
  if (!actor.orgId) throw forbidden();
  return actor.orgId;
}

async function own(trx: Tx, orgId: string, id: string) {
  const m = await store.findModule(trx, id);
  if (!m || m.org_id !== orgId) throw notFound();
  return m;
}

export async function list(trx: Tx, actor: Actor): Promise<ModuleList> {
  const orgId = host(actor);
  return { units: await orgUnits(trx, orgId), modules: await store.listModules(trx, orgId) };
}

/** Checks the input and answers the position it takes at the end of its unit (renumbered 1…n first). */
async function checked(trx: Tx, orgId: string, v: ModuleInput, id: string | null, unitBefore: string | null) {
  const problems = moduleProblems(v);
  if (problems.length) throw validationFailed(problems);
  if (!(await orgUnits(trx, orgId)).some((u) => u.id === v.unitId)) throw badRequest(E('unknown_unit'));
  if (await store.codeTaken(trx, orgId, v.code, id)) throw conflict(E('code_taken'), { code: v.code });
  const ids = await store.unitModuleIds(trx, orgId, v.unitId);
  if (id && unitBefore === v.unitId) return ids.indexOf(id) + 1;
  if (ids.length >= MAX_MODULES_PER_UNIT) throw conflict(E('too_many'), { max: MAX_MODULES_PER_UNIT });
  await store.setPositions(trx, orgId, ids);
  return ids.length + 1;
}

export async function create(trx: Tx, actor: Actor, v: ModuleInput) {
  const orgId = host(actor);
  const position = await checked(trx, orgId, v, null, null);
  return store.insertModule(trx, orgId, v, position);
}

export async function update(trx: Tx, actor: Actor, id: string, v: ModuleInput) {
  const orgId = host(actor);
  const m = await own(trx, orgId, id);
  const position = await checked(trx, orgId, v, m.id, m.unit_id);
  await store.updateModule(trx, m.id, v, position);
  return { ok: true };
}

/** The unit's modules in a new order: exactly the unit's modules, each once. */
export async function order(trx: Tx, actor: Actor, v: ModuleOrder) {
  const orgId = host(actor);
  if (!(await orgUnits(trx, orgId)).some((u) => u.id === v.unitId)) throw badRequest(E('unknown_unit'));
  const ids = v.ids.map((i) => i.toLowerCase());
  const current = await store.unitModuleIds(trx, orgId, v.unitId);
  if (ids.length !== current.length || !current.every((i) => ids.includes(i)))
    throw badRequest(E('order_mismatch'));
  await store.setPositions(trx, orgId, ids);
  return { ok: true };
}

export async function retire(trx: Tx, actor: Actor, id: string, retired: boolean) {
  const orgId = host(actor);
  const m = await own(trx, orgId, id);
  await store.setRetired(trx, m.id, retired);
  return { ok: true };
}

export async function remove(trx: Tx, actor: Actor, id: string) {
  const orgId = host(actor);
  const m = await own(trx, orgId, id);
  if (m.in_use) throw conflict(E('in_use'));
  await store.deleteModule(trx, m.id);
  return { ok: true };
}
