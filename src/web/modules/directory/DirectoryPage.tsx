import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import type {
  DirectoryItem,
  Municipality,
  DirectoryPage as Page,
} from '../../../common/network/service-schemas';
import { get, qs } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { Button } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Form, type Option, SearchField, Select } from '../../app/ui/fields';
import { PageHeader } from '../../app/ui/layout';
import { Pagination } from '../../app/ui/Table';
import { Localized, pickText, useDisplayNames, useServiceOptions } from './text';

const FILTERS = ['theme', 'language', 'country', 'municipality', 'crossBorderAccess'] as const;
const ANY = 'any';
const PAGE_SIZE = 20;

function ResultCard({ item }: { item: DirectoryItem }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const names = useDisplayNames();
  const description = pickText(language, item.descriptionFr, item.descriptionNl);
  const place = item.municipalityCode
    ? localized(language, item.municipalityNameFr, item.municipalityNameNl) || item.municipalityCode
    : null;
  return (
    <li className="card directory-result">
      <h2>
        <Link to={`/directory/${item.id}`}>
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
        <span className="tag">{intl.formatMessage({ id: `directory.enum.theme.${item.theme}` })}</span>
        <span className="tag tag--success">
          {intl.formatMessage({ id: `directory.enum.access.${item.crossBorderAccess}` })}
        </span>
        <span className="muted">
          <FormattedMessage
            id="directory.languages_spoken"
            values={{ languages: intl.formatList(item.languages.map(names.language)) }}
          />
        </span>
      </p>
    </li>
  );
}

/** The public directory: anyone, signed in or not, searches the partners' cross-border services. */
export function DirectoryPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const options = useServiceOptions();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = Object.fromEntries(['q', ...FILTERS].map((k) => [k, params.get(k) ?? undefined])) as Record<
    string,
    string | undefined
  >;

  const results = useQuery({
    queryKey: ['directory', language, query, page],
    queryFn: () => get<Page>(`/api/directory/services${qs({ ...query, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const places = useQuery({
    queryKey: ['directory-municipalities'],
    queryFn: () => get<{ items: Municipality[] }>('/api/directory/municipalities'),
    staleTime: 300_000,
  });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v && v !== ANY) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const filtered = FILTERS.some((f) => params.get(f)) || !!params.get('q');
  const withAny = (o: Option[]) => [
    { id: ANY, label: intl.formatMessage({ id: 'directory.filter.any' }) },
    ...o,
  ];
  const municipalityOptions = (places.data?.items ?? []).map((m) => ({
    id: m.code,
    label: localized(language, m.nameFr, m.nameNl),
  }));

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'directory.title' })}
        description={<FormattedMessage id="directory.intro" />}
      />
      <div className="card no-print">
        <Form
          className="stack"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: text.trim() || null });
          }}
        >
          <div className="row">
            <SearchField
              label={intl.formatMessage({ id: 'directory.search.label' })}
              value={text}
              onChange={setText}
              onSubmit={(v) => update({ q: v.trim() || null })}
            />
            <Button type="submit">
              <FormattedMessage id="common.search" />
            </Button>
          </div>
          <div className="directory-filters">
            <Select
              label={intl.formatMessage({ id: 'directory.field.theme' })}
              value={params.get('theme') ?? ANY}
              onChange={(v) => update({ theme: v })}
              options={withAny(options.themes)}
            />
            <Select
              label={intl.formatMessage({ id: 'directory.field.language' })}
              value={params.get('language') ?? ANY}
              onChange={(v) => update({ language: v })}
              options={withAny(options.languages)}
            />
            <Select
              label={intl.formatMessage({ id: 'directory.field.country' })}
              value={params.get('country') ?? ANY}
              onChange={(v) => update({ country: v })}
              options={withAny(options.countries)}
            />
            <Select
              label={intl.formatMessage({ id: 'directory.field.municipality' })}
              value={params.get('municipality') ?? ANY}
              onChange={(v) => update({ municipality: v })}
              options={withAny(municipalityOptions)}
            />
            <Select
              label={intl.formatMessage({ id: 'directory.field.access' })}
              value={params.get('crossBorderAccess') ?? ANY}
              onChange={(v) => update({ crossBorderAccess: v })}
              options={withAny(options.access)}
            />
          </div>
          {filtered && (
            <Button variant="ghost" onPress={() => setParams(new URLSearchParams())}>
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
        </Form>
      </div>

      <ErrorAlert error={results.error} />
      {results.isLoading && <Loading />}
      {results.data && (
        <>
          <p aria-live="polite" className="muted">
            <FormattedMessage id="directory.results.count" values={{ count: results.data.total }} />
          </p>
          {results.data.items.length === 0 ? (
            <EmptyState
              title={<FormattedMessage id="directory.empty.title" />}
              action={
                filtered ? (
                  <Button variant="secondary" onPress={() => setParams(new URLSearchParams())}>
                    <FormattedMessage id="common.reset_filters" />
                  </Button>
                ) : undefined
              }
            >
              <FormattedMessage id={filtered ? 'directory.empty.widen' : 'directory.empty.none'} />
            </EmptyState>
          ) : (
            <ul className="directory-results">
              {results.data.items.map((item) => (
                <ResultCard key={item.id} item={item} />
              ))}
            </ul>
          )}
          {results.data.total > PAGE_SIZE && (
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={results.data.total}
              onPage={(p) => update({ page: String(p) })}
            />
          )}
        </>
      )}
    </div>
  );
}
