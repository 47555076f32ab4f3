import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ElementView } from '../../../../common/observatory/catalogue-schemas';
import type { ImportMapping, ImportPreviewView } from '../../../../common/observatory/import-schemas';
import { Button } from '../../../app/ui/Button';
import { Alert } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { Card, Facts } from '../../../app/ui/layout';
import { disaggregationLabel } from '../indicator/DisaggregationNav';
import { useObsWords, W } from '../words';

const IGNORE = '-';

/**
 * What an import would write, before anything is: the format and encoding recognised, the columns and the
 * data element each feeds (changed here, then previewed again), the values per element and period, every
 * problem by line and column, a sample of rows, and the import itself, refused while any problem remains.
 */
export function PreviewTables({
  preview: p,
  mapping,
  elements,
  busy,
  onMapping,
  onCommit,
}: {
  preview: ImportPreviewView;
  mapping: ImportMapping;
  elements: ElementView[];
  busy: boolean;
  onMapping: (m: ImportMapping) => void;
  onCommit: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: W(id) }, values);
  const n = (v: number) => intl.formatNumber(v);
  const w = useObsWords();
  const category = (d: string | undefined) => disaggregationLabel(w, d ?? 'total');
  const [period, setPeriod] = useState(mapping.period ?? '');
  const target = (source: string) => mapping.columns.find((c) => c.source === source)?.element ?? IGNORE;
  // A column keeps its period and category (INSEE P21_POPF: women) when its element changes.
  const setTarget = (source: string, element: string) => {
    const before = mapping.columns.find((c) => c.source === source);
    onMapping({
      ...mapping,
      columns: [
        ...mapping.columns.filter((c) => c.source !== source),
        ...(element === IGNORE ? [] : [{ ...before, source, element }]),
      ],
    });
  };
  const columnCategory = (source: string) => mapping.columns.find((c) => c.source === source)?.disaggregation;
  const anyCategory = mapping.columns.some((c) => c.disaggregation && c.disaggregation !== 'total');
  const options = [
    { id: IGNORE, label: t('import.ignore') },
    ...elements.map((e) => ({ id: e.code, label: `${e.label} (${e.code})` })),
  ];
  const blocked = p.problemCount > 0 || p.values === 0;
  // The columns naming the territory, the period or the element are not values to map.
  const structural = new Set(
    [
      mapping.geoColumn,
      mapping.periodColumn,
      mapping.elementColumn,
      mapping.valueColumn,
      mapping.sexColumn,
      mapping.ageColumn,
      mapping.disaggregationColumn,
    ].filter(Boolean),
  );
  const valueColumns = p.columns.filter((c) => !structural.has(c));
  return (
    <>
      <Card title={<FormattedMessage id={W('import.what')} />}>
        <div className="stack">
          <Facts
            items={[
              [t('import.format'), t(`import.format_name.${p.format}`)],
              [t('import.encoding'), p.encoding],
              [t('import.values'), n(p.values)],
              [t('import.secret'), n(p.secret)],
              [t('import.territories'), n(p.territories)],
              ...(p.skippedUnknown > 0
                ? [[t('import.skipped_unknown'), n(p.skippedUnknown)] as [string, string]]
                : []),
              [t('import.replaces'), n(p.replaces)],
            ]}
          />
          {p.savedMapping && (
            <p className="description">
              <FormattedMessage id={W('import.saved_mapping')} />
            </p>
          )}
          {p.replaces > 0 && <Alert tone="warning" title={t('import.replaces_hint', { n: p.replaces })} />}
          {p.problemCount > 0 ? (
            <Alert tone="error" title={t('import.problems_title', { n: p.problemCount })}>
              <FormattedMessage id={W('import.problems_hint')} />
            </Alert>
          ) : (
            p.values > 0 && <Alert tone="success" title={t('import.ready', { n: p.values })} />
          )}
          <div className="row">
            <Button onPress={onCommit} isDisabled={blocked || busy}>
              <FormattedMessage id={W('import.commit')} values={{ n: p.values }} />
            </Button>
          </div>
        </div>
      </Card>
      <Card title={<FormattedMessage id={W('import.mapping')} />}>
        <div className="stack">
          <p className="description">
            <FormattedMessage id={W('import.mapping_hint')} />
          </p>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('import.mapping')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.element')}</th>
                  {anyCategory && <th scope="col">{t('disaggregation.label')}</th>}
                </tr>
              </thead>
              <tbody>
                {valueColumns.map((c) => (
                  <tr key={c}>
                    <th scope="row">
                      <code>{c}</code>
                    </th>
                    <td>
                      <Select
                        label={t('import.element_for', { column: c })}
                        labelHidden
                        value={target(c)}
                        onChange={(v) => setTarget(c, v)}
                        options={options}
                      />
                    </td>
                    {anyCategory && <td>{columnCategory(c) ? category(columnCategory(c)) : '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <TextField
              label={t('import.period')}
              description={t('import.period_hint')}
              value={period}
              onChange={setPeriod}
              maxLength={9}
            />
            <Button
              variant="secondary"
              isDisabled={busy}
              onPress={() => {
                const { period: _old, ...rest } = mapping;
                onMapping(period.trim() ? { ...rest, period: period.trim() } : rest);
              }}
            >
              <FormattedMessage id={W('import.apply_period')} />
            </Button>
          </div>
        </div>
      </Card>
      {p.elements.length > 0 && (
        <Card title={<FormattedMessage id={W('import.by_element')} />}>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('import.by_element')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.element')}</th>
                  <th scope="col">{t('column.periods')}</th>
                  <th scope="col">{t('disaggregation.label')}</th>
                  <th scope="col">{t('import.values')}</th>
                </tr>
              </thead>
              <tbody>
                {p.elements.map((e) => (
                  <tr key={e.code}>
                    <th scope="row">
                      {e.label ?? (
                        <FormattedMessage id={W('import.unknown_element')} values={{ code: e.code }} />
                      )}
                    </th>
                    <td>{e.periods.join(', ')}</td>
                    <td>{(e.disaggregations ?? ['total']).map(category).join(', ')}</td>
                    <td>{n(e.values)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {p.problems.length > 0 && (
        <Card title={<FormattedMessage id={W('import.problems')} />}>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('import.problems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {p.problems.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems in file order
                  <tr key={i}>
                    <td>{x.line || '—'}</td>
                    <td>{x.column ?? '—'}</td>
                    <td>{x.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {(p.oldCodes?.length ?? 0) > 0 && (
        <Card title={<FormattedMessage id={W('import.old_codes')} />}>
          <p className="description">
            <FormattedMessage id={W('import.old_codes_hint')} />
          </p>
          <ul>
            {p.oldCodes!.map((o) => (
              <li key={o.code}>
                <code>{o.code}</code> {t('import.old_code', { current: o.mappedTo.join(', ') })}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {p.sample.length > 0 && (
        <Card title={<FormattedMessage id={W('import.sample')} />}>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('import.sample')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('column.territory')}</th>
                  <th scope="col">{t('column.period')}</th>
                  <th scope="col">{t('import.element')}</th>
                  <th scope="col">{t('disaggregation.label')}</th>
                  <th scope="col">{t('column.value')}</th>
                </tr>
              </thead>
              <tbody>
                {p.sample.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows in file order
                  <tr key={i}>
                    <td>{s.line}</td>
                    <td>
                      {s.geoCode}
                      {s.mappedTo && (
                        <span className="description">
                          {' '}
                          {t('import.old_code', { current: s.mappedTo.join(', ') })}
                        </span>
                      )}
                    </td>
                    <td>{s.period}</td>
                    <td>{s.element}</td>
                    <td>{category(s.disaggregation)}</td>
                    <td>{s.secret ? t('status.suppressed_source') : s.value === null ? '—' : n(s.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
