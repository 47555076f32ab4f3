import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { budgetEndpoints as api } from '../../../../common/monitoring/budget-endpoints';
import type { BudgetView } from '../../../../common/monitoring/budget-schemas';
import { budgetLink, expenditureLink } from '../../../../common/monitoring/links';
import { programmeLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, PageHeader } from '../../../app/ui/layout';
import { EnvelopeTable, LineList, PartnerTable, SplitTables } from './BudgetTables';
import { NewVersionDialog } from './NewVersionDialog';
import './budgets.css';

/**
 * A programme's budget: the current version (or an older one asked for), partner × category with totals,
 * co-financing per fund and own contribution, envelopes and their use, all computed from the lines; the
 * list of versions with their date, reason and source; the lead's coordinator adds a version.
 */
export function BudgetPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const asked = budgetLink.read(search).version;
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.view');
  const q = useEndpoint(
    api.budget,
    { params: { id }, query: asked ? { version: asked } : {} },
    { enabled: canView },
  );
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const b = q.data;
  const latest = b.versions[0];
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'monitoring.budgets.title' })}
        description={`${b.programme.acronym ? `${b.programme.acronym} — ` : ''}${localized(language, b.programme.nameFr, b.programme.nameNl)}`}
        actions={
          <>
            <LinkButton to={programmeLink.href({ id })} variant="ghost">
              <FormattedMessage id="monitoring.budgets.back" />
            </LinkButton>
            <LinkButton to={expenditureLink.href({ id })} variant="secondary">
              <FormattedMessage id="monitoring.expenditure.link" />
            </LinkButton>
            {b.canEdit && <NewVersionDialog budget={b} />}
          </>
        }
      />
      {b.version && b.totals ? (
        <Shown
          b={b as Parameters<typeof PartnerTable>[0]['b']}
          isLatest={b.version.number === latest?.number}
        />
      ) : (
        <EmptyState title={<FormattedMessage id="monitoring.budgets.empty" />} />
      )}
      {b.versions.length > 0 && <Versions b={b} shown={b.version?.number ?? null} />}
    </div>
  );
}

function Shown({ b, isLatest }: { b: Parameters<typeof PartnerTable>[0]['b']; isLatest: boolean }) {
  const f = useCommonFormat();
  const v = b.version;
  return (
    <>
      <Card
        title={
          <FormattedMessage
            id="monitoring.budgets.version_title"
            values={{ n: v.number, date: f.day(v.datedOn) }}
          />
        }
      >
        <div className="stack">
          {!isLatest && (
            <p className="budget-older" role="status">
              <FormattedMessage id="monitoring.budgets.older" />{' '}
              <Link to={budgetLink.href({ id: b.programme.id })}>
                <FormattedMessage id="monitoring.budgets.to_current" />
              </Link>
            </p>
          )}
          <p>
            <strong>
              <FormattedMessage id="monitoring.budgets.reason" />
            </strong>{' '}
            {v.reason}
          </p>
          <p>
            <strong>
              <FormattedMessage id="monitoring.budgets.source" />
            </strong>{' '}
            {v.source}
          </p>
        </div>
      </Card>
      <PartnerTable b={b} />
      <SplitTables b={b} />
      <EnvelopeTable b={b} />
      <LineList b={b} />
    </>
  );
}

function Versions({ b, shown }: { b: BudgetView; shown: number | null }) {
  const f = useCommonFormat();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id="monitoring.budgets.versions" />
        </caption>
        <thead>
          <tr>
            {['number', 'date', 'reason', 'source'].map((k) => (
              <th key={k} scope="col">
                <FormattedMessage id={`monitoring.budgets.versions_col.${k}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.versions.map((v) => (
            <tr key={v.id} aria-current={v.number === shown ? 'true' : undefined}>
              <td>
                {v.number === shown ? (
                  <FormattedMessage id="monitoring.budgets.shown" values={{ n: v.number }} />
                ) : (
                  <Link to={budgetLink.href({ id: b.programme.id }, { version: v.number })}>
                    <FormattedMessage id="monitoring.budgets.open" values={{ n: v.number }} />
                  </Link>
                )}
              </td>
              <td>{f.day(v.datedOn)}</td>
              <td>{v.reason}</td>
              <td>{v.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
