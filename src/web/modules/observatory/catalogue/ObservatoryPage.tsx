import { FormattedMessage } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { OBS_THEMES } from '../../../../common/observatory/catalogue-schemas';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import {
  analysesLink,
  boardsLink,
  indicatorLink,
  observatoryImportLink,
  observatoryLink,
} from '../../../../common/observatory/links';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import { OwnRecordsCard } from './OwnRecordsCard';
import '../observatory.css';

/**
 * The observatory's home: the indicators by theme (each with its comparability class and periods), the
 * data elements behind them with their sources, and, for those who may, the import of an official file.
 */
export function ObservatoryPage() {
  const w = useObsWords();
  const location = useLocation();
  const { theme } = observatoryLink.read(location.search);
  const q = useEndpoint(api.catalogue, {});
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const themes = OBS_THEMES.filter((t) => c.indicators.some((i) => i.theme === t));
  const shown = c.indicators.filter((i) => !theme || i.theme === theme);
  return (
    <div className="stack">
      <PageHeader
        title={w.msg('title')}
        description={w.msg('intro')}
        actions={
          <>
            <LinkButton to={boardsLink.href()} variant="secondary">
              <FormattedMessage id={W('boards.open')} />
            </LinkButton>
            <LinkButton to={analysesLink.href()} variant="secondary">
              <FormattedMessage id={W('analyses.open')} />
            </LinkButton>
            {c.canImport && (
              <LinkButton to={observatoryImportLink.href()} variant="secondary">
                <FormattedMessage id={W('import.open')} />
              </LinkButton>
            )}
          </>
        }
      />
      {themes.length > 1 && (
        <nav aria-label={w.msg('themes')} className="obs-themes">
          <Link to={observatoryLink.href()} aria-current={!theme ? 'page' : undefined}>
            <FormattedMessage id={W('all_themes')} />
          </Link>
          {themes.map((t) => (
            <Link
              key={t}
              to={observatoryLink.href({}, { theme: t })}
              aria-current={theme === t ? 'page' : undefined}
            >
              {w.theme(t)}
            </Link>
          ))}
        </nav>
      )}
      <Card title={<FormattedMessage id={W('indicators')} />}>
        {shown.length === 0 ? (
          <EmptyState title={w.msg('no_indicators')} />
        ) : (
          <ul className="obs-indicators">
            {shown.map((i) => (
              <li key={i.id}>
                <Link to={indicatorLink.href({ code: i.code })}>{i.label}</Link>
                <span className="description">
                  {w.theme(i.theme)} · {w.comparability(i.comparability)} ·{' '}
                  {i.periods.length ? i.periods.join(', ') : w.msg('no_values')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={<FormattedMessage id={W('elements')} />}>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{w.msg('elements')}</caption>
            <thead>
              <tr>
                <th scope="col">{w.msg('column.element')}</th>
                <th scope="col">{w.msg('column.source')}</th>
                <th scope="col">{w.msg('column.periods')}</th>
                <th scope="col">{w.msg('column.values')}</th>
                <th scope="col">{w.msg('column.comparability')}</th>
              </tr>
            </thead>
            <tbody>
              {c.elements.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.label}
                    <br />
                    <code>{e.code}</code>
                  </td>
                  <td>{[e.source, e.sourceTable, e.sourceColumn].filter(Boolean).join(' · ') || '—'}</td>
                  <td>{e.periods.join(', ') || '—'}</td>
                  <td>{w.number(e.valueCount, 0)}</td>
                  <td>{w.comparability(e.comparability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <OwnRecordsCard />
    </div>
  );
}
