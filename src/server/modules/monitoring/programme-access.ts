import { type Actor, actorCan } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { notFound } from '../../platform/errors';
import * as programmes from './indicators/store';

/**
 * Who may reach a programme's expenditure and reports: its members (lead and partners) and a platform
 * administrator. Anyone else gets the 404 of a programme that does not exist.
 */
export async function memberProgramme(trx: Tx, programmeId: string, actor: Actor) {
  const programme = await programmes.findProgramme(trx, programmeId);
  if (!programme) throw notFound();
  const memberIds = await programmes.programmeMembers(trx, programme.id, programme.org_id);
  if (!actor.platformAdmin && (!actor.orgId || !memberIds.includes(actor.orgId))) throw notFound();
  return { programme, memberIds };
}

/** The lead's coordinator (or a platform administrator): reviews, reports, re-opens. */
export const isLead = (actor: Actor, leadOrgId: string) =>
  actorCan(actor, 'programme.monitor') && (actor.platformAdmin || actor.orgId === leadOrgId);
