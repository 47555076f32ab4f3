import {
  canEditProgramme,
  programmeStatus,
  programmeTotals,
} from '../../../../common/network/programme-rules';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { loadProgramme } from './access';
import { listDocuments } from './documents';
import { listPartners } from './partner-store';
import { isProgrammePartner, listActions, listMilestones, listTerritories } from './structure-store';

/**
 * One programme with its partners, the totals derived from their budgets, its structure (actions,
 * perimeter, milestones: these for its partners only) and its status on `today`.
 */
export async function getProgramme(
  trx: Tx,
  actor: Actor,
  id: string,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.view');
  const row = await loadProgramme(trx, id);
  const partners = await listPartners(trx, row.id);
  // RLS shows milestones to the programme's partners and platform admins; say whether the list is whole.
  const seesMilestones = actor.platformAdmin || (await isProgrammePartner(trx, row.id));
  return {
    id: row.id,
    acronym: row.acronym,
    nameFr: row.nameFr,
    nameNl: row.nameNl,
    fundingProgramme: row.fundingProgramme,
    funds: row.funds,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: programmeStatus(row.startsOn, row.endsOn, today),
    descriptionFr: row.descriptionFr,
    descriptionNl: row.descriptionNl,
    budgetTotal: row.budgetTotal,
    euAmount: row.euAmount,
    placementMinMonths: row.placementMinMonths,
    placementMaxMonths: row.placementMaxMonths,
    lead: row.lead,
    partners,
    totals: programmeTotals(row, partners),
    themes: row.themes,
    interventionCategory: row.interventionCategory,
    website: row.website,
    territories: await listTerritories(trx, row.id),
    actions: await listActions(trx, row.id),
    milestones: seesMilestones ? await listMilestones(trx, row.id) : [],
    documents: seesMilestones ? await listDocuments(trx, row.id) : [],
    seesMilestones,
    canEdit: canEditProgramme(actor, row.orgId),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
