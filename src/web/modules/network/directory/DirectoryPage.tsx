import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { publicInitiativesLink } from '../../../../common/initiatives/links';
import { directoryApi } from '../../../../common/network/endpoints';
import { directoryLink, serviceLink } from '../../../../common/network/links';
import {
  CROSS_BORDER_ACCESS,
  DIRECTORY_COUNTRIES,
  type DirectoryItem,
  SERVICE_LANGUAGES,
  SERVICE_THEMES,
} from '../../../../common/network/service-schemas';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { type Option, Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { oneOf } from '../narrow';
import { Localized, pickText, useDisplayNames, useServiceOptions } from './text';

const ANY = 'any';
const PAGE_SIZE = 20;

function Result({ item }: { item: DirectoryItem }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const names = useDisplayNames();
  const description = pickText(language, item.descriptionFr, item.descriptionNl);
  const place = item.municipalityCode
    ? localized(language, item.municipalityNameFr, item.municipalityNameNl) || item.municipalityCode
    : null;
  return (
    <div className="directory-result">
      <h2>
        <Link to={serviceLink.href({ id: item.id })}>
          <Localized fr={item.titleFr} nl={item.titleNl} />
        </Link>
      </h2>
      <p className="muted">
        {[
          localized(language, item.orgNameFr, item.orgNameNl),
          place,
          item.country ? names.country(item.country) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {description && (
        <p lang={description.lang === language ? undefined : description.lang}>
          {description.text.length > 240 ? `${description.text.slice(0, 237)}…` : description.text}
        </p>
      )}
      <p className="row">
        <span className="tag">{intl.formatMessage({ id: `network.services.enum.theme.${item.theme}` })}</span>
        <span className="tag tag--success">
          {intl.formatMessage({ id: `network.services.enum.access.${item.crossBorderAccess}` })}
        </span>
        <span className="muted">
          <FormattedMessage
            id="network.directory.languages_spoken"
            values={{ languages: intl.formatList(item.languages.map(names.language)) }}
          />
        </span>
      </p>
    </div>
  );
}

/** The public directory: anyone, signed in or not, searches the partners' cross-border services. */
export function DirectoryPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const options = useServiceOptions();
  const { filters, page, set, setPage } = useListAddress(directoryLink);
  const query = {
    q: filters.q,
    theme: oneOf(SERVICE_THEMES, filters.theme),
    language: oneOf(SERVICE_LANGUAGES, filters.language),
    country: oneOf(DIRECTORY_COUNTRIES, filters.country),
    municipality: filters.municipality,
    crossBorderAccess: oneOf(CROSS_BORDER_ACCESS, filters.crossBorderAccess),
  };
  const results = useEndpoint(
    directoryApi.search,
    { query: { ...query, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  // The server orders the results by their title in the reader's language: another language asks again.
  const askedIn = useRef(language);
  const { refetch } = results;
  useEffect(() => {
    if (askedIn.current === language) return;
    askedIn.current = language;
    void refetch();
  }, [language, refetch]);
  const places = useEndpoint(directoryApi.municipalities, {}, { staleTime: 300_000 });
  const filtered = Object.values(query).some(Boolean);
  const reset = () =>
    set({
      q: undefined,
      theme: undefined,
      language: undefined,
      country: undefined,
      municipality: undefined,
      crossBorderAccess: undefined,
    });
  const withAny = (o: Option[]) => [
    { id: ANY, label: intl.formatMessage({ id: 'network.directory.filter.any' }) },
    ...o,
  ];
  const select = (key: keyof typeof query & string, labelId: string, choices: Option[]) => (
    <Select
      label={intl.formatMessage({ id: labelId })}
      value={query[key] ?? ANY}
      onChange={(v) => set({ [key]: v === ANY ? undefined : v })}
      options={withAny(choices)}
    />
  );
  const municipalityOptions = (places.data?.items ?? []).map((m) => ({
    id: m.code,
    label: localized(language, m.nameFr, m.nameNl),
  }));

  return (
    <ListPage
      title={intl.formatMessage({ id: 'network.directory.title' })}
      description={
        <>
          <FormattedMessage id="network.directory.intro" />{' '}
          <Link to={publicInitiativesLink.href()}>
            <FormattedMessage id="initiatives.public.directory_link" />
          </Link>
        </>
      }
      search={{
        label: intl.formatMessage({ id: 'network.directory.search.label' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <>
          <div className="directory-filters">
            {select('theme', 'network.services.field.theme', options.themes)}
            {select('language', 'network.services.field.language', options.languages)}
            {select('country', 'network.services.field.country', options.countries)}
            {select('municipality', 'network.services.field.municipality', municipalityOptions)}
            {select('crossBorderAccess', 'network.services.field.access', options.access)}
          </div>
          {filtered && (
            <Button variant="ghost" onPress={reset}>
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
          {results.data && (
            <p aria-live="polite" className="muted">
              <FormattedMessage id="network.directory.results.count" values={{ count: results.data.total }} />
            </p>
          )}
        </>
      }
      query={results}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="network.directory.empty.title" />,
        body: <FormattedMessage id="network.directory.empty.none" />,
      }}
      noMatch={{
        title: <FormattedMessage id="network.directory.empty.title" />,
        body: <FormattedMessage id="network.directory.empty.widen" />,
      }}
      caption={intl.formatMessage({ id: 'network.directory.title' })}
      rowKey={(item) => item.id}
      onPage={setPage}
      columns={[
        {
          key: 'service',
          header: <FormattedMessage id="network.directory.column.service" />,
          render: (item) => <Result item={item} />,
        },
      ]}
    />
  );
}
