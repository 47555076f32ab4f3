import type { Permission } from '../../../../common/access/permissions';
import type { Side } from '../../../../common/placements/agreement-workflow';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';

export type PlacementRow = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

export async function findPlacement(trx: Tx, id: string) {
  // RLS: only the home centre and the host organisation see the row.
  return trx.selectFrom('placements').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PlacementAccess {
  row: PlacementRow;
  /** The side the actor acts for: the person's home centre or the host organisation. */
  side: Side;
}

/**
 * The agreement as this actor may reach it, and the side they act for. Unknown ids and agreements of
 * other organisations are both answered 404 (RLS hides the latter). A tutor of the host sees only the
 * agreements they tutor.
 */
export async function placementForActor(
  trx: Tx,
  actor: Actor,
  id: string,
  permission: Permission = 'placement.view',
): Promise<PlacementAccess> {
  requirePermission(actor, permission);
  const row = await findPlacement(trx, id);
  if (!row || !actor.orgId) throw notFound('placements.agreements.errors.not_found');
  const side: Side = row.org_id === actor.orgId ? 'home' : 'host';
  if (side === 'host' && isTutorOnly(actor) && row.tutor_user_id !== actor.userId)
    throw notFound('placements.agreements.errors.not_found');
  return { row, side };
}

/** A tutor without a wider role sees only their own tutees' agreements. */
export const isTutorOnly = (actor: Actor) =>
  actor.roles.includes('tutor') &&
  !actor.roles.some((r) => r === 'coordinator' || r === 'org_admin' || r === 'referent');

export function assertSide(access: PlacementAccess, side: Side): void {
  if (access.side !== side) throw forbidden('placements.agreements.errors.wrong_side');
}
