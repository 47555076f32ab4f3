import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { cohortLink, newOfferLink, offerLink, offersLink } from '../../../../common/placements/links';
import {
  OFFER_COUNTRIES,
  OFFER_LANGUAGES,
  OFFER_SECTORS,
  type OfferItem,
} from '../../../../common/placements/offer-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { Alert } from '../../../app/ui/feedback';
import { Checkbox, Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { Card, Facts } from '../../../app/ui/layout';
import { LanguageNeed, oneOf, useOfferOptions, useOfferText, usePeriod } from './text';

const PAGE_SIZE = 20;
/** The "any" choice of a filter (an empty key is not a valid list item). */
const ANY = 'any';

function OfferCard({ offer }: { offer: OfferItem }) {
  const intl = useIntl();
  const text = useOfferText();
  const period = usePeriod();
  return (
    <li>
      <Card
        title={<Link to={offerLink.href({ id: offer.id })}>{text.title(offer)}</Link>}
        actions={
          offer.status === 'closed' ? (
            <span className="tag tag--warning">
              <FormattedMessage id="placements.offers.enum.status.closed" />
            </span>
          ) : undefined
        }
      >
        <Facts
          items={[
            [
              <FormattedMessage key="h" id="placements.offers.field.host" />,
              `${text.host(offer)} · ${offer.siteName}`,
            ],
            [
              <FormattedMessage key="p" id="placements.offers.field.municipality" />,
              `${text.place(offer)} (${intl.formatMessage({ id: `placements.offers.enum.country.${offer.country}` })})`,
            ],
            [
              <FormattedMessage key="s" id="placements.offers.field.sector" />,
              intl.formatMessage({ id: `placements.offers.enum.sector.${offer.sector}` }),
            ],
            [
              <FormattedMessage key="d" id="placements.offers.field.dates" />,
              period(offer.startsOn, offer.endsOn),
            ],
            [
              <FormattedMessage key="n" id="placements.offers.field.positions" />,
              intl.formatMessage(
                { id: 'placements.offers.value.positions' },
                { free: offer.freePositions, total: offer.positions },
              ),
            ],
            [
              <FormattedMessage key="l" id="placements.offers.field.language" />,
              <LanguageNeed key="lv" code={offer.languageCode} level={offer.languageLevel} />,
            ],
          ]}
        />
      </Card>
    </li>
  );
}

/**
 * The network's placement offers, open ones first, with filters kept in the address (so a filtered list
 * can be shared and reloaded); hosts publish from here.
 */
export function OffersListPage() {
  const intl = useIntl();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const options = useOfferOptions();
  const canManage = useCan('offer.manage');
  const canCohort = useCan('placement.programme_overview');
  const { filters, page, set, setPage } = useListAddress(offersLink);
  // Absent from the address, "open offers only" holds: the list's default and the API's.
  const open = filters.open ?? true;
  const mine = canManage && filters.mine === true;
  const query = {
    q: filters.q,
    sector: oneOf(OFFER_SECTORS, filters.sector),
    country: oneOf(OFFER_COUNTRIES, filters.country),
    language: oneOf(OFFER_LANGUAGES, filters.language),
  };
  const list = useEndpoint(
    placementsEndpoints.offers,
    {
      query: {
        ...query,
        open: open ? undefined : false,
        mine: mine || undefined,
        page,
        pageSize: PAGE_SIZE,
      },
    },
    { placeholderData: keepPreviousData },
  );
  const filtered = Object.values(query).some(Boolean) || !open || mine;
  const any = (list: { id: string; label: string }[]) => [
    { id: ANY, label: intl.formatMessage({ id: 'placements.offers.filter.any' }) },
    ...list,
  ];
  const pick = (key: 'sector' | 'country' | 'language') => (v: string) =>
    set({ [key]: v === ANY ? undefined : v });
  const add = canManage ? (
    <LinkButton to={newOfferLink.href()}>
      <FormattedMessage id="placements.offers.list.new" />
    </LinkButton>
  ) : undefined;
  return (
    <ListPage
      title={intl.formatMessage({ id: 'placements.offers.list.title' })}
      description={<FormattedMessage id="placements.offers.list.intro" />}
      actions={
        <>
          {add}
          {canCohort && (
            <LinkButton to={cohortLink.href()} variant="secondary">
              <FormattedMessage id="placements.offers.list.cohort" />
            </LinkButton>
          )}
        </>
      }
      before={notice && <Alert tone="success" title={<FormattedMessage id={notice} />} />}
      search={{
        label: intl.formatMessage({ id: 'placements.offers.filter.q' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q: q || undefined }),
      }}
      filters={
        <>
          <div className="grid-2">
            <Select
              label={intl.formatMessage({ id: 'placements.offers.field.sector' })}
              value={query.sector ?? ANY}
              onChange={pick('sector')}
              options={any(options.sectors)}
            />
            <Select
              label={intl.formatMessage({ id: 'placements.offers.field.country' })}
              value={query.country ?? ANY}
              onChange={pick('country')}
              options={any(options.countries)}
            />
            <Select
              label={intl.formatMessage({ id: 'placements.offers.field.language' })}
              value={query.language ?? ANY}
              onChange={pick('language')}
              options={any(options.languages)}
            />
          </div>
          <div className="row">
            {/* Unticked is written as open=0: an absent filter means open offers only. */}
            <Checkbox isSelected={open} onChange={(v) => set({ open: v ? undefined : false })}>
              <FormattedMessage id="placements.offers.filter.open_only" />
            </Checkbox>
            {canManage && (
              <Checkbox isSelected={mine} onChange={(v) => set({ mine: v || undefined })}>
                <FormattedMessage id="placements.offers.filter.mine" />
              </Checkbox>
            )}
          </div>
          {list.data && (
            <p className="muted" aria-live="polite">
              <FormattedMessage id="placements.offers.list.results" values={{ total: list.data.total }} />
            </p>
          )}
        </>
      }
      query={list}
      onPage={setPage}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="placements.offers.list.empty.title" />,
        body: <FormattedMessage id="placements.offers.list.empty.hint" />,
        action: add,
      }}
      noMatch={{
        title: <FormattedMessage id="placements.offers.list.empty_filtered.title" />,
        body: <FormattedMessage id="placements.offers.list.empty_filtered.hint" />,
      }}
      // Offers read better as cards than as table rows.
      table={(rows: OfferItem[]) => (
        <ul className="stack offer-cards">
          {rows.map((o) => (
            <OfferCard key={o.id} offer={o} />
          ))}
        </ul>
      )}
    />
  );
}
