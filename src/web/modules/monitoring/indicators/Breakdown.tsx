import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';

/**
 * The figure by partner, and by sex and by age band (ESF+) where the indicator declares them: a hidden
 * count reads "< 5" (the legend under the board says why).
 */
export function Breakdown({ item }: { item: IndicatorView }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const shows = (k: string) => item.breakdowns.includes(k as IndicatorView['breakdowns'][number]);
  return (
    <>
      {shows('partner') && item.byPartner.length > 0 && (
        <Table
          caption="monitoring.indicators.by_partner"
          head="monitoring.indicators.partner"
          rows={item.byPartner.map((p) => ({
            key: p.orgId,
            label: localized(language, p.nameFr, p.nameNl),
            n: p.n,
          }))}
        />
      )}
      {item.breakdownsDeferred && <DeferredProfile id={item.id} />}
      <Profile item={item} />
    </>
  );
}

/**
 * The breakdowns by sex and age band are counted when asked for (they run the rule once more): the board
 * stays quick with every indicator on it.
 */
function DeferredProfile({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <div className="row">
        <Button variant="secondary" onPress={() => setOpen(true)}>
          <FormattedMessage id="monitoring.indicators.show_profile" />
        </Button>
      </div>
    );
  return <LoadedProfile id={id} />;
}

function LoadedProfile({ id }: { id: string }) {
  const q = useEndpoint(api.indicator, { params: { id } });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  return <Profile item={q.data} />;
}

function Profile({ item }: { item: IndicatorView }) {
  const intl = useIntl();
  const shows = (k: string) => item.breakdowns.includes(k as IndicatorView['breakdowns'][number]);
  return (
    <>
      {shows('sex') && item.bySex.length > 0 && (
        <Table
          caption="monitoring.indicators.by_sex"
          head="monitoring.indicators.sex"
          rows={item.bySex.map((p) => ({
            key: p.category,
            label: intl.formatMessage({ id: `monitoring.indicators.sex.${p.category}` }),
            n: p.n,
          }))}
        />
      )}
      {shows('age_band') && item.byAgeBand.length > 0 && (
        <Table
          caption="monitoring.indicators.by_age_band"
          head="monitoring.indicators.age_band"
          rows={item.byAgeBand.map((p) => ({
            key: p.category,
            label: intl.formatMessage({ id: `monitoring.indicators.age_band.${p.category}` }),
            n: p.n,
          }))}
        />
      )}
    </>
  );
}

function Table({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: Array<{ key: string; label: ReactNode; n: number | null }>;
}) {
  const intl = useIntl();
  return (
    <div className="table-wrap">
      <table className="data ind-breakdown">
        <caption>
          <FormattedMessage id={caption} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id={head} />
            </th>
            <th scope="col" className="num">
              <FormattedMessage id="monitoring.indicators.count" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="num">
                {r.n === null ? (
                  <abbr title={intl.formatMessage({ id: 'monitoring.indicators.suppressed_cell' })}>
                    <FormattedMessage id="monitoring.indicators.hidden" />
                  </abbr>
                ) : (
                  intl.formatNumber(r.n)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
