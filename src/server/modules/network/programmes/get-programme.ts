import {
  canEditProgramme,
  programmeStatus,
  programmeTotals,
} from '../../../../common/network/programme-rules';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { loadProgramme } from './access';
import { listPartners } from './partner-store';

/** One programme with its partners and the totals derived from their budgets; its status on `today`. */
export async function getProgramme(
  trx: Tx,
  actor: Actor,
  id: string,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.view');
  const row = await loadProgramme(trx, id);
  const partners = await listPartners(trx, row.id);
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
    canEdit: canEditProgramme(actor, row.orgId),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
