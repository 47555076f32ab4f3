import { sql } from 'kysely';
import type { ActionStatus, ObjectiveStatus } from '../../../../common/people/pathway-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of the plan of a pathway: objectives and their actions (notes, mobility: store-notes.ts). */

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

export async function objectivesOf(trx: Tx, pathwayId: string): Promise<ObjectiveRow[]> {
  const rows = await trx
    .selectFrom('pathway_objectives')
    .select(['id', 'org_id', 'pathway_id', 'title', 'status', 'due_on'])
    .where('pathway_id', '=', pathwayId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
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
  v: { orgId: string; pathwayId: string; title: string; dueOn: string | null },
): Promise<string> {
  const r = await trx
    .insertInto('pathway_objectives')
    .values({ org_id: v.orgId, pathway_id: v.pathwayId, title: v.title, due_on: v.dueOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateObjective(
  trx: Tx,
  id: string,
  v: { title: string; status: ObjectiveStatus; dueOn: string | null },
): Promise<void> {
  await trx
    .updateTable('pathway_objectives')
    .set({ title: v.title, status: v.status, due_on: v.dueOn, updated_at: sql`now()` })
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

export async function actionsOf(trx: Tx, pathwayId: string): Promise<ActionRow[]> {
  const rows = await actionQuery(trx)
    .where('o.pathway_id', '=', pathwayId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toAction);
}

export async function findAction(trx: Tx, id: string): Promise<ActionRow | null> {
  const r = await actionQuery(trx).where('a.id', '=', id).executeTakeFirst();
  return r ? toAction(r) : null;
}

export async function insertAction(
  trx: Tx,
  v: { orgId: string; objectiveId: string; title: string; dueOn: string | null },
): Promise<string> {
  const r = await trx
    .insertInto('pathway_actions')
    .values({ org_id: v.orgId, objective_id: v.objectiveId, title: v.title, due_on: v.dueOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAction(
  trx: Tx,
  id: string,
  v: { title: string; status: ActionStatus; dueOn: string | null; doneOn: string | null },
): Promise<void> {
  await trx
    .updateTable('pathway_actions')
    .set({ title: v.title, status: v.status, due_on: v.dueOn, done_on: v.doneOn, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteAction(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('pathway_actions').where('id', '=', id).execute();
}
