import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { offerLink, offerNewLink, offersLink, ownOffersLink } from '../../../../common/immersions/links';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import {
  IMMERSION_KINDS,
  OFFER_COUNTRIES,
  OFFER_LANGUAGES,
  OFFER_THEMES,
  type OfferItem,
} from '../../../../common/immersions/offer-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { type Option, Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { O, OfferText, useOfferWords } from './words';

const ANY = 'any';
const PAGE_SIZE = 20;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A value of the address, if it is one of the list's (anything else is ignored, not sent). */
const oneOf = <T extends string>(list: readonly T[], v: string | undefined) =>
  list.includes(v as T) ? (v as T) : undefined;
const day = (v: string | undefined) => (v && ISO_DAY.test(v) ? v : undefined);

/** One result: title (marked when only in the other language), host, themes, formats, next period. */
export function OfferSummary({ item, showStatus = false }: { item: OfferItem; showStatus?: boolean }) {
  const intl = useIntl();
  const w = useOfferWords();
  const host = w.host(item);
  return (
    <div className="offer-result stack">
      <h2>
        <Link to={offerLink.href({ id: item.id })}>
          <OfferText fr={item.titleFr} nl={item.titleNl} />
        </Link>
      </h2>
      <p className="muted">
        {[host.unit, host.organisation, w.country(item.country)].filter(Boolean).join(' · ')}
      </p>
      <p className="row">
        {showStatus && (
          <span className={item.status === 'published' ? 'tag tag--success' : 'tag'}>
            {w.status(item.status)}
          </span>
        )}
        {item.themes.map((t) => (
          <span key={t} className="tag">
            {w.theme(t)}
          </span>
        ))}
      </p>
      <p className="muted">
        {item.kinds.map(w.kind).join(' · ')}
        <br />
        <FormattedMessage
          id={O('languages_spoken')}
          values={{ languages: intl.formatList(item.languages.map(w.languageName)) }}
        />
        <br />
        {item.nextPeriod ? (
          <FormattedMessage
            id={O('next_period')}
            values={{ period: w.range(item.nextPeriod.startsOn, item.nextPeriod.endsOn) }}
          />
        ) : (
          <FormattedMessage id={O('no_upcoming')} />
        )}
      </p>
    </div>
  );
}

/** The network's immersion offers: words in French or Dutch, theme, language spoken, host country, dates. */
export function CataloguePage() {
  const intl = useIntl();
  const w = useOfferWords();
  const canManage = useCan('immersion.manage');
  const { filters, page, set, setPage } = useListAddress(offersLink);
  const query = {
    q: filters.q,
    theme: oneOf(OFFER_THEMES, filters.theme),
    language: oneOf(OFFER_LANGUAGES, filters.language),
    country: oneOf(OFFER_COUNTRIES, filters.country),
    kind: oneOf(IMMERSION_KINDS, filters.kind),
    from: day(filters.from),
    to: day(filters.to),
  };
  const results = useEndpoint(
    api.search,
    { query: { ...query, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const filtered = Object.values(query).some(Boolean);
  const withAny = (o: Option[]) => [{ id: ANY, label: intl.formatMessage({ id: O('filter.any') }) }, ...o];
  const select = (key: 'theme' | 'language' | 'country' | 'kind', choices: Option[]) => (
    <Select
      label={intl.formatMessage({ id: O(`filter.${key}`) })}
      value={query[key] ?? ANY}
      onChange={(v) => set({ [key]: v === ANY ? undefined : v })}
      options={withAny(choices)}
    />
  );
  return (
    <ListPage
      title={intl.formatMessage({ id: O('title') })}
      description={<FormattedMessage id={O('intro')} />}
      actions={
        <>
          {canManage && (
            <LinkButton to={offerNewLink.href()}>
              <FormattedMessage id={O('own.new')} />
            </LinkButton>
          )}
          <LinkButton variant="secondary" to={ownOffersLink.href()}>
            <FormattedMessage id={O('own.link')} />
          </LinkButton>
        </>
      }
      search={{
        label: intl.formatMessage({ id: O('search.label') }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <>
          <div className="directory-filters">
            {select('theme', w.themes)}
            {select('language', w.languages)}
            {select('country', w.countries)}
            {select('kind', w.kinds)}
            <DateField
              label={intl.formatMessage({ id: O('filter.from') })}
              value={query.from ?? ''}
              onChange={(v) => (v === '' || ISO_DAY.test(v)) && set({ from: v || undefined })}
            />
            <DateField
              label={intl.formatMessage({ id: O('filter.to') })}
              value={query.to ?? ''}
              min={query.from}
              onChange={(v) => (v === '' || ISO_DAY.test(v)) && set({ to: v || undefined })}
            />
          </div>
          {filtered && (
            <Button
              variant="ghost"
              onPress={() =>
                set({
                  q: undefined,
                  theme: undefined,
                  language: undefined,
                  country: undefined,
                  kind: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
            >
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
          {results.data && (
            <p aria-live="polite" className="muted">
              <FormattedMessage id={O('results.count')} values={{ count: results.data.total }} />
            </p>
          )}
        </>
      }
      query={results}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id={O('empty.title')} />,
        body: <FormattedMessage id={O('empty.none')} />,
      }}
      noMatch={{
        title: <FormattedMessage id={O('empty.title')} />,
        body: <FormattedMessage id={O('empty.widen')} />,
      }}
      caption={intl.formatMessage({ id: O('title') })}
      rowKey={(item) => item.id}
      onPage={setPage}
      columns={[
        {
          key: 'offer',
          header: <FormattedMessage id={O('column.offer')} />,
          render: (item) => <OfferSummary item={item} />,
        },
      ]}
    />
  );
}
