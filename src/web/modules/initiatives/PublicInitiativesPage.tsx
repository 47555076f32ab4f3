import { Link, useLocation, useParams } from 'react-router';
import { publicInitiativesApi as pub } from '../../../common/initiatives/endpoints';
import { publicInitiativeLink, publicInitiativesLink } from '../../../common/initiatives/links';
import { useEndpoint } from '../../app/client';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Facts, PageHeader } from '../../app/ui/layout';
import { LanguageSwitch, PageLanguage, usePageError, usePublicLanguage } from '../../app/ui/PageLanguage';
import { CrossBorderBadge, StatusBadge } from './Badges';
import { useInitiativeWords } from './words';

/**
 * The public directory's initiatives, in French or Dutch (?lang=, else the visitor's): only the published
 * ones, with organisations, municipalities and results; no person (volunteers only counted).
 */
export function PublicInitiativesPage() {
  const location = useLocation();
  const lang = usePublicLanguage(publicInitiativesLink.read(location.search).lang);
  return (
    <PageLanguage language={lang}>
      <PublicList lang={lang} />
    </PageLanguage>
  );
}

function PublicList({ lang }: { lang: 'fr' | 'nl' }) {
  const w = useInitiativeWords();
  const pageError = usePageError();
  const q = useEndpoint(pub.list, { query: { lang } }, { retry: false });
  return (
    <div className="stack">
      <LanguageSwitch
        current={lang}
        href={(l) => publicInitiativesLink.href({}, { lang: l })}
        label={w.m('public.language')}
      />
      <PageHeader title={w.m('public.title')} description={w.m('public.description')} />
      {q.isLoading ? (
        <Loading />
      ) : !q.data ? (
        <ErrorAlert error={pageError(q.error)} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={w.m('public.empty')} />
      ) : (
        <ul className="stack">
          {q.data.items.map((i) => (
            <li key={i.id}>
              <Link to={publicInitiativeLink.href({ id: i.id }, { lang })}>{i.title}</Link>{' '}
              <StatusBadge status={i.status} /> <CrossBorderBadge crossBorder={i.crossBorder} />
              <p>
                {i.lead}
                {i.territories.length > 0 && ` · ${i.territories.join(', ')}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PublicInitiativePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const lang = usePublicLanguage(publicInitiativeLink.read(location.search).lang);
  return (
    <PageLanguage language={lang}>
      <PublicOne id={id} lang={lang} />
    </PageLanguage>
  );
}

function PublicOne({ id, lang }: { id: string; lang: 'fr' | 'nl' }) {
  const w = useInitiativeWords();
  const pageError = usePageError();
  const q = useEndpoint(pub.get, { params: { id }, query: { lang } }, { retry: false });
  const switcher = (
    <LanguageSwitch
      current={lang}
      href={(l) => publicInitiativeLink.href({ id }, { lang: l })}
      label={w.m('public.language')}
    />
  );
  if (q.isLoading) return <Loading />;
  if (!q.data)
    return (
      <div className="stack">
        {switcher}
        <ErrorAlert error={pageError(q.error)} />
      </div>
    );
  const i = q.data;
  return (
    <div className="stack">
      {switcher}
      <p>
        <Link to={publicInitiativesLink.href({}, { lang })}>{w.m('public.back')}</Link>
      </p>
      <PageHeader
        title={i.title}
        description={
          <>
            <StatusBadge status={i.status} /> <CrossBorderBadge crossBorder={i.crossBorder} />
          </>
        }
      />
      {i.description && <p className="pre-line">{i.description}</p>}
      <Facts
        items={[
          [w.m('field.lead'), i.lead],
          [w.m('field.partners'), i.partners.join(', ') || '—'],
          [w.m('field.municipalities'), i.territories.join(', ') || '—'],
          [w.m('field.target_public'), i.targetPublic ?? '—'],
          [
            w.m('volunteers.title'),
            w.m('volunteers.totals', {
              volunteers: i.volunteerTotals.volunteers,
              hours: i.volunteerTotals.hours,
            }),
          ],
        ]}
      />
      <h2>{w.m('results.title')}</h2>
      {i.results.length === 0 ? (
        <p>{w.m('results.none')}</p>
      ) : (
        <ul className="stack">
          {i.results.map((r) => (
            <li key={`${r.entryOn}-${r.text.slice(0, 20)}`}>
              <strong>{w.day(r.entryOn)}</strong>
              <p className="pre-line">{r.text}</p>
              {r.figure !== null && (
                <p>
                  {w.number(r.figure)} {r.figureLabel ?? ''}
                </p>
              )}
              {r.linkUrl && (
                <a href={r.linkUrl} target="_blank" rel="noreferrer noopener">
                  {r.linkUrl}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
