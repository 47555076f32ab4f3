import type { Ok } from '../../../common/kernel/schemas';
import type { VolunteerUpdate } from '../../../common/volunteers/update';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { coordinated, E, W } from './service';
import * as store from './store';

/**
 * The coordinator's edit of a volunteer. Only the coordinating organisation changes the volunteer and the
 * list of organisations it works with (RLS holds the same line, migration 0045); every change is written
 * to the audit log by the tables' triggers. Text is trimmed: the database counts trimmed lengths.
 */
export async function updateVolunteer(trx: Tx, actor: Actor, id: string, body: VolunteerUpdate): Promise<Ok> {
  const v = await coordinated(trx, actor, id);
  const name = body.name.trim();
  if (name.length < 2) throw badRequest(W('name_blank'));
  const wanted = [...new Set(body.organisationIds)].filter((o) => o !== v.org_id);
  const current = await store.organisationIds(trx, id);
  const added = wanted.filter((o) => !current.includes(o));
  const found = await Promise.all(added.map((o) => store.organisationOf(trx, o)));
  if (found.some((o) => o?.status !== 'active')) throw badRequest(E('unknown_organisation'));
  await trx
    .updateTable('volunteers')
    .set({
      name,
      email: body.email.trim().toLowerCase(),
      phone: body.phone?.trim() || null,
      languages: body.languages,
      skills: body.skills,
      availability: body.availability?.trim() || null,
    })
    .where('id', '=', id)
    .execute();
  const removed = current.filter((o) => !wanted.includes(o));
  if (removed.length)
    await trx
      .deleteFrom('volunteer_organisations')
      .where('volunteer_id', '=', id)
      .where('org_id', 'in', removed)
      .execute();
  if (added.length)
    await trx
      .insertInto('volunteer_organisations')
      .values(added.map((org_id) => ({ volunteer_id: id, org_id })))
      .execute();
  return { ok: true };
}

/** A training is removed by the organisation that recorded it (another's is not its to undo). */
export async function removeTraining(trx: Tx, actor: Actor, id: string, trainingId: string): Promise<Ok> {
  requirePermission(actor, 'volunteers.manage');
  const t = (await store.trainings(trx, id)).find((x) => x.id === trainingId);
  if (!t) throw notFound();
  if (t.org_id !== actor.orgId) throw forbidden(W('not_training_recorder'));
  await trx.deleteFrom('volunteer_trainings').where('id', '=', trainingId).execute();
  return { ok: true };
}
