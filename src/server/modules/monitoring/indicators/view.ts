import {
  milestoneStatus,
  percentOf,
  publish,
  publishMilestoneValues,
} from '../../../../common/monitoring/achievement';
import { breakdownsOf, profileOf, publishProfile } from '../../../../common/monitoring/characteristics';
import { isPersonUnit, resolveParams } from '../../../../common/monitoring/rules';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import type { Tx } from '../../../platform/db/context';
import type { IndicatorRule } from '../../../platform/module';
import type * as store from './store';

/** What every indicator of one board shares: the programme, its members, the reader's sight, today. */
export interface BoardContext {
  programme: store.ProgrammeRow;
  memberIds: string[];
  names: Map<string, { nameFr: string; nameNl: string }>;
  actions: Array<{ id: string; code: string }>;
  rules: Map<string, { rule: IndicatorRule }>;
  seesAll: boolean;
  today: string;
  /**
   * Whether to count the breakdowns by sex and age band: they run the rule once more, so the board
   * (every indicator at once) leaves them for when one indicator is opened (GET /api/indicators/:id).
   */
  profiles: boolean;
}

type Milestone = { indicator_id: string; due_on: string; target: number };
type Value = Awaited<ReturnType<typeof store.valuesOf>>[number];

/**
 * One indicator counted now over the programme's period: by its rule (live, from the partners' records)
 * or from its latest manual value; past milestones counted on their own date. Figures of persons are
 * suppressed for readers who see aggregates only (achievement.ts).
 */
export async function indicatorView(
  trx: Tx,
  ctx: BoardContext,
  row: store.IndicatorRow,
  milestones: readonly Milestone[],
  values: readonly Value[],
): Promise<IndicatorView> {
  const period = { from: ctx.programme.starts_on, to: ctx.programme.ends_on };
  const own = milestones.filter((m) => m.indicator_id === row.id);
  const rule = row.rule_code ? ctx.rules.get(row.rule_code)?.rule : undefined;
  const base = {
    id: row.id,
    programmeId: row.programme_id,
    actionId: row.action_id,
    actionCode: ctx.actions.find((a) => a.id === row.action_id)?.code ?? null,
    position: row.position,
    code: row.code,
    euCode: row.eu_code,
    kind: row.kind,
    unit: row.unit,
    labelFr: row.label_fr,
    labelNl: row.label_nl,
    labelEn: row.label_en,
    definitionFr: row.definition_fr,
    definitionNl: row.definition_nl,
    definitionEn: row.definition_en,
    baseline: row.baseline,
    target: row.target,
    ruleCode: row.rule_code,
    ruleLabelKey: rule?.labelKey ?? null,
    ruleDefinitionKey: rule?.definitionKey ?? null,
    period,
    breakdowns: breakdownsOf(row.breakdowns),
  };

  if (rule) {
    const { params } = resolveParams(rule.params, row.rule_params ?? {});
    const scope = { programmeId: row.programme_id, ...period, params };
    const count = await rule.count(trx, scope);
    const shown = publish(count, rule.unit, ctx.memberIds, ctx.seesAll);
    const counted: Array<number | null> = [];
    for (const m of own)
      counted.push(m.due_on <= ctx.today ? (await rule.count(trx, { ...scope, to: m.due_on })).total : null);
    const values = publishMilestoneValues(shown.value, counted, !ctx.seesAll && isPersonUnit(rule.unit));
    // By sex and by age band: declared, and a rule about persons that counts them so.
    const wantsProfile = base.breakdowns.some((k) => k === 'sex' || k === 'age_band');
    const profile =
      wantsProfile && rule.profile && ctx.profiles
        ? publishProfile(profileOf(await rule.profile(trx, scope)), ctx.seesAll, shown.value !== null)
        : null;
    const bySex = base.breakdowns.includes('sex') ? (profile?.bySex ?? []) : [];
    const byAgeBand = base.breakdowns.includes('age_band') ? (profile?.byAgeBand ?? []) : [];
    const ms = own.map((m, i) => ({
      dueOn: m.due_on,
      target: m.target,
      valueAt: values[i] ?? null,
      status: milestoneStatus({ dueOn: m.due_on, target: m.target }, counted[i] ?? null, ctx.today),
    }));
    return {
      ...base,
      params: Object.entries(params).map(([name, value]) => ({
        name,
        kind: rule.params[name]?.kind ?? 'integer',
        value,
      })),
      value: shown.value,
      percent: shown.value === null ? null : percentOf(shown.value, row.target),
      asOf: null,
      milestones: ms,
      byPartner: shown.byPartner.map((p) => ({ ...p, ...nameOf(ctx, p.orgId) })),
      bySex,
      byAgeBand,
      breakdownsDeferred: wantsProfile && !!rule.profile && !ctx.profiles,
      suppressed: shown.suppressed || [...bySex, ...byAgeBand].some((p) => p.n === null),
      values: [],
    };
  }

  // Manual (or a rule no module offers any more: nothing is counted, the page says so).
  const mine = values.filter((v) => v.indicator_id === row.id);
  const latestBy = (day: string) => mine.find((v) => v.as_of <= day) ?? null;
  const latest = row.rule_code ? null : latestBy(period.to);
  return {
    ...base,
    params: [],
    value: latest?.value ?? null,
    percent: latest ? percentOf(latest.value, row.target) : null,
    asOf: latest?.as_of ?? null,
    milestones: own.map((m) => {
      const at = m.due_on <= ctx.today ? (latestBy(m.due_on)?.value ?? null) : null;
      return {
        dueOn: m.due_on,
        target: m.target,
        valueAt: at,
        status: milestoneStatus({ dueOn: m.due_on, target: m.target }, at, ctx.today),
      };
    }),
    byPartner: [],
    bySex: [],
    byAgeBand: [],
    breakdownsDeferred: false,
    suppressed: false,
    values: row.rule_code
      ? []
      : mine.map((v) => ({
          id: v.id,
          value: v.value,
          asOf: v.as_of,
          evidenceUrl: v.evidence_url,
          evidenceNote: v.evidence_note,
          authorUserId: v.author_user_id,
        })),
  };
}

/** Names are filled in by the board for partners outside the programme's list (see withNames). */
const nameOf = (ctx: BoardContext, id: string) => ctx.names.get(id) ?? { nameFr: '', nameNl: '' };
