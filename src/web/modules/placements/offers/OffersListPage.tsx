import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import type { OfferItem, OfferPage } from '../../../common/placements/offer-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Checkbox, SearchField, Select } from '../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { Pagination } from '../../app/ui/Table';
import { LanguageNeed, useOfferOptions, useOfferText, usePeriod } from './text';

const PAGE_SIZE = 20;
/** The "any" choice of a filter (an empty key is not a valid list item). */
const ANY = 'any';

interface Filters {
  q: string;
  sector: string;
  country: string;
  language: string;
  open: boolean;
  mine: boolean;
}
const NO_FILTERS: Filters = { q: '', sector: '', country: '', language: '', open: true, mine: false };

function OfferCard({ offer }: { offer: OfferItem }) {
  const intl = useIntl();
  const text = useOfferText();
  const period = usePeriod();
  return (
    <li>
      <Card
        title={<Link to={`/app/offers/${offer.id}`}>{text.title(offer)}</Link>}
        actions={
          offer.status === 'closed' ? (
            <span className="tag tag--warning">
              <FormattedMessage id="placements.enum.status.closed" />
            </span>
          ) : undefined
        }
      >
        <Facts
          items={[
            [
              <FormattedMessage key="h" id="placements.field.host" />,
              `${text.host(offer)} · ${offer.siteName}`,
            ],
            [
              <FormattedMessage key="p" id="placements.field.municipality" />,
              `${text.place(offer)} (${intl.formatMessage({ id: `placements.enum.country.${offer.country}` })})`,
            ],
            [
              <FormattedMessage key="s" id="placements.field.sector" />,
              intl.formatMessage({ id: `placements.enum.sector.${offer.sector}` }),
            ],
            [<FormattedMessage key="d" id="placements.field.dates" />, period(offer.startsOn, offer.endsOn)],
            [
              <FormattedMessage key="n" id="placements.field.positions" />,
              intl.formatMessage(
                { id: 'placements.value.positions' },
                { free: offer.freePositions, total: offer.positions },
              ),
            ],
            [
              <FormattedMessage key="l" id="placements.field.language" />,
              <LanguageNeed key="lv" code={offer.languageCode} level={offer.languageLevel} />,
            ],
          ]}
        />
      </Card>
    </li>
  );
}

/** The network's placement offers, open ones first, with filters; hosts publish from here. */
export function OffersListPage() {
  const intl = useIntl();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const options = useOfferOptions();
  const canManage = useCan('offer.manage');
  const canCohort = useCan('placement.programme_overview');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  const set =
    <K extends keyof Filters>(k: K) =>
    (v: Filters[K]) => {
      setFilters((f) => ({ ...f, [k]: v }));
      setPage(1);
    };
  const q = useQuery({
    queryKey: ['offers', filters, page],
    queryFn: () =>
      get<OfferPage>(
        `/api/offers${qs({
          q: filters.q,
          sector: filters.sector,
          country: filters.country,
          language: filters.language,
          open: filters.open ? undefined : 'false',
          mine: filters.mine ? 'true' : undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const any = (list: { id: string; label: string }[]) => [
    { id: ANY, label: intl.formatMessage({ id: 'placements.filter.any' }) },
    ...list,
  ];
  const add = canManage ? (
    <LinkButton to="/app/offers/new">
      <FormattedMessage id="placements.list.new" />
    </LinkButton>
  ) : undefined;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.list.title' })}
        description={<FormattedMessage id="placements.list.intro" />}
        actions={
          <>
            {add}
            {canCohort && (
              <LinkButton to="/app/offers/cohort" variant="secondary">
                <FormattedMessage id="placements.list.cohort" />
              </LinkButton>
            )}
          </>
        }
      />
      {notice && <Alert tone="success" title={<FormattedMessage id={notice} />} />}
      <Card>
        <div className="stack">
          <SearchField
            label={intl.formatMessage({ id: 'placements.filter.q' })}
            value={typed}
            onChange={(v) => {
              setTyped(v);
              if (!v) set('q')('');
            }}
            onSubmit={(v) => set('q')(v.trim())}
          />
          <div className="grid-2">
            <Select
              label={intl.formatMessage({ id: 'placements.field.sector' })}
              value={filters.sector || ANY}
              onChange={(v) => set('sector')(v === ANY ? '' : v)}
              options={any(options.sectors)}
            />
            <Select
              label={intl.formatMessage({ id: 'placements.field.country' })}
              value={filters.country || ANY}
              onChange={(v) => set('country')(v === ANY ? '' : v)}
              options={any(options.countries)}
            />
            <Select
              label={intl.formatMessage({ id: 'placements.field.language' })}
              value={filters.language || ANY}
              onChange={(v) => set('language')(v === ANY ? '' : v)}
              options={any(options.languages)}
            />
          </div>
          <div className="row">
            <Checkbox isSelected={filters.open} onChange={set('open')}>
              <FormattedMessage id="placements.filter.open_only" />
            </Checkbox>
            {canManage && (
              <Checkbox isSelected={filters.mine} onChange={set('mine')}>
                <FormattedMessage id="placements.filter.mine" />
              </Checkbox>
            )}
          </div>
        </div>
      </Card>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      {q.data && (
        <p className="muted" aria-live="polite">
          <FormattedMessage id="placements.list.results" values={{ total: q.data.total }} />
        </p>
      )}
      {q.data && q.data.items.length === 0 && !filtered && (
        <EmptyState title={<FormattedMessage id="placements.list.empty.title" />} action={add}>
          <FormattedMessage id="placements.list.empty.hint" />
        </EmptyState>
      )}
      {q.data && q.data.items.length === 0 && filtered && (
        <EmptyState title={<FormattedMessage id="placements.list.empty_filtered.title" />}>
          <FormattedMessage id="placements.list.empty_filtered.hint" />
        </EmptyState>
      )}
      {q.data && q.data.items.length > 0 && (
        <>
          <ul className="stack offer-cards">
            {q.data.items.map((o) => (
              <OfferCard key={o.id} offer={o} />
            ))}
          </ul>
          {q.data.total > PAGE_SIZE && (
            <Pagination page={page} pageSize={PAGE_SIZE} total={q.data.total} onPage={setPage} />
          )}
        </>
      )}
    </div>
  );
}
