import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { newAgreementLink, offerLink } from '../../../../common/placements/links';
import type { RankedItem } from '../../../../common/placements/offer-schemas';
import { DataTable } from '../../../app/ui/Table';
import { Reasons } from './Reasons';
import { useOfferText } from './text';

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

export function RankedTable({
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
      stacked
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
