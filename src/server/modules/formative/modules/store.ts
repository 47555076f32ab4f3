import { sql } from 'kysely';
import type { ModuleInput, ModuleView } from '../../../../common/formative/module-schemas';
import type { Tx } from '../../../platform/db/context';

/**
 * The host's modules (formative_modules, migrations 0029 and 0034), in the actor's transaction. RLS lets
 * the partners of the host's partnerships read them too, so the use cases check the owner themselves.
 */

/** Whether a plan or a session uses the module (the host reads its own partnerships' rows). */
const inUse = sql<boolean>`(exists (select 1 from formative_plan_items i where i.module_id = m.id)
  or exists (select 1 from formative_sessions s where s.module_id = m.id))`;

export async function listModules(trx: Tx, orgId: string): Promise<ModuleView[]> {
  const rows = await trx
    .selectFrom('formative_modules as m')
    .select([
      'm.id',
      'm.unit_id',
      'm.code',
      'm.name_fr',
      'm.name_nl',
      'm.description_fr',
      'm.description_nl',
      'm.position',
      'm.retired_at',
      inUse.as('in_use'),
    ])
    .where('m.org_id', '=', orgId)
    .orderBy('m.position')
    .orderBy('m.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    code: r.code,
    nameFr: r.name_fr,
    nameNl: r.name_nl,
    descriptionFr: r.description_fr,
    descriptionNl: r.description_nl,
    position: r.position,
    retired: r.retired_at !== null,
    inUse: r.in_use,
  }));
}

export async function findModule(trx: Tx, id: string) {
  return trx
    .selectFrom('formative_modules as m')
    .select(['m.id', 'm.org_id', 'm.unit_id', 'm.code', inUse.as('in_use')])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Whether another module of the organisation already has the code (codes are unique per organisation). */
export async function codeTaken(trx: Tx, orgId: string, code: string, exceptId: string | null) {
  let q = trx
    .selectFrom('formative_modules')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The unit's modules in their order. */
export async function unitModuleIds(trx: Tx, orgId: string, unitId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('formative_modules')
    .select('id')
    .where('org_id', '=', orgId)
    .where('unit_id', '=', unitId)
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map((r) => r.id);
}

const values = (v: ModuleInput) => ({
  unit_id: v.unitId,
  code: v.code,
  name_fr: v.nameFr.trim(),
  name_nl: v.nameNl.trim(),
  description_fr: v.descriptionFr?.trim() || null,
  description_nl: v.descriptionNl?.trim() || null,
});

export async function insertModule(trx: Tx, orgId: string, v: ModuleInput, position: number) {
  return trx
    .insertInto('formative_modules')
    .values({ org_id: orgId, ...values(v), position })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateModule(trx: Tx, id: string, v: ModuleInput, position: number) {
  await trx
    .updateTable('formative_modules')
    .set({ ...values(v), position })
    .where('id', '=', id)
    .execute();
}

/** Numbers the modules 1, 2, 3… in the given order; only rows whose place changes are written (audited). */
export async function setPositions(trx: Tx, orgId: string, ids: readonly string[]) {
  const current = await trx
    .selectFrom('formative_modules')
    .select(['id', 'position'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const at = new Map(current.map((r) => [r.id, r.position]));
  for (const [i, id] of ids.entries())
    if (at.get(id) !== i + 1)
      await trx
        .updateTable('formative_modules')
        .set({ position: i + 1 })
        .where('id', '=', id)
        .execute();
}

export async function setRetired(trx: Tx, id: string, retired: boolean) {
  await trx
    .updateTable('formative_modules')
    .set({ retired_at: retired ? sql<string>`coalesce(retired_at, now())` : null })
    .where('id', '=', id)
    .execute();
}

export async function deleteModule(trx: Tx, id: string) {
  await trx.deleteFrom('formative_modules').where('id', '=', id).execute();
}
