import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { DISAGGREGATION_PATTERN } from '../../../../common/observatory/disaggregation';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import { indicatorLink, observatoryLink } from '../../../../common/observatory/links';
import {
  CLASS_METHODS,
  type ClassMethod,
  type IndicatorMapView,
} from '../../../../common/observatory/map-schemas';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { IndicatorMaps } from '../map/IndicatorMaps';
import { useObsWords, W } from '../words';
import { csvOf, downloadCsv } from './csv';
import { DisaggregationNav, RemapNote, RemappedCell } from './DisaggregationNav';
import { XlsxButton } from './XlsxButton';
import '../observatory.css';

/**
 * One indicator across the border: for a period, a map (colours for a rate, bubbles for a count; a class-C
 * indicator as two maps side by side, each on its own scale against its national reference, with its
 * caveat), the data table that is also the map's accessible alternative, each side's total, the sources
 * and a CSV export that carries them.
 */
export function IndicatorPage() {
  const { code = '' } = useParams();
  const location = useLocation();
  const w = useObsWords();
  const asked = indicatorLink.read(location.search);
  const method = (CLASS_METHODS as readonly string[]).includes(asked.method ?? '')
    ? (asked.method as ClassMethod)
    : undefined;
  const period = /^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$/.test(asked.period ?? '') ? asked.period : undefined;
  const group = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(asked.group ?? '') ? asked.group : undefined;
  const disaggregation = new RegExp(DISAGGREGATION_PATTERN).test(asked.disaggregation ?? '')
    ? asked.disaggregation
    : undefined;
  const q = useEndpoint(api.indicatorMap, {
    params: { code },
    query: {
      ...(period ? { period } : {}),
      ...(method ? { method } : {}),
      ...(group ? { group } : {}),
      ...(disaggregation && disaggregation !== 'total' ? { disaggregation } : {}),
    },
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const v = q.data;
  const i = v.indicator;
  const href = (over: {
    period?: string;
    method?: string;
    group?: string | null;
    disaggregation?: string;
  }) => {
    const d = over.disaggregation ?? v.disaggregation ?? 'total';
    return indicatorLink.href(
      { code },
      {
        period: over.period ?? v.period ?? undefined,
        method: over.method ?? v.method,
        group: (over.group === undefined ? v.group : over.group) ?? undefined,
        disaggregation: d === 'total' ? undefined : d,
      },
    );
  };
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={observatoryLink.href({}, { theme: i.theme })}>
          <FormattedMessage id={W('back')} />
        </Link>
      </p>
      <PageHeader title={i.label} description={i.definition ?? undefined} />
      <Facts
        items={[
          [w.msg('column.theme'), w.theme(i.theme)],
          [
            w.msg('column.formula'),
            i.denominator
              ? w.msg('formula', {
                  num: i.numerator.label,
                  den: i.denominator.label,
                  factor: w.number(i.factor, 0),
                })
              : i.numerator.label,
          ],
          [w.msg('column.comparability'), w.comparability(i.comparability)],
          [w.msg('column.sources'), v.sources.join(' ; ') || '—'],
          [w.msg('column.vintages'), v.vintages.join(' ; ') || '—'],
        ]}
      />
      {i.caveats && (
        <div className="obs-caveat" role="note">
          <strong>
            <FormattedMessage id={W('caveat')} />
          </strong>{' '}
          {i.caveats}
        </div>
      )}
      {v.period === null ? (
        <EmptyState title={w.msg('no_values')} />
      ) : (
        <>
          <div className="obs-controls no-print">
            <nav aria-label={w.msg('periods')}>
              <span>
                <FormattedMessage id={W('periods')} />:
              </span>
              {i.periods.map((p) => (
                <Link key={p} to={href({ period: p })} aria-current={p === v.period ? 'page' : undefined}>
                  {p}
                </Link>
              ))}
            </nav>
            {v.groups.length > 0 && (
              <nav aria-label={w.msg('territory')}>
                <span>
                  <FormattedMessage id={W('territory')} />:
                </span>
                <Link to={href({ group: null })} aria-current={v.group === null ? 'page' : undefined}>
                  <FormattedMessage id={W('all_territories')} />
                </Link>
                {v.groups.map((g) => (
                  <Link
                    key={g.code}
                    to={href({ group: g.code })}
                    aria-current={g.code === v.group ? 'page' : undefined}
                  >
                    {g.name}
                  </Link>
                ))}
              </nav>
            )}
            <DisaggregationNav view={v} href={(d) => href({ disaggregation: d })} />
            {v.kind === 'rate' && (
              <nav aria-label={w.msg('method.label')}>
                <span>
                  <FormattedMessage id={W('method.label')} />:
                </span>
                {CLASS_METHODS.map((m) => (
                  <Link key={m} to={href({ method: m })} aria-current={m === v.method ? 'page' : undefined}>
                    {w.msg(`method.${m}`)}
                  </Link>
                ))}
              </nav>
            )}
          </div>
          {v.scales.length > 1 && (
            <Alert tone="info" title={w.msg('side_by_side')}>
              <FormattedMessage id={W('side_by_side_hint')} />
            </Alert>
          )}
          <IndicatorMaps view={v} heading="h2" />
          <RemapNote view={v} />
          {v.missingBoundaries > 0 && (
            <p className="description">
              <FormattedMessage id={W('missing_boundaries')} values={{ n: v.missingBoundaries }} />
            </p>
          )}
          <DataTable view={v} />
        </>
      )}
    </div>
  );
}

/** The figures behind the map: the accessible alternative, and what the export carries. */
function DataTable({ view: v }: { view: IndicatorMapView }) {
  const w = useObsWords();
  const relative = v.scales.some((s) => s.relative);
  const remapped = v.cells.some((c) => c.remappedFrom?.length);
  const rows = [...v.cells].sort(
    (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name),
  );
  const n = (x: number | null) => (x === null ? '—' : w.number(x));
  return (
    <Card
      title={<FormattedMessage id={W('table.title')} />}
      actions={
        <div className="row">
          <Button
            variant="secondary"
            onPress={() => downloadCsv(`${v.indicator.code}-${v.period}.csv`, csvOf(v, w))}
          >
            <FormattedMessage id={W('export_csv')} />
          </Button>
          <XlsxButton
            code={v.indicator.code}
            query={{
              ...(v.period ? { period: v.period } : {}),
              ...(v.group ? { group: v.group } : {}),
              ...(v.disaggregation && v.disaggregation !== 'total'
                ? { disaggregation: v.disaggregation }
                : {}),
            }}
          />
        </div>
      }
    >
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{v.indicator.label}</caption>
          <thead>
            <tr>
              <th scope="col">{w.msg('column.territory')}</th>
              <th scope="col">{w.msg('column.period')}</th>
              {v.indicator.denominator && <th scope="col">{w.msg('column.numerator')}</th>}
              {v.indicator.denominator && <th scope="col">{w.msg('column.denominator')}</th>}
              <th scope="col">{w.msg('column.value')}</th>
              {relative && <th scope="col">{w.msg('column.relative')}</th>}
              {remapped && <th scope="col">{w.msg('column.code_history')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.name} <span className="description">({w.msg(`country.${c.country}`)})</span>
                </th>
                <td>{c.period ?? '—'}</td>
                {v.indicator.denominator && <td>{c.status === 'shown' ? n(c.numerator) : '—'}</td>}
                {v.indicator.denominator && <td>{c.status === 'shown' ? n(c.denominator) : '—'}</td>}
                <td>{c.status === 'shown' ? n(c.value) : w.status(c.status)}</td>
                {relative && <td>{c.status === 'shown' ? n(c.relative) : '—'}</td>}
                {remapped && (
                  <td>
                    <RemappedCell cell={c} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {v.totals.map((t) => (
              <tr key={t.code}>
                <th scope="row">{w.msg(`total.${t.code}`)}</th>
                <td>{t.period ?? '—'}</td>
                {v.indicator.denominator && <td>{t.status === 'shown' ? n(t.numerator) : '—'}</td>}
                {v.indicator.denominator && <td>{t.status === 'shown' ? n(t.denominator) : '—'}</td>}
                <td>{t.status === 'shown' ? n(t.value) : w.status(t.status)}</td>
                {relative && <td>—</td>}
                {remapped && <td />}
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
