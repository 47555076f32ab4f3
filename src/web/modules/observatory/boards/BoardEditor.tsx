import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import {
  BOARD_THEMES,
  type BoardTheme,
  type BoardView,
  TILE_KINDS,
  type TileKind,
} from '../../../../common/observatory/board-schemas';
import { observatoryEndpoints as obsApi } from '../../../../common/observatory/endpoints';
import { boardLink } from '../../../../common/observatory/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import { themeName } from './BoardsPage';
import '../observatory.css';

/** No group, or each indicator's latest period (a select's key cannot be empty). */
const NONE = '-';

/** The owner's editor: texts, theme and filters; the tiles (add, move, remove); publishing. */
export function BoardEditor() {
  const { code = '' } = useParams();
  const q = useEndpoint(api.view, { params: { code }, query: {} });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  // Keyed by the last change so that the form restarts from what was saved.
  return <Editor key={q.data.tiles.length} board={q.data} />;
}

function Editor({ board: b }: { board: BoardView }) {
  const w = useObsWords();
  const refresh = [api.view, api.list];
  const update = useEndpointMutation(api.update, refresh);
  const [titleFr, setTitleFr] = useState(b.titleFr);
  const [titleNl, setTitleNl] = useState(b.titleNl);
  const [descriptionFr, setDescriptionFr] = useState(b.descriptionFr ?? '');
  const [descriptionNl, setDescriptionNl] = useState(b.descriptionNl ?? '');
  const [theme, setTheme] = useState(b.theme);
  const [group, setGroup] = useState(b.group ?? NONE);
  const [period, setPeriod] = useState(b.period ?? NONE);
  const [saved, setSaved] = useState(false);
  if (!b.canEdit) return <Alert tone="error" title={w.msg('boards.not_yours')} />;
  const save = async () => {
    setSaved(false);
    await update.mutateAsync({
      params: { code: b.code },
      body: {
        titleFr,
        titleNl,
        descriptionFr: descriptionFr.trim() || null,
        descriptionNl: descriptionNl.trim() || null,
        theme: theme as BoardTheme,
        group: group === NONE ? null : group,
        period: period === NONE ? null : period,
      },
    });
    setSaved(true);
  };
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={boardLink.href({ code: b.code })}>
          <FormattedMessage id={W('boards.back_to_board')} />
        </Link>
      </p>
      <PageHeader title={w.msg('boards.edit_title', { title: b.title })} />
      <Card title={w.msg('boards.settings')}>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save().catch(() => {});
          }}
        >
          {update.error && <ErrorAlert error={update.error} />}
          {saved && <Alert tone="success" title={w.msg('boards.saved')} />}
          <TextField
            label={w.msg('boards.field.title_fr')}
            value={titleFr}
            onChange={setTitleFr}
            isRequired
          />
          <TextField
            label={w.msg('boards.field.title_nl')}
            value={titleNl}
            onChange={setTitleNl}
            isRequired
          />
          <TextArea
            label={w.msg('boards.field.description_fr')}
            value={descriptionFr}
            onChange={setDescriptionFr}
          />
          <TextArea
            label={w.msg('boards.field.description_nl')}
            value={descriptionNl}
            onChange={setDescriptionNl}
          />
          <Select
            label={w.msg('column.theme')}
            value={theme}
            onChange={setTheme}
            options={BOARD_THEMES.map((t) => ({ id: t, label: themeName(w, t) }))}
          />
          <Select
            label={w.msg('territory')}
            value={group}
            onChange={setGroup}
            options={[
              { id: NONE, label: w.msg('all_territories') },
              ...b.groups.map((g) => ({ id: g.code, label: g.name })),
            ]}
          />
          <Select
            label={w.msg('periods')}
            value={period}
            onChange={setPeriod}
            options={[
              { id: NONE, label: w.msg('boards.latest') },
              ...b.periods.map((p) => ({ id: p, label: p })),
            ]}
          />
          <div className="row">
            <Button type="submit" isDisabled={update.isPending || !titleFr.trim() || !titleNl.trim()}>
              {w.msg('boards.save')}
            </Button>
          </div>
        </form>
      </Card>
      <Tiles board={b} />
      <Publish board={b} />
    </div>
  );
}

function Tiles({ board: b }: { board: BoardView }) {
  const w = useObsWords();
  const refresh = [api.view, api.list];
  const add = useEndpointMutation(api.addTile, refresh);
  const remove = useEndpointMutation(api.removeTile, refresh);
  const move = useEndpointMutation(api.moveTile, refresh);
  const catalogue = useEndpoint(obsApi.catalogue, {});
  const [indicator, setIndicator] = useState<string | null>(null);
  const [kind, setKind] = useState<TileKind>('map');
  const [geoA, setGeoA] = useState<string | null>(null);
  const [geoB, setGeoB] = useState<string | null>(null);
  const error = add.error ?? remove.error ?? move.error;
  // A comparison's municipalities: those of the chosen indicator's map (any group).
  const places = useEndpoint(
    obsApi.indicatorMap,
    { params: { code: indicator ?? '' }, query: {} },
    { enabled: kind === 'compare' && !!indicator },
  );
  const choices = [...(places.data?.cells ?? [])]
    .sort((x, y) => x.name.localeCompare(y.name))
    .map((c) => ({ id: c.code, label: `${c.name} (${w.msg(`country.${c.country}`)})` }));
  const ready = !!indicator && (kind !== 'compare' || (!!geoA && !!geoB && geoA !== geoB));
  return (
    <Card title={w.msg('boards.tiles_title')}>
      <div className="stack">
        {error && <ErrorAlert error={error} />}
        {b.tiles.length === 0 ? (
          <p className="description">{w.msg('boards.no_tiles')}</p>
        ) : (
          <ol className="obs-tile-list">
            {b.tiles.map((t, i) => (
              <li key={t.id}>
                <span className="obs-tile-label">
                  {t.map.indicator.label}{' '}
                  <span className="description">
                    ({w.msg(`boards.kind.${t.kind}`)}
                    {t.compare ? ` : ${t.compare.a.name} – ${t.compare.b.name}` : ''})
                  </span>
                </span>
                <Button
                  variant="ghost"
                  isDisabled={i === 0}
                  aria-label={w.msg('boards.move_up', { tile: t.map.indicator.label })}
                  onPress={() =>
                    move.mutate({ params: { code: b.code, tile: t.id }, body: { direction: 'up' } })
                  }
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  isDisabled={i === b.tiles.length - 1}
                  aria-label={w.msg('boards.move_down', { tile: t.map.indicator.label })}
                  onPress={() =>
                    move.mutate({ params: { code: b.code, tile: t.id }, body: { direction: 'down' } })
                  }
                >
                  ↓
                </Button>
                <Button
                  variant="danger"
                  aria-label={w.msg('boards.remove', { tile: t.map.indicator.label })}
                  onPress={() => remove.mutate({ params: { code: b.code, tile: t.id } })}
                >
                  {w.msg('boards.remove_short')}
                </Button>
              </li>
            ))}
          </ol>
        )}
        <div className="row">
          <Select
            label={w.msg('boards.add_indicator')}
            value={indicator}
            onChange={setIndicator}
            placeholder={w.msg('boards.choose_indicator')}
            options={(catalogue.data?.indicators ?? []).map((i) => ({ id: i.code, label: i.label }))}
          />
          <Select
            label={w.msg('boards.kind_label')}
            value={kind}
            onChange={(v) => setKind(v as TileKind)}
            options={TILE_KINDS.map((k) => ({ id: k, label: w.msg(`boards.kind.${k}`) }))}
          />
          {kind === 'compare' && (
            <>
              <Select
                label={w.msg('boards.compare.geo_a')}
                value={geoA}
                onChange={setGeoA}
                placeholder={w.msg('boards.compare.choose')}
                options={choices}
              />
              <Select
                label={w.msg('boards.compare.geo_b')}
                value={geoB}
                onChange={setGeoB}
                placeholder={w.msg('boards.compare.choose')}
                options={choices.filter((c) => c.id !== geoA)}
              />
            </>
          )}
          <Button
            isDisabled={!ready || add.isPending}
            onPress={() =>
              indicator &&
              add.mutate({
                params: { code: b.code },
                body:
                  kind === 'compare' && geoA && geoB ? { indicator, kind, geoA, geoB } : { indicator, kind },
              })
            }
          >
            {w.msg('boards.add')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

function Publish({ board: b }: { board: BoardView }) {
  const w = useObsWords();
  const publish = useEndpointMutation(api.publish, [api.view, api.list]);
  const published = b.publishedAt !== null;
  return (
    <Card title={w.msg('boards.publication')}>
      <div className="stack">
        {publish.error && <ErrorAlert error={publish.error} />}
        <Alert tone="warning" title={w.msg('boards.public_warning_title')}>
          <FormattedMessage id={W('boards.public_warning')} />
        </Alert>
        <p>{published ? w.msg('boards.is_published') : w.msg('boards.is_draft')}</p>
        <div className="row">
          <Button
            variant={published ? 'secondary' : 'primary'}
            isDisabled={publish.isPending}
            onPress={() => publish.mutate({ params: { code: b.code }, body: { published: !published } })}
          >
            {published ? w.msg('boards.unpublish') : w.msg('boards.publish')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
