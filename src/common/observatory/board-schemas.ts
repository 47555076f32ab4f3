import Type, { type Static } from 'typebox';
import { Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { CompareView, RankingView, SeriesView } from './board-chart-schemas';
import { FollowupView } from './board-followup-schemas';
import { OBS_THEMES } from './catalogue-schemas';
import { IndicatorMapView } from './map-schemas';

/** The observatory's thematic boards (migrations 0037, 0039), shared by the API and the pages. */

export const BOARD_THEMES = [...OBS_THEMES, 'custom'] as const;
export type BoardTheme = (typeof BOARD_THEMES)[number];
export const TILE_KINDS = ['map', 'table', 'ranking', 'series', 'compare'] as const;
/** The kinds drawn as a chart (downloadable as SVG and PNG). */
export const CHART_KINDS = ['ranking', 'series', 'compare'] as const;
export type TileKind = (typeof TILE_KINDS)[number];
/** The languages a published board is shown in. */
export const BOARD_LANGUAGES = ['fr', 'nl'] as const;

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const MUNICIPALITY = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';
export const BoardCode = Type.String({ pattern: SLUG, minLength: 2, maxLength: 60 });
const Period = Type.String({ pattern: '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$' });
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Description = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 2000 })));

export const BoardParams = Type.Object({ code: BoardCode });
export const TileParams = Type.Object({ code: BoardCode, tile: Uuid });

export const BoardInput = Type.Object(
  {
    code: BoardCode,
    titleFr: Title,
    titleNl: Title,
    descriptionFr: Description,
    descriptionNl: Description,
    theme: Type.Enum([...BOARD_THEMES]),
    /** A territory group's code; null: every municipality with a value. */
    group: Type.Optional(NullFirst(BoardCode)),
    /** Null: each indicator's latest period. */
    period: Type.Optional(NullFirst(Period)),
  },
  { additionalProperties: false },
);
export type BoardInput = Static<typeof BoardInput>;

export const BoardPatch = Type.Partial(Type.Omit(BoardInput, ['code']), { additionalProperties: false });
export type BoardPatch = Static<typeof BoardPatch>;

export const TileInput = Type.Object(
  {
    indicator: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }),
    kind: Type.Enum([...TILE_KINDS]),
    /** A comparison's two municipalities (required for 'compare', refused for the other kinds). */
    geoA: Type.Optional(Type.String({ pattern: MUNICIPALITY })),
    geoB: Type.Optional(Type.String({ pattern: MUNICIPALITY })),
  },
  { additionalProperties: false },
);
export type TileInput = Static<typeof TileInput>;

export const TileMove = Type.Object(
  { direction: Type.Enum(['up', 'down']) },
  { additionalProperties: false },
);
export const PublishInput = Type.Object({ published: Type.Boolean() }, { additionalProperties: false });

/** The board page's own filters, over the board's saved ones (links in the URL). */
export const BoardQuery = Type.Object(
  { period: Type.Optional(Period), group: Type.Optional(BoardCode) },
  { additionalProperties: false },
);
export type BoardQuery = Static<typeof BoardQuery>;

export const BoardSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  theme: Type.String(),
  group: Nullable(Type.String()),
  period: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  organisation: Type.String(),
  tileCount: Type.Integer(),
  canEdit: Type.Boolean(),
});
export type BoardSummary = Static<typeof BoardSummary>;

export const BoardList = Type.Object({ items: Type.Array(BoardSummary), canCreate: Type.Boolean() });
export type BoardList = Static<typeof BoardList>;

/** A tile's figures: the map view at the board's period (its indicator, sources, caveat), and a chart's data. */
const TileData = {
  kind: Type.Enum([...TILE_KINDS]),
  /** Without boundaries for a chart tile (it draws none). */
  map: IndicatorMapView,
  ranking: Nullable(RankingView),
  series: Nullable(SeriesView),
  compare: Nullable(CompareView),
};

export const BoardTile = Type.Object({
  id: Uuid,
  indicator: Type.String(),
  geoA: Nullable(Type.String()),
  geoB: Nullable(Type.String()),
  ...TileData,
});
export type BoardTile = Static<typeof BoardTile>;

export const BoardView = Type.Object({
  ...BoardSummary.properties,
  titleFr: Type.String(),
  titleNl: Type.String(),
  description: Nullable(Type.String()),
  descriptionFr: Nullable(Type.String()),
  descriptionNl: Nullable(Type.String()),
  /** The filters in force (the URL's, else the board's saved ones). */
  shownPeriod: Nullable(Type.String()),
  shownGroup: Nullable(Type.String()),
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  /** Every period of the tiles' indicators, for the period filter. */
  periods: Type.Array(Type.String()),
  tiles: Type.Array(BoardTile),
  /** The partners' policy follow-up, latest decision first. */
  followups: Type.Array(FollowupView),
  /** The reader's organisation may record its own follow-up. */
  canAddFollowup: Type.Boolean(),
});
export type BoardView = Static<typeof BoardView>;

export const PublicBoardQuery = Type.Object(
  { lang: Type.Optional(Type.Enum([...BOARD_LANGUAGES])) },
  { additionalProperties: false },
);

/** What an anonymous visitor sees: the board's texts in one language and its tiles' aggregates. */
export const PublicBoardView = Type.Object({
  code: Type.String(),
  language: Type.Enum([...BOARD_LANGUAGES]),
  title: Type.String(),
  description: Nullable(Type.String()),
  theme: Type.String(),
  organisation: Type.String(),
  group: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  period: Nullable(Type.String()),
  publishedAt: Type.String(),
  tiles: Type.Array(Type.Object(TileData)),
  followups: Type.Array(FollowupView),
});
export type PublicBoardView = Static<typeof PublicBoardView>;

/** The board as a PDF: in French or Dutch (the reader's language by default), under the page's filters. */
export const BoardPdfQuery = Type.Object(
  {
    lang: Type.Optional(Type.Enum([...BOARD_LANGUAGES])),
    period: Type.Optional(Period),
    group: Type.Optional(BoardCode),
  },
  { additionalProperties: false },
);
export type BoardPdfQuery = Static<typeof BoardPdfQuery>;
