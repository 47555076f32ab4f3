import type { Tx } from '../../platform/db/context';
import './tables';

/**
 * The assignments to an initiative as the caller may see them (RLS, migration 0045: its own
 * organisation's, and every one of the volunteers it coordinates), with the volunteer's name. The
 * initiatives module shows them on the initiative's page for the network; the public page shows none.
 */
export interface InitiativeAssignment {
  id: string;
  volunteerId: string;
  volunteerName: string;
  orgId: string;
  orgNameFr: string;
  orgNameNl: string;
  assignedOn: string;
  hours: number;
}

export async function listAssignmentsForInitiative(
  trx: Tx,
  initiativeId: string,
): Promise<InitiativeAssignment[]> {
  const rows = await trx
    .selectFrom('volunteer_assignments as a')
    .innerJoin('volunteers as v', 'v.id', 'a.volunteer_id')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.volunteer_id',
      'v.name',
      'a.org_id',
      'o.name_fr',
      'o.name_nl',
      'a.assigned_on',
      'a.hours',
    ])
    .where('a.initiative_id', '=', initiativeId)
    .orderBy('a.assigned_on', 'desc')
    .orderBy('v.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: r.name,
    orgId: r.org_id,
    orgNameFr: r.name_fr,
    orgNameNl: r.name_nl,
    assignedOn: r.assigned_on,
    hours: Number(r.hours),
  }));
}
