import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { consentsApi } from '../../../../common/people/endpoints';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { Pagination } from '../../../app/ui/Table';
import { RankedTable } from './RankedTable';
import { usePeriod } from './text';

// Score is used by the cohort page too.
export { Score } from './RankedTable';

/** The network's open offers ranked for one person, feasible ones first, each with its reasons; paged. */
export function PersonOffersPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  // Mounted on personOffersLink, whose parameter is the person's id.
  const { personId = '' } = useParams();
  const period = usePeriod();
  const [range, setRange] = useState({ from: '', to: '' });
  const [asked, setAsked] = useState({ from: '', to: '' });
  const [page, setPage] = useState(1);
  const [feasibleOnly, setFeasibleOnly] = useState(false);
  const [crossBorderOnly, setCrossBorderOnly] = useState(false);
  const q = useEndpoint(
    placementsEndpoints.offerRanking,
    {
      params: { id: personId },
      // An empty date is no bound; a false filter is not sent.
      query: {
        from: asked.from || undefined,
        to: asked.to || undefined,
        feasibleOnly: feasibleOnly || undefined,
        crossBorderOnly: crossBorderOnly || undefined,
        page,
      },
    },
    // The previous page stays on screen while the next one loads.
    { placeholderData: keepPreviousData },
  );
  // Which hosts the person already agreed to share their data with for a placement (issue 9, item 16).
  const consents = useEndpoint(consentsApi.list, { params: { id: personId } });
  const covered = consents.data
    ? new Set(
        consents.data
          .filter((c) => c.purpose === 'placement' && c.status === 'active')
          .flatMap((c) => c.recipientOrgIds),
      )
    : undefined;
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { person, items, total, feasibleCount } = q.data;
  const feasible = items.filter((i) => i.feasible);
  const infeasible = items.filter((i) => !i.feasible);
  const filtered = feasibleOnly || crossBorderOnly;
  /** A filter or a new period starts again from the first page. */
  const refilter = (apply: () => void) => {
    apply();
    setPage(1);
  };
  const name = `${person.firstName} ${person.lastName}`;
  const languages = Object.entries(person.languages)
    .map(
      ([code, level]) =>
        `${intl.formatMessage({ id: `placements.offers.enum.language.${code}`, defaultMessage: code })} ${level}`,
    )
    .join(', ');
  const radius = intl.formatMessage(
    {
      id: person.mobilityRecorded ? 'placements.offers.value.km' : 'placements.offers.ranking.radius_default',
    },
    { km: person.mobilityRadiusKm },
  );
  const feasibleTitle = intl.formatMessage(
    { id: 'placements.offers.ranking.feasible' },
    { count: feasibleCount },
  );
  const infeasibleTitle = intl.formatMessage(
    { id: 'placements.offers.ranking.infeasible' },
    { count: total - (feasibleOnly ? total : feasibleCount) },
  );
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.offers.ranking.title' }, { name })}
        description={<FormattedMessage id="placements.offers.ranking.intro" />}
      />
      <ErrorAlert error={q.error} />
      <Card>
        <Facts
          items={[
            [
              <FormattedMessage key="h" id="placements.offers.ranking.home" />,
              localized(language, person.municipalityNameFr, person.municipalityNameNl),
            ],
            [<FormattedMessage key="r" id="placements.offers.ranking.radius" />, radius],
            [
              <FormattedMessage key="c" id="placements.offers.ranking.crossed" />,
              intl.formatMessage({ id: person.hasCrossedBorder ? 'common.yes' : 'common.no' }),
            ],
            [
              <FormattedMessage key="l" id="placements.offers.ranking.languages" />,
              languages || intl.formatMessage({ id: 'common.not_given' }),
            ],
            [
              <FormattedMessage key="a" id="placements.offers.ranking.available" />,
              period(person.availableFrom, person.availableTo),
            ],
          ]}
        />
        <form
          className="row no-print"
          onSubmit={(e) => {
            e.preventDefault();
            refilter(() => setAsked(range));
          }}
        >
          <DateField
            label={intl.formatMessage({ id: 'placements.offers.ranking.from' })}
            value={range.from}
            onChange={(from) => setRange((r) => ({ ...r, from }))}
          />
          <DateField
            label={intl.formatMessage({ id: 'placements.offers.ranking.to' })}
            value={range.to}
            onChange={(to) => setRange((r) => ({ ...r, to }))}
          />
          <Button type="submit" variant="secondary">
            <FormattedMessage id="placements.offers.ranking.apply" />
          </Button>
        </form>
        <div className="row no-print">
          <Checkbox isSelected={feasibleOnly} onChange={(v) => refilter(() => setFeasibleOnly(v))}>
            <FormattedMessage id="placements.offers.ranking.feasible_only" />
          </Checkbox>
          <Checkbox isSelected={crossBorderOnly} onChange={(v) => refilter(() => setCrossBorderOnly(v))}>
            <FormattedMessage id="placements.offers.ranking.cross_border_only" />
          </Checkbox>
        </div>
        <p role="status">
          <FormattedMessage
            id="placements.offers.ranking.totals"
            values={{ total, feasible: feasibleCount }}
          />
        </p>
      </Card>
      {total === 0 && !filtered && (
        <EmptyState title={<FormattedMessage id="placements.offers.list.empty.title" />}>
          <FormattedMessage id="placements.offers.ranking.empty" />
        </EmptyState>
      )}
      {total === 0 && filtered && (
        <EmptyState title={<FormattedMessage id="placements.offers.list.empty.title" />}>
          <FormattedMessage id="placements.offers.ranking.empty_filtered" />
        </EmptyState>
      )}
      {total > 0 && feasibleCount === 0 && (
        <Alert tone="info" title={<FormattedMessage id="placements.offers.ranking.none_feasible" />} />
      )}
      {feasible.length > 0 && (
        <section className="stack" aria-labelledby="feasible-offers">
          <h2 id="feasible-offers">{feasibleTitle}</h2>
          <RankedTable caption={feasibleTitle} rows={feasible} personId={person.id} covered={covered} />
        </section>
      )}
      {infeasible.length > 0 && (
        <section className="stack" aria-labelledby="infeasible-offers">
          <h2 id="infeasible-offers">{infeasibleTitle}</h2>
          <RankedTable caption={infeasibleTitle} rows={infeasible} personId={person.id} covered={covered} />
        </section>
      )}
      {total > q.data.pageSize && (
        <Pagination page={q.data.page} pageSize={q.data.pageSize} total={total} onPage={setPage} />
      )}
    </div>
  );
}
