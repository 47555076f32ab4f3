import { breakdownsOf } from '../../../../common/monitoring/characteristics';
import { resolveParams } from '../../../../common/monitoring/rules';
import type { IndicatorInput, IndicatorView, ManualValueInput } from '../../../../common/monitoring/schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { boardContext, viewsOf } from './board';
import * as store from './store';

/**
 * The lead organisation's coordinator defines a programme's indicators and types the values of manual
 * ones. A rule must be one a module offers, with parameters its specs accept; a manual indicator has no
 * parameters; milestones fall within the programme's period, one per day; the action is the programme's.
 */
async function leadContext(trx: Tx, deps: Deps, actor: Actor, programmeId: string) {
  requirePermission(actor, 'programme.monitor');
  const ctx = await boardContext(trx, deps, actor, programmeId);
  if (!ctx.seesAll) throw forbidden('monitoring.indicators.errors.not_lead');
  return ctx;
}

const err = (path: string, code: string): FieldError => ({
  path,
  code: `monitoring.indicators.errors.${code}`,
});

/** The body with its empty choices as null (the validator may turn a null string into ""). */
const normalised = (b: IndicatorInput): IndicatorInput => ({
  ...b,
  ruleCode: b.ruleCode?.trim() || null,
  actionId: b.actionId || null,
  euCode: b.euCode || null,
});

function checkInput(ctx: Awaited<ReturnType<typeof leadContext>>, b: IndicatorInput) {
  const problems: FieldError[] = [];
  let params = {};
  if (b.ruleCode) {
    const rule = ctx.rules.get(b.ruleCode)?.rule;
    if (!rule) problems.push(err('ruleCode', 'rule_unknown'));
    else {
      const r = resolveParams(rule.params, b.ruleParams ?? {});
      problems.push(...r.problems);
      params = r.params;
      if (rule.unit !== b.unit) problems.push(err('unit', 'unit_rule'));
    }
  } else if (b.ruleParams && Object.keys(b.ruleParams).length > 0)
    problems.push(err('ruleParams', 'params_manual'));
  // By sex and by age band: only a rule about persons that counts them so (a manual value has no persons).
  const profiled = b.ruleCode ? ctx.rules.get(b.ruleCode)?.rule.profile !== undefined : false;
  if (!profiled && (b.breakdowns ?? []).some((k) => k !== 'partner'))
    problems.push(err('breakdowns', 'breakdown_unavailable'));
  if (b.actionId && !ctx.actions.some((a) => a.id === b.actionId))
    problems.push(err('actionId', 'action_other'));
  const days = new Set<string>();
  (b.milestones ?? []).forEach((m, i) => {
    if (m.dueOn < ctx.programme.starts_on || m.dueOn > ctx.programme.ends_on)
      problems.push(err(`milestones.${i}.dueOn`, 'milestone_period'));
    if (days.has(m.dueOn)) problems.push(err(`milestones.${i}.dueOn`, 'milestone_twice'));
    days.add(m.dueOn);
  });
  if (problems.length) throw validationFailed(problems);
  return params;
}

async function viewOne(
  trx: Tx,
  ctx: Awaited<ReturnType<typeof leadContext>>,
  id: string,
): Promise<IndicatorView> {
  const row = await store.findIndicator(trx, id);
  if (!row) throw notFound();
  const [view] = await viewsOf(trx, ctx, [row]);
  return view as IndicatorView;
}

export async function createIndicator(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  programmeId: string,
  body: IndicatorInput,
): Promise<IndicatorView> {
  const ctx = await leadContext(trx, deps, actor, programmeId);
  const b = normalised(body);
  const params = checkInput(ctx, b);
  const id = await store.insertIndicator(trx, ctx.programme, b, params);
  return viewOne(trx, ctx, id);
}

export async function updateIndicator(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  id: string,
  body: IndicatorInput,
): Promise<IndicatorView> {
  requirePermission(actor, 'programme.monitor');
  const row = await store.findIndicator(trx, id);
  if (!row) throw notFound();
  const ctx = await leadContext(trx, deps, actor, row.programme_id);
  const b = normalised(body);
  // Not given: the breakdowns stay, less those the (new) rule cannot count.
  if (!b.breakdowns) {
    const profiled = b.ruleCode ? ctx.rules.get(b.ruleCode)?.rule.profile !== undefined : false;
    b.breakdowns = breakdownsOf(row.breakdowns).filter((k) => k === 'partner' || profiled);
  }
  const params = checkInput(ctx, b);
  await store.updateIndicator(trx, row, b, params);
  return viewOne(trx, ctx, id);
}

export async function addManualValue(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  id: string,
  v: ManualValueInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'programme.monitor');
  const row = await store.findIndicator(trx, id);
  if (!row) throw notFound();
  await leadContext(trx, deps, actor, row.programme_id);
  if (row.rule_code) throw conflict('monitoring.indicators.errors.not_manual');
  const problems: FieldError[] = [];
  const url = v.evidenceUrl?.trim();
  if (!url && !v.evidenceNote?.trim()) problems.push(err('evidenceUrl', 'evidence_required'));
  if (url && !/^https?:\/\/\S+$/.test(url)) problems.push(err('evidenceUrl', 'evidence_url'));
  if (v.evidenceNote?.trim() && v.evidenceNote.trim().length < 2)
    problems.push(err('evidenceNote', 'evidence_note'));
  if (v.asOf > deps.clock.today()) problems.push(err('asOf', 'value_future'));
  if (problems.length) throw validationFailed(problems);
  return store.insertValue(trx, row, v, actor.userId);
}
