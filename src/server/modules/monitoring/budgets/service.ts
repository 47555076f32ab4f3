import type { BudgetVersionInput, BudgetView } from '../../../../common/monitoring/budget-schemas';
import { budgetTotals, checkBudget } from '../../../../common/monitoring/budget-totals';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as programmes from '../indicators/store';
import * as store from './store';

/**
 * A programme's budget: every signed-in member with `indicators.view` reads every version (budgets of
 * public bodies are public inside the partnership, like the partners' totals on the programme page);
 * the lead organisation's coordinator (`programme.monitor`) adds a version, complete, with its reason and
 * source. Totals are computed here from the lines, never stored.
 */

async function programmeContext(trx: Tx, programmeId: string) {
  const programme = await programmes.findProgramme(trx, programmeId);
  if (!programme) throw notFound();
  const memberIds = await programmes.programmeMembers(trx, programme.id, programme.org_id);
  const actions = await programmes.programmeActions(trx, programme.id);
  return { programme, memberIds, actions };
}

const mayEdit = (actor: Actor, leadOrgId: string) =>
  actorCan(actor, 'programme.monitor') && (actor.platformAdmin || actor.orgId === leadOrgId);

export async function viewBudget(
  trx: Tx,
  actor: Actor,
  programmeId: string,
  number: number | undefined,
): Promise<BudgetView> {
  requirePermission(actor, 'indicators.view');
  const { programme, memberIds, actions } = await programmeContext(trx, programmeId);
  const versions = await store.listVersions(trx, programme.id);
  const shown = number === undefined ? versions[0] : versions.find((v) => v.number === number);
  if (number !== undefined && !shown) throw notFound();
  const content = shown ? await store.versionContent(trx, shown.id) : null;
  const names = await programmes.organisationNames(trx, [
    ...memberIds,
    ...(content?.lines.map((l) => l.partnerOrgId) ?? []),
  ]);
  return {
    programme: {
      id: programme.id,
      acronym: programme.acronym ?? '',
      nameFr: programme.name_fr,
      nameNl: programme.name_nl,
      leadOrgId: programme.org_id,
    },
    partners: [...names].map(([orgId, n]) => ({ orgId, ...n })),
    actions,
    versions,
    version: shown && content ? { ...shown, ...content } : null,
    totals: content ? budgetTotals(content) : null,
    canEdit: mayEdit(actor, programme.org_id),
  };
}

export async function createVersion(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  programmeId: string,
  body: BudgetVersionInput,
): Promise<{ id: string; number: number }> {
  requirePermission(actor, 'programme.monitor');
  const { programme, memberIds, actions } = await programmeContext(trx, programmeId);
  if (!mayEdit(actor, programme.org_id)) throw forbidden('monitoring.budgets.errors.not_lead');
  const problems = checkBudget(body, { memberIds, actionIds: actions.map((a) => a.id) });
  if (!body.reason.trim()) problems.push({ path: 'reason', code: 'validation.required' });
  if (!body.source.trim()) problems.push({ path: 'source', code: 'validation.required' });
  if (body.datedOn > deps.clock.today())
    problems.push({ path: 'datedOn', code: 'monitoring.budgets.errors.dated_future' });
  if (problems.length) throw validationFailed(problems);
  return store.insertVersion(trx, programme, body, actor.userId);
}
