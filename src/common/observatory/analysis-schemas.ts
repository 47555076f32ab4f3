import Type, { type Static } from 'typebox';
import { Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { OBS_THEMES } from './catalogue-schemas';
import { IndicatorMapView } from './map-schemas';

/**
 * Each partner's local analysis (migration 0038): the "analyse des besoins sociaux" of a CCAS, the
 * "sociale omgevingsanalyse" of an OCMW. Shared by the API and the pages.
 */

/** The observatory's themes, and 'general' for an introduction, the method or a conclusion. */
export const ANALYSIS_THEMES = ['general', ...OBS_THEMES] as const;
export type AnalysisTheme = (typeof ANALYSIS_THEMES)[number];
/** A section's tile: the indicator's map (with its table) or the table alone. */
export const ANALYSIS_TILE_KINDS = ['map', 'table'] as const;
export type AnalysisTileKind = (typeof ANALYSIS_TILE_KINDS)[number];
export const VERSION_STATUSES = ['draft', 'published'] as const;
/** The languages of the PDF (English falls back on each text's French). */
export const ANALYSIS_PDF_LANGUAGES = ['fr', 'nl', 'en'] as const;
/** A version holds at most this many sections (each tile is a map computed on every view). */
export const MAX_SECTIONS = 60;

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const GroupCode = Type.String({ pattern: SLUG, minLength: 2, maxLength: 60 });
const Period = Type.String({ pattern: '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$' });
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Body = MultilineText({ maxLength: 20000 });
const Note = NullFirst(MultilineText({ minLength: 1, maxLength: 2000 }));

export const AnalysisParams = Type.Object({ id: Uuid });
export const SectionParams = Type.Object({ id: Uuid, section: Uuid });
export const VersionParams = Type.Object({
  id: Uuid,
  number: Type.Integer({ minimum: 1, maximum: 9999 }),
});

export const AnalysisInput = Type.Object(
  {
    titleFr: Title,
    titleNl: Title,
    /** A territory group's code; null: the organisation's own municipality. */
    group: Type.Optional(NullFirst(GroupCode)),
  },
  { additionalProperties: false },
);
export type AnalysisInput = Static<typeof AnalysisInput>;

/** The titles (of the analysis), the territory and note (of its draft). */
export const AnalysisPatch = Type.Object(
  {
    titleFr: Type.Optional(Title),
    titleNl: Type.Optional(Title),
    group: Type.Optional(NullFirst(GroupCode)),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type AnalysisPatch = Static<typeof AnalysisPatch>;

export const TileChoice = Type.Object(
  {
    indicator: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }),
    kind: Type.Enum([...ANALYSIS_TILE_KINDS]),
    /** Null: the indicator's latest period at each reading. */
    period: Type.Optional(NullFirst(Period)),
  },
  { additionalProperties: false },
);
export type TileChoice = Static<typeof TileChoice>;

export const SectionInput = Type.Object(
  {
    theme: Type.Enum([...ANALYSIS_THEMES]),
    headingFr: Title,
    headingNl: Title,
    bodyFr: Body,
    bodyNl: Body,
    tile: NullFirst(TileChoice),
  },
  { additionalProperties: false },
);
export type SectionInput = Static<typeof SectionInput>;

export const SectionMove = Type.Object(
  { direction: Type.Enum(['up', 'down']) },
  { additionalProperties: false },
);

/** "Publish version N": the number guards against publishing another draft than the one reviewed. */
export const PublishVersion = Type.Object(
  { number: Type.Integer({ minimum: 1, maximum: 9999 }), note: Type.Optional(Note) },
  { additionalProperties: false },
);

/** A version's number, or 'draft' (its organisation only); none: the latest published one. */
export const AnalysisQuery = Type.Object(
  { version: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,3}|draft)$' })) },
  { additionalProperties: false },
);
export type AnalysisQuery = Static<typeof AnalysisQuery>;

export const AnalysisPdfQuery = Type.Object(
  { lang: Type.Optional(Type.Enum([...ANALYSIS_PDF_LANGUAGES])) },
  { additionalProperties: false },
);

export const VersionSummary = Type.Object({
  number: Type.Integer(),
  status: Type.Enum([...VERSION_STATUSES]),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const AnalysisSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  organisation: Type.String(),
  /** The latest published version, null before the first publication. */
  latest: Nullable(VersionSummary),
  /** The draft's number, for its organisation only. */
  draft: Nullable(Type.Integer()),
  canEdit: Type.Boolean(),
});
export type AnalysisSummary = Static<typeof AnalysisSummary>;

export const AnalysisList = Type.Object({
  items: Type.Array(AnalysisSummary),
  canCreate: Type.Boolean(),
  /** The territories a new analysis may cover: the organisation's municipality (null code) or a group. */
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
export type AnalysisList = Static<typeof AnalysisList>;

export const AnalysisTile = Type.Object({
  indicator: Type.String(),
  kind: Type.Enum([...ANALYSIS_TILE_KINDS]),
  period: Nullable(Type.String()),
  /** The indicator over the version's territory. */
  map: IndicatorMapView,
});
export type AnalysisTile = Static<typeof AnalysisTile>;

export const AnalysisSection = Type.Object({
  id: Uuid,
  theme: Type.String(),
  heading: Type.String(),
  body: Type.String(),
  headingFr: Type.String(),
  headingNl: Type.String(),
  bodyFr: Type.String(),
  bodyNl: Type.String(),
  tile: Nullable(AnalysisTile),
});
export type AnalysisSection = Static<typeof AnalysisSection>;

export const AnalysisView = Type.Object({
  ...AnalysisSummary.properties,
  titleFr: Type.String(),
  titleNl: Type.String(),
  versions: Type.Array(VersionSummary),
  /** The version shown, its territory and sections. */
  version: VersionSummary,
  group: Nullable(Type.String()),
  territory: Type.String(),
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  sections: Type.Array(AnalysisSection),
});
export type AnalysisView = Static<typeof AnalysisView>;
