import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { indicatorRecordsLink, indicatorsLink } from '../../../../common/monitoring/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { Pagination } from '../../../app/ui/Table';
import { pick } from './words';

/**
 * The records behind an indicator, pseudonymous: participant codes (or organisations and services),
 * the partner that recorded each, its dates. The lead's coordinators see every partner's, a partner's
 * coordinator its own; opening the page is audited.
 */
export function RecordsPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.records');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const page = Math.max(1, indicatorRecordsLink.read(search).page ?? 1);
  const q = useEndpoint(api.records, { params: { id }, query: { page } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const v = q.data;
  const day = (d: string | null) => (d ? intl.formatDate(d, { dateStyle: 'medium', timeZone: 'UTC' }) : '—');
  const persons = v.indicator.unit === 'persons' || v.indicator.unit === 'participations';
  // A status, a situation, a source, a service's theme or an organisation's country, in words.
  const detail = (d: string | null) => {
    if (!d) return '—';
    const key = [`monitoring.indicators.option.${d}`, `network.services.enum.theme.${d}`].find(
      (k) => k in intl.messages,
    );
    return key ? intl.formatMessage({ id: key }) : d;
  };
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'monitoring.records.title' })}
        description={`${v.indicator.code} — ${pick(language, v.indicator.labelFr, v.indicator.labelNl, v.indicator.labelEn)}`}
        actions={
          <LinkButton to={indicatorsLink.href({ id: v.indicator.programmeId })} variant="ghost">
            <FormattedMessage id="monitoring.records.back" />
          </LinkButton>
        }
      />
      <p className="muted">
        <FormattedMessage id={`monitoring.records.scope_${v.scope}`} />{' '}
        <FormattedMessage id="monitoring.records.audited" />
      </p>
      {v.items.length === 0 ? (
        <EmptyState title={<FormattedMessage id="monitoring.records.empty" />} />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>
              <FormattedMessage id="monitoring.records.caption" values={{ count: v.total }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id={persons ? 'monitoring.records.code' : 'monitoring.records.subject'} />
                </th>
                <th scope="col">
                  <FormattedMessage id="monitoring.records.partner" />
                </th>
                <th scope="col">
                  <FormattedMessage id="monitoring.records.from" />
                </th>
                <th scope="col">
                  <FormattedMessage id="monitoring.records.to" />
                </th>
                <th scope="col">
                  <FormattedMessage id="monitoring.records.detail" />
                </th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one person may have two rows (two partners)
                <tr key={`${r.subject}-${r.orgId}-${i}`}>
                  <td className="mono">{persons ? r.subject : localized(language, r.nameFr, r.nameNl)}</td>
                  <td>{localized(language, r.nameFr, r.nameNl)}</td>
                  <td>{day(r.startsOn)}</td>
                  <td>{day(r.endsOn)}</td>
                  <td>{detail(r.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.total > v.pageSize && (
            <Pagination
              page={v.page}
              pageSize={v.pageSize}
              total={v.total}
              onPage={(p) => navigate(indicatorRecordsLink.href({ id }, { page: p }), { replace: true })}
            />
          )}
        </div>
      )}
    </div>
  );
}
