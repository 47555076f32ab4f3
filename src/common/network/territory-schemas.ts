import Type, { type Static } from 'typebox';
import { Nullable, Paged, PageQuery } from '../kernel/schemas';

export const TerritoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    country: Type.Optional(Type.Enum(['FR', 'BE'])),
    region: Type.Optional(Type.Enum(['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU'])),
    parent: Type.Optional(Type.String({ pattern: '^(FR|BE)-[0-9AB]{2,5}$' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TerritoryQuery = Static<typeof TerritoryQuery>;

export const TerritoryCodeParam = Type.Object({
  code: Type.String({ pattern: '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$' }),
});

export const TerritoryDetailQuery = Type.Object(
  { geometry: Type.Optional(Type.Enum(['0', '1'])) },
  { additionalProperties: false },
);

export const TerritoryListItem = Type.Object({
  code: Type.String(),
  country: Type.String(),
  localCode: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  parentCode: Nullable(Type.String()),
  region: Nullable(Type.String()),
  population: Nullable(Type.Integer()),
});
export type TerritoryListItem = Static<typeof TerritoryListItem>;

export const TerritoryPage = Paged(TerritoryListItem);
export type TerritoryPage = Static<typeof TerritoryPage>;

const Point = Type.Object({ lon: Type.Number(), lat: Type.Number() });

export const TerritoryDetail = Type.Object({
  ...TerritoryListItem.properties,
  centroid: Nullable(Point),
  labelPoint: Nullable(Point),
  source: Type.String(),
  updatedAt: Type.String(),
  /** GeoJSON geometry, only when asked for (?geometry=1) and known. */
  geometry: Type.Optional(Nullable(Type.Unknown())),
  bbox: Type.Optional(Nullable(Type.Array(Type.Number()))),
});
export type TerritoryDetail = Static<typeof TerritoryDetail>;

export const TerritoryImportResult = Type.Object({
  format: Type.String(),
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type TerritoryImportResult = Static<typeof TerritoryImportResult>;

/** One problem of a refused import, translated by the server; line or feature locate it in the file. */
export const TerritoryImportProblem = Type.Object({
  line: Type.Optional(Type.Integer()),
  feature: Type.Optional(Type.Integer()),
  code: Type.String(),
  message: Type.String(),
});
export type TerritoryImportProblem = Static<typeof TerritoryImportProblem>;
