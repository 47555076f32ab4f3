import { percentOf } from '../../../../common/monitoring/achievement';
import { absorption } from '../../../../common/monitoring/expenditure-absorption';
import {
  dayBefore,
  exactFigures,
  type PeriodFigures,
  partnerCategoryTable,
  periodFigures,
} from '../../../../common/monitoring/report-figures';
import type { ReportFigures, ReportIndicator } from '../../../../common/monitoring/report-schemas';
import { type IndicatorCount, resolveParams } from '../../../../common/monitoring/rules';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import * as budgets from '../budgets/store';
import * as expenditure from '../expenditure/store';
import { ruleRegistry } from '../indicators/registry';
import * as indicators from '../indicators/store';
import * as store from './store';

/**
 * The figures of a report period, taken now from the partners' records (ADR 0019): every indicator
 * counted by its rule to the day before the period and to its last day, manual ones at their latest
 * value by those days; the expenditure of the period and in total against the budget in force. Only
 * aggregates, suppressed as a partner sees them: a snapshot is read by every partner of the programme.
 */
export async function takeSnapshot(
  trx: Tx,
  deps: Pick<Deps, 'modules'>,
  report: Pick<store.ReportRow, 'programme_id' | 'period' | 'starts_on' | 'ends_on'>,
): Promise<Snapshot> {
  const programme = await indicators.findProgramme(trx, report.programme_id);
  if (!programme) throw new Error('report without its programme');
  const memberIds = await indicators.programmeMembers(trx, programme.id, programme.org_id);
  const names = await indicators.organisationNames(trx, memberIds);
  const actions = await store.reportActions(trx, programme.id);
  const rows = await indicators.listIndicators(trx, programme.id);
  const ids = rows.map((r) => r.id);
  const milestones = await indicators.milestonesOf(trx, ids);
  const values = await indicators.valuesOf(trx, ids);
  const rules = ruleRegistry(deps.modules);
  const from = programme.starts_on;
  // A period starting before the programme counts nothing before it.
  const before = report.starts_on > from ? dayBefore(report.starts_on) : null;
  const to = report.ends_on;

  const items: ReportIndicator[] = [];
  const exact: ReportIndicator[] = [];
  for (const row of rows) {
    const rule = row.rule_code ? rules.get(row.rule_code)?.rule : undefined;
    const base = {
      code: row.code,
      euCode: row.eu_code,
      kind: row.kind,
      unit: row.unit,
      actionCode: actions.find((a) => a.id === row.action_id)?.code ?? null,
      labelFr: row.label_fr,
      labelNl: row.label_nl,
      labelEn: row.label_en,
      definitionFr: row.definition_fr,
      definitionNl: row.definition_nl,
      definitionEn: row.definition_en,
      ruleCode: row.rule_code,
      ruleLabelKey: rule?.labelKey ?? null,
      ruleDefinitionKey: rule?.definitionKey ?? null,
      baseline: row.baseline,
      target: row.target,
      milestones: milestones
        .filter((m) => m.indicator_id === row.id)
        .map((m) => ({ dueOn: m.due_on, target: m.target })),
    };
    if (rule) {
      const { params } = resolveParams(rule.params, row.rule_params ?? {});
      const scope = { programmeId: programme.id, from, to, params };
      const cumulative = await rule.count(trx, scope);
      const previous: IndicatorCount | null = before ? await rule.count(trx, { ...scope, to: before }) : null;
      const shown = (f: PeriodFigures): ReportIndicator => ({
        ...base,
        params: Object.entries(params).map(([name, value]) => ({ name, value })),
        ...f,
        percent: f.cumulative === null ? null : percentOf(f.cumulative, row.target),
        asOf: null,
      });
      items.push(shown(periodFigures(cumulative, previous, rule.unit, memberIds)));
      exact.push(shown(exactFigures(cumulative, previous, memberIds)));
      continue;
    }
    // Manual: the latest value typed by each day (values are newest first).
    const mine = values.filter((v) => v.indicator_id === row.id);
    const at = (day: string | null) => (day ? (mine.find((v) => v.as_of <= day) ?? null) : null);
    const end = at(to);
    const start = at(before);
    const cumulative = end?.value ?? null;
    const previous = before ? (start?.value ?? 0) : 0;
    const manual: ReportIndicator = {
      ...base,
      params: [],
      previous: cumulative === null ? null : previous,
      thisPeriod: cumulative === null ? null : cumulative - previous,
      cumulative,
      percent: cumulative === null ? null : percentOf(cumulative, row.target),
      byPartner: [],
      asOf: end?.as_of ?? null,
      suppressed: false,
    };
    items.push(manual);
    exact.push(manual);
  }

  const latest = (await budgets.listVersions(trx, programme.id))[0];
  const lines = latest ? (await budgets.versionContent(trx, latest.id)).lines : [];
  const all = await expenditure.programmeTotals(trx, programme.id);
  const period = await store.periodTotals(trx, programme.id, report.period);
  const declared = new Set(await store.declarants(trx, programme.id, report.period));
  const published: ReportFigures = {
    programme: {
      acronym: programme.acronym ?? '',
      nameFr: programme.name_fr,
      nameNl: programme.name_nl,
      startsOn: programme.starts_on,
      endsOn: programme.ends_on,
      leadOrgId: programme.org_id,
    },
    period: { label: report.period, from: report.starts_on, to: report.ends_on },
    actions,
    partners: memberIds.map((orgId) => ({
      orgId,
      ...(names.get(orgId) ?? { nameFr: '', nameNl: '' }),
    })),
    indicators: items,
    expenditure: {
      absorption: absorption(latest?.number ?? null, lines, all),
      byPartnerCategory: partnerCategoryTable(lines, all, period, memberIds),
      missingDeclarations: memberIds.filter((id) => !declared.has(id)),
    },
  };
  return { published, exact: { ...published, indicators: exact } };
}

/** A version's figures: as every partner reads them, and exact for the lead (ADR 0019). */
export interface Snapshot {
  published: ReportFigures;
  exact: ReportFigures;
}
