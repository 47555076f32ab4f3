import { FormattedMessage, useIntl } from 'react-intl';
import type { OrgRef } from '../../../../common/network/programme-schemas';
import { AGREEMENT_STATUSES } from '../../../../common/placements/agreement-workflow';
import { OVERVIEW_SORTS } from '../../../../common/placements/overview-schemas';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Select } from '../../../app/ui/fields';
import type { FilterKey, Filters } from './filters';

/** The "any" choice of a select (an empty key is not a valid list item). */
const ANY = '*';

/**
 * The overview's filters under the list page's participant code search: the selects and the period, then
 * chips with the count of placements per status under the other filters (a chip selects its status).
 */
export function OverviewFilters({
  filters,
  orgs,
  counts,
  orgName,
  onChange,
  onReset,
}: {
  filters: Filters;
  orgs: OrgRef[];
  counts: Record<string, number> | undefined;
  orgName: (o: OrgRef) => string;
  onChange: (changes: Partial<Record<FilterKey, string>>) => void;
  onReset: () => void;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const any = { id: ANY, label: label('common.all') };
  const orgOptions = [any, ...orgs.map((o) => ({ id: o.id, label: orgName(o) }))];
  const pick = (key: FilterKey) => (v: string) => onChange({ [key]: v === ANY ? '' : v });
  const total = Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <p className="muted">
        <FormattedMessage id="placements.overview.search_hint" />
      </p>
      <fieldset className="row">
        <legend className="visually-hidden">
          <FormattedMessage id="placements.overview.filters" />
        </legend>
        <Select
          label={label('placements.overview.column.status')}
          value={filters.status ?? ANY}
          onChange={pick('status')}
          options={[
            any,
            ...AGREEMENT_STATUSES.map((s) => ({ id: s, label: label(`placements.agreements.status.${s}`) })),
          ]}
        />
        <Select
          label={label('placements.overview.filter.home_org')}
          value={filters.homeOrgId ?? ANY}
          onChange={pick('homeOrgId')}
          options={orgOptions}
        />
        <Select
          label={label('placements.overview.filter.host_org')}
          value={filters.hostOrgId ?? ANY}
          onChange={pick('hostOrgId')}
          options={orgOptions}
        />
        <DateField
          label={label('placements.overview.filter.from')}
          value={filters.from ?? ''}
          onChange={(v) => onChange({ from: v })}
        />
        <DateField
          label={label('placements.overview.filter.to')}
          value={filters.to ?? ''}
          onChange={(v) => onChange({ to: v })}
        />
        <Select
          label={label('placements.overview.filter.sort')}
          value={filters.sort ?? 'starts_on'}
          onChange={pick('sort')}
          options={OVERVIEW_SORTS.map((s) => ({ id: s, label: label(`placements.overview.sort.${s}`) }))}
        />
        <Select
          label={label('placements.overview.filter.order')}
          value={filters.order ?? ANY}
          onChange={pick('order')}
          options={[
            { id: ANY, label: label('placements.overview.order.default') },
            { id: 'asc', label: label('placements.overview.order.asc') },
            { id: 'desc', label: label('placements.overview.order.desc') },
          ]}
        />
        {filtered && (
          <Button variant="ghost" onPress={onReset}>
            <FormattedMessage id="common.reset_filters" />
          </Button>
        )}
      </fieldset>
      {counts && (
        <nav className="row no-print" aria-label={label('placements.overview.counts')}>
          <Button variant={filters.status ? 'secondary' : 'primary'} onPress={() => onChange({ status: '' })}>
            <FormattedMessage id="placements.overview.count_all" values={{ count: total }} />
          </Button>
          {AGREEMENT_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
            <Button
              key={s}
              variant={filters.status === s ? 'primary' : 'secondary'}
              onPress={() => onChange({ status: s })}
            >
              <FormattedMessage
                id="placements.overview.count_status"
                values={{ status: label(`placements.agreements.status.${s}`), count: counts[s] }}
              />
            </Button>
          ))}
        </nav>
      )}
    </>
  );
}
