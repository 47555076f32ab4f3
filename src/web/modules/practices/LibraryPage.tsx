import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { practicesApi, publicPracticesApi } from '../../../common/practices/endpoints';
import {
  libraryLink,
  libraryPracticeLink,
  practiceLink,
  practiceNewLink,
  practicesLink,
} from '../../../common/practices/links';
import { PRACTICE_THEMES, type PracticeItem } from '../../../common/practices/schemas';
import { useEndpoint } from '../../app/client';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { type Option, Select } from '../../app/ui/fields';
import { ListPage, useListAddress } from '../../app/ui/ListPage';
import { TranslationMark } from './TranslationMark';
import { pickTitle, statusTone, usePracticeWords } from './words';

const ANY = 'any';
const PAGE_SIZE = 20;
const COUNTRIES = ['FR', 'BE'] as const;
const pick = <T extends string>(list: readonly T[], v: string | undefined) => list.find((x) => x === v);

function Result({ item, href, showStatus }: { item: PracticeItem; href: string; showStatus: boolean }) {
  const w = usePracticeWords();
  const title = pickTitle(w.language, item.titleFr, item.titleNl);
  const summary = pickTitle(w.language, item.summaryFr, item.summaryNl);
  return (
    <div className="practice-result">
      <h2>
        <Link to={href} lang={title.lang === w.language ? undefined : title.lang}>
          {title.text}
        </Link>
      </h2>
      <p className="muted">{[w.org(item.org), w.country(item.org.country), item.reference].join(' · ')}</p>
      {summary.text && <p lang={summary.lang === w.language ? undefined : summary.lang}>{summary.text}</p>}
      <p className="row">
        {showStatus && <span className={statusTone(item.status)}>{w.status(item.status)}</span>}
        <TranslationMark
          originalLanguage={item.originalLanguage}
          hasFr={item.titleFr !== null}
          hasNl={item.titleNl !== null}
          compact
        />
        {item.themes.map((t) => (
          <span key={t} className="tag">
            {w.theme(t)}
          </span>
        ))}
        {item.adoptions > 0 && (
          <span className="tag tag--success">
            <FormattedMessage id="practices.library.adoptions" values={{ count: item.adoptions }} />
          </span>
        )}
      </p>
    </div>
  );
}

/**
 * The practice library, for signed-in users (`network`: the network's published sheets, or with "ours"
 * the organisation's own in every status) or for anybody (`public`: the sheets opened to the public).
 * Words are searched in French and Dutch whatever the page's language.
 */
function Library({ mode }: { mode: 'network' | 'public' }) {
  const intl = useIntl();
  const w = usePracticeWords();
  // The public address has the same filters but `mine`, which the public mode never sets nor reads.
  const link = (mode === 'public' ? libraryLink : practicesLink) as typeof practicesLink;
  const { filters, page, set, setPage } = useListAddress(link);
  const mine = mode === 'network' && filters.mine === true;
  const canWrite = useCan('practice.write');
  const query = {
    q: filters.q,
    theme: pick(PRACTICE_THEMES, filters.theme),
    tag: filters.tag,
    orgId: filters.org,
    country: pick(COUNTRIES, filters.country),
  };
  const api = mode === 'public' ? publicPracticesApi : practicesApi;
  const results = useEndpoint(
    api.search,
    { query: { ...query, ...(mine ? { mine: true } : {}), page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const facets = useEndpoint(api.facets, {}, { staleTime: 60_000 });
  const filtered = Object.values(query).some(Boolean);
  const withAny = (o: Option[]) => [
    { id: ANY, label: intl.formatMessage({ id: 'practices.library.any' }) },
    ...o,
  ];
  const select = (key: 'theme' | 'tag' | 'org' | 'country', labelId: string, choices: Option[]) => (
    <Select
      label={intl.formatMessage({ id: labelId })}
      value={filters[key] ?? ANY}
      onChange={(v) => set({ [key]: v === ANY ? undefined : v })}
      options={withAny(choices)}
    />
  );
  const href = (id: string) => (mode === 'public' ? libraryPracticeLink : practiceLink).href({ id });
  return (
    <ListPage
      title={intl.formatMessage({
        id: mode === 'public' ? 'practices.library.public_title' : 'practices.library.title',
      })}
      description={
        <FormattedMessage
          id={mode === 'public' ? 'practices.library.public_intro' : 'practices.library.intro'}
        />
      }
      actions={
        mode === 'network' && canWrite ? (
          <LinkButton to={practiceNewLink.href()}>
            <FormattedMessage id="practices.library.new" />
          </LinkButton>
        ) : undefined
      }
      before={
        mode === 'network' ? (
          <nav className="row" aria-label={intl.formatMessage({ id: 'practices.library.scope' })}>
            <LinkButton
              to={practicesLink.href()}
              variant={mine ? 'secondary' : 'primary'}
              aria-current={mine ? undefined : 'page'}
            >
              <FormattedMessage id="practices.library.scope_network" />
            </LinkButton>
            <LinkButton
              to={practicesLink.href(undefined, { mine: true })}
              variant={mine ? 'primary' : 'secondary'}
              aria-current={mine ? 'page' : undefined}
            >
              <FormattedMessage id="practices.library.scope_mine" />
            </LinkButton>
          </nav>
        ) : undefined
      }
      search={{
        label: intl.formatMessage({ id: 'practices.library.search' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <>
          <div className="practice-filters">
            {select('theme', 'practices.field.themes', w.themeOptions())}
            {select(
              'org',
              'practices.library.organisation',
              (facets.data?.organisations ?? []).map((o) => ({ id: o.id, label: w.org(o) })),
            )}
            {select(
              'country',
              'practices.library.country',
              COUNTRIES.map((c) => ({ id: c, label: w.country(c) })),
            )}
            {select(
              'tag',
              'practices.field.tags',
              (facets.data?.tags ?? []).map((t) => ({ id: t, label: t })),
            )}
          </div>
          {filtered && (
            <Button
              variant="ghost"
              onPress={() =>
                set({ q: undefined, theme: undefined, tag: undefined, org: undefined, country: undefined })
              }
            >
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
          {results.data && (
            <p aria-live="polite" className="muted">
              <FormattedMessage id="practices.library.count" values={{ count: results.data.total }} />
            </p>
          )}
        </>
      }
      query={results}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="practices.library.empty_title" />,
        body: (
          <FormattedMessage
            id={
              mine
                ? 'practices.library.empty_mine'
                : mode === 'public'
                  ? 'practices.library.empty_public'
                  : 'practices.library.empty'
            }
          />
        ),
      }}
      noMatch={{
        title: <FormattedMessage id="practices.library.empty_title" />,
        body: <FormattedMessage id="practices.library.no_match" />,
      }}
      caption={intl.formatMessage({ id: 'practices.library.title' })}
      rowKey={(item) => item.id}
      onPage={setPage}
      columns={[
        {
          key: 'practice',
          header: <FormattedMessage id="practices.library.column" />,
          render: (item) => <Result item={item} href={href(item.id)} showStatus={mine} />,
        },
      ]}
    />
  );
}

export function LibraryPage() {
  return <Library mode="network" />;
}

export function PublicLibraryPage() {
  return <Library mode="public" />;
}
