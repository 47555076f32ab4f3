import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import type { useObsWords } from '../words';
import { disaggregationLabel } from './DisaggregationNav';

/** A cell as CSV: quoted, and a formula's leading character neutralised (the file opens in a spreadsheet). */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The indicator's table as CSV (`;`-separated, as spreadsheets in French and Dutch expect), preceded by
 * what every export carries: the indicator, its period, sources, vintages and caveat.
 */
export function csvOf(v: IndicatorMapView, w: ReturnType<typeof useObsWords>): string {
  const i = v.indicator;
  const lines: Array<Array<string | number | null>> = [
    [w.msg('column.indicator'), i.label],
    [w.msg('column.period'), v.period],
    ...(v.disaggregation && v.disaggregation !== 'total'
      ? [[w.msg('disaggregation.label'), disaggregationLabel(w, v.disaggregation)]]
      : []),
    [w.msg('column.sources'), v.sources.join(' ; ')],
    [w.msg('column.vintages'), v.vintages.join(' ; ')],
    [w.msg('column.comparability'), w.comparability(i.comparability)],
    ...(i.caveats ? [[w.msg('caveat'), i.caveats]] : []),
    [],
    [
      w.msg('column.code'),
      w.msg('column.territory'),
      w.msg('column.country'),
      w.msg('column.period'),
      w.msg('column.numerator'),
      w.msg('column.denominator'),
      w.msg('column.value'),
      w.msg('column.status'),
      w.msg('column.code_history'),
    ],
    ...v.cells.map((c) => {
      const shown = c.status === 'shown';
      return [
        c.code,
        c.name,
        c.country,
        c.period,
        shown ? c.numerator : null,
        shown ? c.denominator : null,
        shown ? c.value : null,
        w.status(c.status),
        c.remappedFrom?.join(', ') ?? null,
      ];
    }),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
