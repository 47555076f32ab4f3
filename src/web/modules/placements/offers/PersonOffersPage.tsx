import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { consentsApi } from '../../../../common/people/endpoints';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newAgreementLink, offerLink } from '../../../../common/placements/links';
import type { RankedItem } from '../../../../common/placements/offer-schemas';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { Reasons } from './Reasons';
import { useOfferText, usePeriod } from './text';

/** A score out of 100 as a meter, with its value in words for everyone. */
export function Score({ score }: { score: number }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: 'placements.offers.ranking.score' }, { score });
  return (
    <span className="score">
      <meter min={0} max={100} low={50} high={80} optimum={100} value={score} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

function RankedTable({
  caption,
  rows,
  personId,
  covered,
}: {
  caption: string;
  rows: RankedItem[];
  personId: string;
  /** Hosts the person's valid placement consent already names; undefined while unknown. */
  covered: ReadonlySet<string> | undefined;
}) {
  const intl = useIntl();
  const text = useOfferText();
  const km = (v: number) => intl.formatMessage({ id: 'placements.offers.value.km' }, { km: v });
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.offer.id}
      columns={[
        {
          key: 'rank',
          header: <FormattedMessage id="placements.offers.ranking.col.rank" />,
          render: (r) => r.rank,
        },
        {
          key: 'offer',
          header: <FormattedMessage id="placements.offers.ranking.col.offer" />,
          render: (r) => (
            <>
              <Link to={offerLink.href({ id: r.offer.id })}>{text.title(r.offer)}</Link>
              <br />
              <span className="muted">{text.host(r.offer)}</span>
              {covered && (
                <>
                  <br />
                  <span className={covered.has(r.offer.orgId) ? 'tag tag--success' : 'tag'}>
                    <FormattedMessage
                      id={
                        covered.has(r.offer.orgId)
                          ? 'placements.offers.ranking.consent_covers'
                          : 'placements.offers.ranking.consent_missing'
                      }
                    />
                  </span>
                </>
              )}
            </>
          ),
        },
        {
          key: 'place',
          header: <FormattedMessage id="placements.offers.ranking.col.place" />,
          render: (r) => (
            <>
              {text.place(r.offer)}
              {r.crossesBorder && (
                <>
                  {' '}
                  <span className="tag">
                    <FormattedMessage id="placements.offers.ranking.border" />
                  </span>
                </>
              )}
            </>
          ),
        },
        {
          key: 'distance',
          header: <FormattedMessage id="placements.offers.ranking.col.distance" />,
          render: (r) => km(r.travelKm),
        },
        {
          key: 'transit',
          header: <FormattedMessage id="placements.offers.ranking.col.transit" />,
          render: (r) => r.transitLine ?? <FormattedMessage id="placements.offers.value.none" />,
        },
        {
          key: 'score',
          header: <FormattedMessage id="placements.offers.ranking.col.score" />,
          render: (r) => <Score score={r.score} />,
        },
        {
          key: 'reasons',
          header: <FormattedMessage id="placements.offers.ranking.col.reasons" />,
          render: (r) => <Reasons reasons={r.reasons} />,
        },
        {
          key: 'agreement',
          header: <FormattedMessage id="placements.agreements.offers.col" />,
          render: (r) => (
            <Link
              to={newAgreementLink.href({ personId }, { offer: r.offer.id })}
              aria-label={intl.formatMessage(
                { id: 'placements.agreements.offers.prepare_for' },
                { title: text.title(r.offer) || r.offer.siteName },
              )}
            >
              <FormattedMessage id="placements.agreements.offers.prepare" />
            </Link>
          ),
        },
      ]}
    />
  );
}

/** The network's open offers ranked for one person, feasible ones first, each with its reasons. */
export function PersonOffersPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  // Mounted on personOffersLink, whose parameter is the person's id.
  const { personId = '' } = useParams();
  const period = usePeriod();
  const [range, setRange] = useState({ from: '', to: '' });
  const [asked, setAsked] = useState({ from: '', to: '' });
  const q = useEndpoint(placementsEndpoints.offerRanking, {
    params: { id: personId },
    // An empty date is no bound.
    query: { from: asked.from || undefined, to: asked.to || undefined },
  });
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
  const { person, items } = q.data;
  const feasible = items.filter((i) => i.feasible);
  const infeasible = items.filter((i) => !i.feasible);
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
    { count: feasible.length },
  );
  const infeasibleTitle = intl.formatMessage(
    { id: 'placements.offers.ranking.infeasible' },
    { count: infeasible.length },
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
            setAsked(range);
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
      </Card>
      {items.length === 0 && (
        <EmptyState title={<FormattedMessage id="placements.offers.list.empty.title" />}>
          <FormattedMessage id="placements.offers.ranking.empty" />
        </EmptyState>
      )}
      {items.length > 0 && (
        <section className="stack" aria-labelledby="feasible-offers">
          <h2 id="feasible-offers">{feasibleTitle}</h2>
          {feasible.length ? (
            <RankedTable caption={feasibleTitle} rows={feasible} personId={person.id} covered={covered} />
          ) : (
            <Alert tone="info" title={<FormattedMessage id="placements.offers.ranking.none_feasible" />} />
          )}
        </section>
      )}
      {infeasible.length > 0 && (
        <section className="stack" aria-labelledby="infeasible-offers">
          <h2 id="infeasible-offers">{infeasibleTitle}</h2>
          <RankedTable caption={infeasibleTitle} rows={infeasible} personId={person.id} covered={covered} />
        </section>
      )}
    </div>
  );
}
