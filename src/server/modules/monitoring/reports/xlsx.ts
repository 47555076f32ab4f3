import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../../common/export/cells';
import type { Language } from '../../../../common/i18n/locales';
import type { ReportFigures } from '../../../../common/monitoring/report-schemas';
import type { Shown } from '../../../../common/monitoring/suppression';
import { sheetName } from '../../../platform/xlsx';
import { categoryWord, explanation, orgName, pick, unitWord, w } from './words';

/**
 * A report's figures as a workbook laid out like a programme's reporting tables, to be copied into the
 * programme's monitoring system: one sheet of indicators (previous, this period, cumulative, target) and
 * one of expenditure per partner and category. Numbers and amounts are typed; a hidden count is the word
 * that says so; every text is neutralised so that no cell becomes a formula.
 */
export async function renderReportXlsx(language: Language, f: ReportFigures): Promise<Buffer> {
  const l = language;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'samen';
  const text = (s: string) => neutraliseCell(s);
  const count = (n: Shown, manual: boolean) => (n === null ? text(w(l, manual ? 'no_value' : 'hidden')) : n);

  const ind = wb.addWorksheet(sheetName(w(l, 'xlsx.indicators')), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ind.columns = [
    { key: 'code', header: text(w(l, 'col.code')), width: 12 },
    { key: 'eu', header: text(w(l, 'col.eu_code')), width: 10 },
    { key: 'action', header: text(w(l, 'col.action')), width: 8 },
    { key: 'label', header: text(w(l, 'col.indicator')), width: 50 },
    { key: 'unit', header: text(w(l, 'col.unit')), width: 16 },
    { key: 'baseline', header: text(w(l, 'col.baseline')), width: 10 },
    { key: 'previous', header: text(w(l, 'col.previous')), width: 12 },
    { key: 'period', header: text(w(l, 'col.this_period')), width: 12 },
    { key: 'cumulative', header: text(w(l, 'col.cumulative')), width: 12 },
    { key: 'target', header: text(w(l, 'col.target')), width: 10 },
    { key: 'percent', header: text(w(l, 'col.percent')), width: 10, style: { numFmt: '0.0%' } },
    { key: 'how', header: text(w(l, 'col.how_counted')), width: 80 },
  ];
  ind.getRow(1).font = { bold: true };
  for (const i of f.indicators)
    ind.addRow({
      code: text(i.code),
      eu: i.euCode ? text(i.euCode) : null,
      action: i.actionCode ? text(i.actionCode) : null,
      label: text(pick(l, i.labelFr, i.labelNl, i.labelEn)),
      unit: text(unitWord(l, i.unit)),
      baseline: i.baseline,
      previous: count(i.previous, i.ruleCode === null),
      period: count(i.thisPeriod, i.ruleCode === null),
      cumulative: count(i.cumulative, i.ruleCode === null),
      target: i.target,
      percent: i.percent === null ? null : i.percent / 100,
      how: text(explanation(l, i)),
    });

  const exp = wb.addWorksheet(sheetName(w(l, 'xlsx.expenditure')), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const amount = { numFmt: '#,##0.00' };
  exp.columns = [
    { key: 'partner', header: text(w(l, 'col.partner')), width: 36 },
    { key: 'category', header: text(w(l, 'col.category')), width: 28 },
    { key: 'budget', header: text(w(l, 'col.budget')), width: 16, style: amount },
    { key: 'dp', header: text(w(l, 'col.declared_period')), width: 16, style: amount },
    { key: 'ap', header: text(w(l, 'col.accepted_period')), width: 16, style: amount },
    { key: 'dc', header: text(w(l, 'col.declared_cumulative')), width: 16, style: amount },
    { key: 'ac', header: text(w(l, 'col.accepted_cumulative')), width: 16, style: amount },
    { key: 'abs', header: text(w(l, 'col.absorption')), width: 12, style: { numFmt: '0.0%' } },
  ];
  exp.getRow(1).font = { bold: true };
  for (const r of f.expenditure.byPartnerCategory)
    exp.addRow({
      partner: text(orgName(f, l, r.orgId)),
      category: text(categoryWord(l, r.category)),
      budget: Number(r.budget),
      dp: Number(r.declaredPeriod),
      ap: Number(r.acceptedPeriod),
      dc: Number(r.declaredCumulative),
      ac: Number(r.acceptedCumulative),
      abs: r.absorptionBp === null ? null : r.absorptionBp / 10_000,
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
