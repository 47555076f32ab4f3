import { programmeRuleErrors } from '../../../../common/network/programme-rules';
import type { ProgrammeDetail, ProgrammePatchBody } from '../../../../common/network/programme-schemas';
import { websiteError } from '../../../../common/network/programme-structure-rules';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { loadEditable, text } from './access';
import { getProgramme } from './get-programme';
import { updateProgramme as update } from './store';

/** Changes the given fields of a programme its lead organisation owns; the rules hold on the result. */
export async function updateProgramme(
  trx: Tx,
  actor: Actor,
  id: string,
  body: ProgrammePatchBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const change = {
    acronym: text(body.acronym),
    nameFr: body.nameFr?.trim(),
    nameNl: body.nameNl?.trim(),
    fundingProgramme: text(body.fundingProgramme),
    funds: body.funds,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    descriptionFr: text(body.descriptionFr),
    descriptionNl: text(body.descriptionNl),
    budgetTotal: body.budgetTotal,
    euAmount: body.euAmount,
    placementMinMonths: body.placementMinMonths,
    placementMaxMonths: body.placementMaxMonths,
    themes: body.themes,
    interventionCategory: text(body.interventionCategory),
    website: text(body.website),
  };
  const pick = <K extends keyof typeof change & keyof typeof row>(k: K) =>
    change[k] === undefined ? row[k] : change[k];
  const errors = programmeRuleErrors({
    nameFr: pick('nameFr'),
    nameNl: pick('nameNl'),
    startsOn: pick('startsOn'),
    endsOn: pick('endsOn'),
    budgetTotal: pick('budgetTotal'),
    euAmount: pick('euAmount'),
    placementMinMonths: pick('placementMinMonths'),
    placementMaxMonths: pick('placementMaxMonths'),
  });
  const web = websiteError(change.website);
  if (web) errors.push({ path: 'website', code: web });
  if (errors.length) throw validationFailed(errors);
  await update(trx, row.id, change);
  return getProgramme(trx, actor, row.id, today);
}
