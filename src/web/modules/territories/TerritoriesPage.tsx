import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import type { TerritoryPage } from '../../../common/network/territory-schemas';
import { get, qs } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { useCan } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { SearchField, Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';
import { ImportCard } from './ImportCard';

const PAGE_SIZE = 25;
const ALL = '*';

/** The municipalities known to the platform, searchable; platform admins import more here. */
export function TerritoriesPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const canImport = useCan('territory.import');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const country = params.get('country') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v && v !== ALL) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['territories', 'list', q, country, page],
    queryFn: () => get<TerritoryPage>(`/api/territories${qs({ q, country, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'territories.title' })}
        description={<FormattedMessage id="territories.intro" />}
      />
      {canImport && <ImportCard />}
      <Card>
        <form
          className="row no-print"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: text.trim() });
          }}
        >
          <SearchField
            label={intl.formatMessage({ id: 'territories.search' })}
            value={text}
            onChange={setText}
            onSubmit={(v) => update({ q: v.trim() })}
          />
          <Select
            label={intl.formatMessage({ id: 'organisations.field.country' })}
            value={country || ALL}
            onChange={(v) => update({ country: v })}
            options={[
              { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
              ...['FR', 'BE'].map((c) => ({
                id: c,
                label: intl.formatMessage({ id: `organisations.enum.country.${c}` }),
              })),
            ]}
          />
          <Button type="submit">
            <FormattedMessage id="common.search" />
          </Button>
        </form>
      </Card>
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState title={<FormattedMessage id="territories.empty.title" />}>
          <FormattedMessage id="territories.empty.hint" />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'territories.list_caption' })}
            rows={list.data.items}
            rowKey={(t) => t.code}
            columns={[
              {
                key: 'code',
                header: <FormattedMessage id="territories.column.code" />,
                render: (t) => t.code,
              },
              {
                key: 'name',
                header: <FormattedMessage id="territories.column.name" />,
                render: (t) => {
                  const main = localized(language, t.nameFr, t.nameNl);
                  const other = language === 'nl' ? t.nameFr : t.nameNl;
                  return (
                    <>
                      {main}
                      {other !== main && <span className="muted"> ({other})</span>}
                    </>
                  );
                },
              },
              {
                key: 'parent',
                header: <FormattedMessage id="territories.column.parent" />,
                render: (t) => t.parentCode ?? '—',
              },
              {
                key: 'region',
                header: <FormattedMessage id="territories.column.region" />,
                render: (t) =>
                  t.region ? intl.formatMessage({ id: `organisations.enum.region.${t.region}` }) : '—',
              },
              {
                key: 'population',
                header: <FormattedMessage id="territories.column.population" />,
                render: (t) => (t.population === null ? '—' : intl.formatNumber(t.population)),
              },
            ]}
          />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </div>
  );
}
