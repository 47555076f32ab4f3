import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../common/export/cells';
import type { Language } from '../../../common/i18n/locales';
import type { IndicatorMapQuery, IndicatorMapView } from '../../../common/observatory/map-schemas';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { t } from '../../platform/i18n';
import { sheetName } from '../../platform/xlsx';
import { indicatorMapView } from './map';

/**
 * An indicator's table as an XLSX workbook: the figures typed (a spreadsheet sums and sorts them), hidden
 * cells empty with their status, then what every export carries (indicator, period, sources, vintages,
 * comparability, caveat) on a second sheet. Aggregates only: the map's small-number rules apply.
 */
export async function indicatorXlsx(
  trx: Tx,
  actor: Actor,
  code: string,
  query: IndicatorMapQuery,
): Promise<{ filename: string; body: Buffer }> {
  requirePermission(actor, 'observatory.view');
  const view = await indicatorMapView(trx, actor, code, query);
  return {
    filename: `${code}-${view.period ?? 'latest'}.xlsx`,
    body: await workbookOf(view, actor.language),
  };
}

const text = (v: string) => neutraliseCell(v);

export async function workbookOf(v: IndicatorMapView, language: Language): Promise<Buffer> {
  const m = (key: string) => t(language, `observatory.${key}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'samen';
  const data = wb.addWorksheet(sheetName(v.indicator.label), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    { key: 'code', header: text(m('column.code')), width: 12 },
    { key: 'name', header: text(m('column.territory')), width: 28 },
    { key: 'country', header: text(m('column.country')), width: 12 },
    { key: 'period', header: text(m('column.period')), width: 12 },
    { key: 'numerator', header: text(m('column.numerator')), width: 14 },
    { key: 'denominator', header: text(m('column.denominator')), width: 14 },
    { key: 'value', header: text(m('column.value')), width: 12, style: { numFmt: '0.0' } },
    { key: 'status', header: text(m('column.status')), width: 30 },
  ];
  data.getRow(1).font = { bold: true };
  const row = (c: {
    code: string;
    name?: string;
    country?: string;
    period: string | null;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    status: string;
  }) => {
    // Hidden figures are never written, whatever the view carries for the analysts' own screens.
    const shown = c.status === 'shown';
    data.addRow({
      code: text(c.code),
      name: text(c.name ?? ''),
      country: c.country ? text(m(`country.${c.country}`)) : null,
      period: c.period,
      numerator: shown ? c.numerator : null,
      denominator: shown ? c.denominator : null,
      value: shown ? c.value : null,
      status: text(m(`status.${c.status}`)),
    });
  };
  for (const c of v.cells) row(c);
  for (const total of v.totals) {
    const r = { ...total, name: m(`country.${total.code}`), country: total.code };
    row(r);
    data.lastRow!.font = { bold: true };
  }

  const about = wb.addWorksheet(sheetName(m('column.sources')));
  about.columns = [
    { key: 'k', width: 22 },
    { key: 'v', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const i = v.indicator;
  const lines: Array<[string, string]> = [
    [m('column.indicator'), `${i.label} (${i.code})`],
    [m('column.period'), v.period ?? ''],
    [m('column.sources'), v.sources.join(' ; ')],
    [m('column.vintages'), v.vintages.join(' ; ')],
    [m('column.comparability'), m(`comparability.${i.comparability}`)],
    ...(i.definition ? ([[m('column.formula'), i.definition]] as Array<[string, string]>) : []),
    ...(i.caveats ? ([[m('caveat').replace(/\s*:$/, ''), i.caveats]] as Array<[string, string]>) : []),
  ];
  for (const [k, val] of lines) about.addRow({ k: text(k), v: text(val) });
  about.getColumn('k').font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
