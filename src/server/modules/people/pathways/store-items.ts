import { sql } from 'kysely';
import type { ActionStatus, ObjectiveStatus } from '../../../../common/people/pathway-schemas';
import type { Tx } from '../../../platform/db/context';
import { fieldCipher, type MasterKeys, openOwnColumns } from '../../../platform/keys/field-cipher';

/**
 * SQL of the plan of a pathway: objectives and their actions (notes, mobility: store-notes.ts). Their titles
 * are sealed with the organisation's key (migration 0080): written sealed, read opened by the lists here; the
 * single-row reads (access checks) keep them sealed.
 */
const OBJECTIVE = 'pathway_objectives.title' as const;
const ACTION = 'pathway_actions.title' as const;
const sealed = async (trx: Tx, masters: MasterKeys, field: typeof OBJECTIVE | typeof ACTION, title: string) =>
  (await fieldCipher(trx, masters)).seal(field, title);

export interface ObjectiveRow {
  id: string;
  orgId: string;
  pathwayId: string;
  title: string;
  status: ObjectiveStatus;
  dueOn: string | null;
}

export interface ActionRow {
  id: string;
  orgId: string;
  objectiveId: string;
  pathwayId: string;
  title: string;
  status: ActionStatus;
  dueOn: string | null;
  doneOn: string | null;
}

export async function objectivesOf(trx: Tx, masters: MasterKeys, pathwayId: string): Promise<ObjectiveRow[]> {
  const rows = await trx
    .selectFrom('pathway_objectives')
    .select(['id', 'org_id', 'pathway_id', 'title', 'status', 'due_on'])
    .where('pathway_id', '=', pathwayId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return (await openOwnColumns(trx, masters, rows, ['title', OBJECTIVE])).map((r) => ({
    id: r.id,
    orgId: r.org_id,
    pathwayId: r.pathway_id,
    title: r.title,
    status: r.status as ObjectiveStatus,
    dueOn: r.due_on,
  }));
}

export async function findObjective(trx: Tx, id: string): Promise<ObjectiveRow | null> {
  const r = await trx
    .selectFrom('pathway_objectives')
    .select(['id', 'org_id', 'pathway_id', 'title', 'status', 'due_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        orgId: r.org_id,
        pathwayId: r.pathway_id,
        title: r.title,
        status: r.status as ObjectiveStatus,
        dueOn: r.due_on,
      }
    : null;
}

export async function insertObjective(
  trx: Tx,
  masters: MasterKeys,
  v: { orgId: string; pathwayId: string; title: string; dueOn: string | null },
): Promise<string> {
  const title = await sealed(trx, masters, OBJECTIVE, v.title);
  const r = await trx
    .insertInto('pathway_objectives')
    .values({ org_id: v.orgId, pathway_id: v.pathwayId, title, due_on: v.dueOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** `title` is a new text to seal, or undefined to keep the stored one. */
export async function updateObjective(
  trx: Tx,
  masters: MasterKeys,
  id: string,
  v: { title: string | undefined; status: ObjectiveStatus; dueOn: string | null },
): Promise<void> {
  const title = v.title === undefined ? {} : { title: await sealed(trx, masters, OBJECTIVE, v.title) };
  await trx
    .updateTable('pathway_objectives')
    .set({ ...title, status: v.status, due_on: v.dueOn, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteObjective(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('pathway_objectives').where('id', '=', id).execute();
}

const actionQuery = (trx: Tx) =>
  trx
    .selectFrom('pathway_actions as a')
    .innerJoin('pathway_objectives as o', 'o.id', 'a.objective_id')
    .select([
      'a.id',
      'a.org_id',
      'a.objective_id',
      'o.pathway_id',
      'a.title',
      'a.status',
      'a.due_on',
      'a.done_on',
    ]);

const toAction = (r: {
  id: string;
  org_id: string;
  objective_id: string;
  pathway_id: string;
  title: string;
  status: string;
  due_on: string | null;
  done_on: string | null;
}): ActionRow => ({
  id: r.id,
  orgId: r.org_id,
  objectiveId: r.objective_id,
  pathwayId: r.pathway_id,
  title: r.title,
  status: r.status as ActionStatus,
  dueOn: r.due_on,
  doneOn: r.done_on,
});

export async function actionsOf(trx: Tx, masters: MasterKeys, pathwayId: string): Promise<ActionRow[]> {
  const rows = await actionQuery(trx)
    .where('o.pathway_id', '=', pathwayId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return (await openOwnColumns(trx, masters, rows, ['title', ACTION])).map(toAction);
}

export async function findAction(trx: Tx, id: string): Promise<ActionRow | null> {
  const r = await actionQuery(trx).where('a.id', '=', id).executeTakeFirst();
  return r ? toAction(r) : null;
}

export async function insertAction(
  trx: Tx,
  masters: MasterKeys,
  v: { orgId: string; objectiveId: string; title: string; dueOn: string | null },
): Promise<string> {
  const title = await sealed(trx, masters, ACTION, v.title);
  const r = await trx
    .insertInto('pathway_actions')
    .values({ org_id: v.orgId, objective_id: v.objectiveId, title, due_on: v.dueOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** `title` is a new text to seal, or undefined to keep the stored one. */
export async function updateAction(
  trx: Tx,
  masters: MasterKeys,
  id: string,
  v: { title: string | undefined; status: ActionStatus; dueOn: string | null; doneOn: string | null },
): Promise<void> {
  const title = v.title === undefined ? {} : { title: await sealed(trx, masters, ACTION, v.title) };
  await trx
    .updateTable('pathway_actions')
    .set({ ...title, status: v.status, due_on: v.dueOn, done_on: v.doneOn, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteAction(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('pathway_actions').where('id', '=', id).execute();
}
