import { FormattedDate, FormattedMessage } from 'react-intl';
import { useLocation, useParams } from 'react-router';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import { publicBoardLink } from '../../../../common/observatory/links';
import { hrefOf, useEndpoint } from '../../../app/client';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { LanguageSwitch, PageLanguage, usePublicLanguage } from '../../../app/ui/PageLanguage';
import { useObsWords, W } from '../words';
import { themeName } from './BoardsPage';
import { Followups } from './Followups';
import { Tile } from './Tile';
import '../observatory.css';

/**
 * A published board without login, read-only, in French or Dutch: the address's language (?lang=), else the
 * visitor's (from the browser); a switch between the two. Aggregates only, with their sources and caveats.
 */
export function PublicBoardPage() {
  const { code = '' } = useParams();
  const location = useLocation();
  const lang = usePublicLanguage(publicBoardLink.read(location.search).lang);
  return (
    <PageLanguage language={lang}>
      <PublicBoard code={code} lang={lang} />
    </PageLanguage>
  );
}

function PublicBoard({ code, lang }: { code: string; lang: 'fr' | 'nl' }) {
  const w = useObsWords();
  const q = useEndpoint(api.publicView, { params: { code }, query: { lang } }, { retry: false });
  const switcher = (
    <LanguageSwitch
      current={lang}
      href={(l) => publicBoardLink.href({ code }, { lang: l })}
      label={w.msg('boards.language')}
      className="obs-controls"
    />
  );
  if (q.isLoading) return <Loading />;
  if (!q.data)
    return (
      <div className="stack">
        {switcher}
        <ErrorAlert error={q.error} />
      </div>
    );
  const b = q.data;
  return (
    <div className="stack">
      {switcher}
      <PageHeader
        title={b.title}
        description={b.description ?? undefined}
        actions={
          <a
            className="button button--secondary"
            download
            href={hrefOf(api.publicPdf, { params: { code }, query: { lang } })}
          >
            {w.msg('boards.pdf.download')}
          </a>
        }
      />
      <p className="description">
        {themeName(w, b.theme)} · {b.organisation}
        {b.group ? ` · ${b.group.name}` : ''} ·{' '}
        <FormattedMessage
          id={W('boards.published_on')}
          values={{ date: <FormattedDate value={b.publishedAt} dateStyle="long" /> }}
        />
      </p>
      <div className="obs-caveat" role="note">
        <FormattedMessage id={W('boards.public_note')} />
      </div>
      {b.tiles.map((t, i) => (
        // Tiles carry no id publicly; their order is the board's.
        // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity here.
        <Tile key={i} tile={t} />
      ))}
      <Followups code={b.code} followups={b.followups} />
    </div>
  );
}
