import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import { boardEditLink, boardLink, boardsLink, publicBoardLink } from '../../../../common/observatory/links';
import { hrefOf, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import { themeName } from './BoardsPage';
import { Followups } from './Followups';
import { Tile } from './Tile';
import '../observatory.css';

const PERIOD = /^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A thematic board: its tiles under board-wide period and territory filters, kept in the address. */
export function BoardPage() {
  const { code = '' } = useParams();
  const location = useLocation();
  const w = useObsWords();
  const { language } = useLanguage();
  const asked = boardLink.read(location.search);
  const period = PERIOD.test(asked.period ?? '') ? asked.period : undefined;
  const group = SLUG.test(asked.group ?? '') ? asked.group : undefined;
  const q = useEndpoint(api.view, {
    params: { code },
    query: { ...(period ? { period } : {}), ...(group ? { group } : {}) },
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const b = q.data;
  const href = (over: { period?: string | null; group?: string | null }) =>
    boardLink.href(
      { code },
      {
        period: (over.period === undefined ? b.shownPeriod : over.period) ?? undefined,
        group: (over.group === undefined ? b.shownGroup : over.group) ?? undefined,
      },
    );
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={boardsLink.href()}>
          <FormattedMessage id={W('boards.back')} />
        </Link>
      </p>
      <PageHeader
        title={b.title}
        description={b.description ?? undefined}
        actions={
          <>
            <a
              className="button button--secondary"
              download
              href={hrefOf(api.pdf, {
                params: { code },
                query: {
                  lang: language === 'nl' ? 'nl' : 'fr',
                  ...(b.shownPeriod ? { period: b.shownPeriod } : {}),
                  ...(b.shownGroup ? { group: b.shownGroup } : {}),
                },
              })}
            >
              {w.msg('boards.pdf.download')}
            </a>
            {b.publishedAt && (
              <LinkButton variant="secondary" to={publicBoardLink.href({ code })}>
                {w.msg('boards.public_page')}
              </LinkButton>
            )}
            {b.canEdit && (
              <LinkButton variant="secondary" to={boardEditLink.href({ code })}>
                {w.msg('boards.edit')}
              </LinkButton>
            )}
          </>
        }
      />
      <p className="description">
        {themeName(w, b.theme)} · {b.organisation} ·{' '}
        {b.publishedAt ? w.msg('boards.published') : w.msg('boards.draft')}
      </p>
      <div className="obs-controls no-print">
        <nav aria-label={w.msg('periods')}>
          <span>
            <FormattedMessage id={W('periods')} />:
          </span>
          <Link to={href({ period: null })} aria-current={b.shownPeriod === null ? 'page' : undefined}>
            <FormattedMessage id={W('boards.latest')} />
          </Link>
          {b.periods.map((p) => (
            <Link key={p} to={href({ period: p })} aria-current={p === b.shownPeriod ? 'page' : undefined}>
              {p}
            </Link>
          ))}
        </nav>
        <nav aria-label={w.msg('territory')}>
          <span>
            <FormattedMessage id={W('territory')} />:
          </span>
          <Link to={href({ group: null })} aria-current={b.shownGroup === null ? 'page' : undefined}>
            <FormattedMessage id={W('all_territories')} />
          </Link>
          {b.groups.map((g) => (
            <Link
              key={g.code}
              to={href({ group: g.code })}
              aria-current={g.code === b.shownGroup ? 'page' : undefined}
            >
              {g.name}
            </Link>
          ))}
        </nav>
      </div>
      {b.tiles.length === 0 ? (
        <EmptyState title={w.msg('boards.no_tiles')} />
      ) : (
        b.tiles.map((t) => <Tile key={t.id} tile={t} />)
      )}
      <Followups
        code={b.code}
        followups={b.followups}
        canAdd={b.canAddFollowup}
        indicators={[...new Map(b.tiles.map((t) => [t.indicator, t.map.indicator.label]))].map(
          ([c, label]) => ({
            code: c,
            label,
          }),
        )}
      />
    </div>
  );
}
