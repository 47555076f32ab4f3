import { programmeRuleErrors } from '../../../../common/network/programme-rules';
import type { ProgrammeCreateBody, ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { websiteError } from '../../../../common/network/programme-structure-rules';
import { DEFAULT_DURATION } from '../../../../common/placements/dates';
import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { text } from './access';
import { getProgramme } from './get-programme';
import { organisationsStatus } from './partner-store';
import { insertProgramme } from './store';

/**
 * Creates a programme led by the actor's organisation (a platform admin may name another lead). The lead
 * becomes the first partner, so the partner list always has exactly one lead.
 */
export async function createProgramme(
  trx: Tx,
  actor: Actor,
  body: ProgrammeCreateBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.create');
  const errors: FieldError[] = [];
  let lead = actor.orgId;
  if (body.leadOrgId && body.leadOrgId !== actor.orgId) {
    if (actor.platformAdmin) lead = body.leadOrgId;
    else errors.push({ path: 'leadOrgId', code: 'network.programmes.errors.lead_org_not_allowed' });
  }
  if (!lead) errors.push({ path: 'leadOrgId', code: 'validation.required' });
  else if (!errors.length) {
    const status = (await organisationsStatus(trx, [lead])).get(lead);
    if (status !== 'active')
      errors.push({
        path: 'leadOrgId',
        code: status ? 'network.programmes.errors.org_closed' : 'network.programmes.errors.org_unknown',
      });
  }
  const values = {
    acronym: text(body.acronym) ?? null,
    nameFr: body.nameFr.trim(),
    nameNl: body.nameNl.trim(),
    fundingProgramme: text(body.fundingProgramme) ?? null,
    funds: body.funds,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    descriptionFr: text(body.descriptionFr) ?? null,
    descriptionNl: text(body.descriptionNl) ?? null,
    budgetTotal: body.budgetTotal ?? null,
    euAmount: body.euAmount ?? null,
    // Written out even when not given, so the limits checked are the limits stored.
    placementMinMonths: body.placementMinMonths ?? DEFAULT_DURATION.minMonths,
    placementMaxMonths: body.placementMaxMonths ?? DEFAULT_DURATION.maxMonths,
    themes: body.themes ?? [],
    interventionCategory: text(body.interventionCategory) ?? null,
    website: text(body.website) ?? null,
  };
  errors.push(...programmeRuleErrors(values));
  const web = websiteError(values.website);
  if (web) errors.push({ path: 'website', code: web });
  if (errors.length || !lead) throw validationFailed(errors);
  const id = await insertProgramme(trx, lead, values);
  return getProgramme(trx, actor, id, today);
}
