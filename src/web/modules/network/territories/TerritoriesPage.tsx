import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { territoriesApi } from '../../../../common/network/endpoints';
import { territoriesLink } from '../../../../common/network/links';
import { COUNTRIES } from '../../../../common/network/organisation-schemas';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { oneOf } from '../narrow';
import { ImportCard } from './ImportCard';

const PAGE_SIZE = 25;
const ALL = '*';

/** The municipalities known to the platform, searchable; platform admins import more here. */
export function TerritoriesPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const canImport = useCan('territory.import');
  const { filters, page, set, setPage } = useListAddress(territoriesLink);
  const country = oneOf(COUNTRIES, filters.country);
  const list = useEndpoint(
    territoriesApi.list,
    { query: { q: filters.q, country, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const region = (code: string) => intl.formatMessage({ id: `network.organisations.enum.region.${code}` });
  return (
    <ListPage
      title={intl.formatMessage({ id: 'network.territories.title' })}
      description={<FormattedMessage id="network.territories.intro" />}
      before={canImport && <ImportCard />}
      search={{
        label: intl.formatMessage({ id: 'network.territories.search' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <Select
          label={intl.formatMessage({ id: 'network.organisations.field.country' })}
          value={country ?? ALL}
          onChange={(v) => set({ country: v === ALL ? undefined : v })}
          options={[
            { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
            ...COUNTRIES.map((c) => ({
              id: c,
              label: intl.formatMessage({ id: `network.organisations.enum.country.${c}` }),
            })),
          ]}
        />
      }
      query={list}
      filtered={!!(filters.q || country)}
      empty={{
        title: <FormattedMessage id="network.territories.empty.title" />,
        body: <FormattedMessage id="network.territories.empty.hint" />,
      }}
      caption={intl.formatMessage({ id: 'network.territories.list_caption' })}
      rowKey={(t) => t.code}
      onPage={setPage}
      columns={[
        {
          key: 'code',
          header: <FormattedMessage id="network.territories.column.code" />,
          render: (t) => t.code,
        },
        {
          key: 'name',
          header: <FormattedMessage id="network.territories.column.name" />,
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
          header: <FormattedMessage id="network.territories.column.parent" />,
          // The parent's name (an EPCI, a département, an arrondissement), its code when it is not known.
          render: (t) =>
            t.parentNameFr !== null && t.parentNameNl !== null
              ? localized(language, t.parentNameFr, t.parentNameNl)
              : (t.parentCode ?? '—'),
        },
        {
          key: 'region',
          header: <FormattedMessage id="network.territories.column.region" />,
          render: (t) => (t.region ? region(t.region) : '—'),
        },
        {
          key: 'population',
          header: <FormattedMessage id="network.territories.column.population" />,
          render: (t) => (t.population === null ? '—' : intl.formatNumber(t.population)),
        },
      ]}
    />
  );
}
