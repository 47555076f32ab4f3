import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import { BOARD_THEMES, type BoardTheme } from '../../../../common/observatory/board-schemas';
import { boardEditLink, boardLink, observatoryLink } from '../../../../common/observatory/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import '../observatory.css';

/** The joint analysis's thematic boards, and a new one for those who may. */
export function BoardsPage() {
  const w = useObsWords();
  const q = useEndpoint(api.list, {});
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { items, canCreate } = q.data;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={observatoryLink.href()}>
          <FormattedMessage id={W('back')} />
        </Link>
      </p>
      <PageHeader
        title={w.msg('boards.title')}
        description={w.msg('boards.intro')}
        actions={canCreate && <NewBoard />}
      />
      <Card>
        {items.length === 0 ? (
          <EmptyState title={w.msg('boards.none')} />
        ) : (
          <ul className="obs-indicators">
            {items.map((b) => (
              <li key={b.id}>
                <Link to={boardLink.href({ code: b.code })}>{b.title}</Link>
                <span className="description">
                  {themeName(w, b.theme)} · {b.organisation} · {w.msg('boards.tiles', { n: b.tileCount })} ·{' '}
                  {b.publishedAt ? w.msg('boards.published') : w.msg('boards.draft')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export const themeName = (w: ReturnType<typeof useObsWords>, t: string) =>
  t === 'custom' ? w.msg('boards.theme_custom') : w.theme(t);

function NewBoard() {
  const w = useObsWords();
  const navigate = useNavigate();
  const create = useEndpointMutation(api.create, [api.list]);
  const [code, setCode] = useState('');
  const [titleFr, setTitleFr] = useState('');
  const [titleNl, setTitleNl] = useState('');
  const [theme, setTheme] = useState<BoardTheme>('poverty');
  return (
    <FormDialog
      trigger={<Button>{w.msg('boards.create')}</Button>}
      title={w.msg('boards.create')}
      submitLabel={w.msg('boards.create_submit')}
      isSubmitDisabled={!code || !titleFr.trim() || !titleNl.trim()}
      onSubmit={async () => {
        const r = await create.mutateAsync({ body: { code, titleFr, titleNl, theme } });
        navigate(boardEditLink.href({ code: r.code }));
        return true;
      }}
    >
      <TextField label={w.msg('boards.field.title_fr')} value={titleFr} onChange={setTitleFr} isRequired />
      <TextField label={w.msg('boards.field.title_nl')} value={titleNl} onChange={setTitleNl} isRequired />
      <TextField
        label={w.msg('boards.field.code')}
        description={w.msg('boards.field.code_hint')}
        value={code}
        onChange={(v) => setCode(v.toLowerCase())}
        isRequired
        maxLength={60}
      />
      <Select
        label={w.msg('column.theme')}
        value={theme}
        onChange={(v) => setTheme(v as BoardTheme)}
        options={BOARD_THEMES.map((t) => ({ id: t, label: themeName(w, t) }))}
      />
    </FormDialog>
  );
}
