import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { actionRuleErrors, milestoneRuleErrors } from '../../../../common/network/programme-structure-rules';
import type {
  ActionsBody,
  MilestonesBody,
  PerimeterBody,
} from '../../../../common/network/programme-structure-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { loadEditable, text } from './access';
import { getProgramme } from './get-programme';
import {
  applyActions,
  applyMilestones,
  applyTerritories,
  listActions,
  listMilestones,
  touchProgramme,
  unknownTerritories,
} from './structure-store';

/**
 * The lead's changes to a programme's structure, each list replaced at once in one transaction. Only the
 * lead organisation (or a platform admin) gets here (loadEditable); RLS refuses the others anyway.
 */

export async function replaceActions(
  trx: Tx,
  actor: Actor,
  id: string,
  body: ActionsBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const wanted = body.actions.map((a) => ({
    id: a.id?.toLowerCase(),
    code: a.code.trim(),
    kind: a.kind,
    titleFr: a.titleFr.trim(),
    titleNl: a.titleNl.trim(),
    titleEn: text(a.titleEn) ?? null,
    defaultFor: a.defaultFor ?? [],
  }));
  const current = await listActions(trx, row.id);
  const errors = actionRuleErrors(wanted, current);
  if (errors.length) throw validationFailed(errors);
  await applyActions(trx, row.id, row.orgId, wanted);
  await touchProgramme(trx, row.id);
  return getProgramme(trx, actor, row.id, today);
}

export async function replaceMilestones(
  trx: Tx,
  actor: Actor,
  id: string,
  body: MilestonesBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const wanted = body.milestones.map((m) => ({
    id: m.id?.toLowerCase(),
    occursOn: m.occursOn,
    labelFr: m.labelFr.trim(),
    labelNl: m.labelNl.trim(),
    labelEn: text(m.labelEn) ?? null,
    note: text(m.note) ?? null,
  }));
  const current = new Set((await listMilestones(trx, row.id)).map((m) => m.id));
  const errors = milestoneRuleErrors(wanted, current);
  if (errors.length) throw validationFailed(errors);
  await applyMilestones(trx, row.id, row.orgId, wanted);
  await touchProgramme(trx, row.id);
  return getProgramme(trx, actor, row.id, today);
}

export async function replacePerimeter(
  trx: Tx,
  actor: Actor,
  id: string,
  body: PerimeterBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const unknown = await unknownTerritories(trx, body.codes);
  if (unknown.size)
    throw validationFailed(
      body.codes.flatMap((c, i) =>
        unknown.has(c) ? [{ path: `codes.${i}`, code: 'network.programmes.errors.territory_unknown' }] : [],
      ),
    );
  await applyTerritories(trx, row.id, row.orgId, body.codes);
  await touchProgramme(trx, row.id);
  return getProgramme(trx, actor, row.id, today);
}
