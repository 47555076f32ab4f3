import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Ok, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { TERRITORY_CODE_PATTERN, TERRITORY_LEVELS } from './territory';

/** Any territory code, of any level ('FR-59350', 'FR-EPCI-200093201', 'BE-ARR-57000', 'BE'…). */
export const TerritoryCodeString = Type.String({ maxLength: 20, pattern: TERRITORY_CODE_PATTERN });

/** A group's code: lower-case letters and digits in words joined by '-' ('eurometropole'). */
export const TERRITORY_GROUP_CODE_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const TerritoryGroupCodeString = Type.String({
  minLength: 2,
  maxLength: 60,
  pattern: TERRITORY_GROUP_CODE_PATTERN,
});

export const TerritoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    country: Type.Optional(Type.Enum(['FR', 'BE'])),
    region: Type.Optional(Type.Enum(['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU'])),
    /** Municipalities unless asked otherwise ('any': every level). */
    level: Type.Optional(Type.Enum([...TERRITORY_LEVELS, 'any'])),
    /** Direct children of this territory. */
    parent: Type.Optional(TerritoryCodeString),
    /** Descendants of this territory, at any depth. */
    within: Type.Optional(TerritoryCodeString),
    /** In this group: its members and everything under them. */
    group: Type.Optional(TerritoryGroupCodeString),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TerritoryQuery = Static<typeof TerritoryQuery>;

export const TerritoryCodeParam = Type.Object({ code: TerritoryCodeString });

export const TerritoryDetailQuery = Type.Object(
  { geometry: Type.Optional(Type.Enum(['0', '1'])) },
  { additionalProperties: false },
);

export const TerritoryListItem = Type.Object({
  code: Type.String(),
  level: Type.String(),
  country: Type.String(),
  localCode: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  parentCode: Nullable(Type.String()),
  parentNameFr: Nullable(Type.String()),
  parentNameNl: Nullable(Type.String()),
  region: Nullable(Type.String()),
  population: Nullable(Type.Integer()),
});
export type TerritoryListItem = Static<typeof TerritoryListItem>;

export const TerritoryPage = Paged(TerritoryListItem);
export type TerritoryPage = Static<typeof TerritoryPage>;

const Point = Type.Object({ lon: Type.Number(), lat: Type.Number() });

/** A territory named in another's answer (an ancestor, a group member). */
export const TerritoryRef = Type.Object({
  code: Type.String(),
  level: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
});
export type TerritoryRef = Static<typeof TerritoryRef>;

/** A group a territory belongs to, and the member through which it does (itself or an ancestor). */
export const TerritoryGroupMembership = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  via: Type.String(),
});

export const TerritoryDetail = Type.Object({
  ...TerritoryListItem.properties,
  /** From the parent up to the country. */
  ancestors: Type.Array(TerritoryRef),
  /** How many direct children, by level (the list answers `?parent=` for the children themselves). */
  children: Type.Array(Type.Object({ level: Type.String(), count: Type.Integer() })),
  groups: Type.Array(TerritoryGroupMembership),
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
  /**
   * Parents the file names (départements, arrondissements) that no territory has: the municipalities are
   * imported without a parent until those are added.
   */
  unresolvedParents: Type.Array(Type.String()),
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

// ---------------------------------------------------------------------------------------------- groups

export const TERRITORY_GROUP_KINDS = [
  'eurometropole',
  'border_strip',
  'programme_perimeter',
  'custom',
] as const;
export type TerritoryGroupKind = (typeof TERRITORY_GROUP_KINDS)[number];
/** The kinds an organisation's own groups may have; the others are the platform's. */
export const ORGANISATION_GROUP_KINDS = ['custom', 'programme_perimeter'] as const;

export const TerritoryGroupParams = Type.Object({ code: TerritoryGroupCodeString });

export const TerritoryGroupQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum([...TERRITORY_GROUP_KINDS])),
    /** 'platform': the platform-wide groups only; 'mine': the caller's organisation's only. */
    owner: Type.Optional(Type.Enum(['platform', 'mine'])),
  },
  { additionalProperties: false },
);
export type TerritoryGroupQuery = Static<typeof TerritoryGroupQuery>;

export const TerritoryGroupItem = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  /** Null for a platform-wide group. */
  orgId: Nullable(Uuid),
  orgNameFr: Nullable(Type.String()),
  orgNameNl: Nullable(Type.String()),
  memberCount: Type.Integer(),
  /** The caller may rename it, change its members and delete it. */
  canEdit: Type.Boolean(),
  updatedAt: Type.String(),
});
export type TerritoryGroupItem = Static<typeof TerritoryGroupItem>;

export const TerritoryGroupList = Type.Object({
  items: Type.Array(TerritoryGroupItem),
  /** The caller may create groups (its organisation's, or platform-wide for a platform admin). */
  canCreate: Type.Boolean(),
});
export type TerritoryGroupList = Static<typeof TerritoryGroupList>;

export const TerritoryGroupDetail = Type.Object({
  ...TerritoryGroupItem.properties,
  /** The members as stored (a member of a higher level stands for everything under it). */
  members: Type.Array(TerritoryRef),
  /** How many municipalities the group covers once its members are expanded. */
  municipalityCount: Type.Integer(),
});
export type TerritoryGroupDetail = Static<typeof TerritoryGroupDetail>;

const groupName = Type.String({ minLength: 2, maxLength: 200 });
const memberCodes = Type.Array(TerritoryCodeString, { maxItems: 2000 });

/** A new group: the caller's organisation's, or platform-wide when a platform admin creates it. */
export const TerritoryGroupCreateBody = Type.Object(
  {
    /** Derived from the name when absent. */
    code: Type.Optional(TerritoryGroupCodeString),
    kind: Type.Enum([...TERRITORY_GROUP_KINDS]),
    nameFr: groupName,
    nameNl: groupName,
    members: Type.Optional(memberCodes),
  },
  { additionalProperties: false },
);
export type TerritoryGroupCreateBody = Static<typeof TerritoryGroupCreateBody>;

export const TerritoryGroupPatchBody = Type.Object(
  {
    kind: Type.Optional(Type.Enum([...TERRITORY_GROUP_KINDS])),
    nameFr: Type.Optional(groupName),
    nameNl: Type.Optional(groupName),
  },
  { additionalProperties: false },
);
export type TerritoryGroupPatchBody = Static<typeof TerritoryGroupPatchBody>;

/** The whole member list, replaced at once. */
export const TerritoryGroupMembersBody = Type.Object(
  { members: memberCodes },
  { additionalProperties: false },
);
export type TerritoryGroupMembersBody = Static<typeof TerritoryGroupMembersBody>;

export const TerritoryGroupDeleted = Ok;

// ------------------------------------------------------------------------------------------ code history

export const TERRITORY_CODE_CHANGE_KINDS = ['rename', 'merge', 'split', 'renumber'] as const;
export type TerritoryCodeChangeKind = (typeof TERRITORY_CODE_CHANGE_KINDS)[number];

export const TerritoryCodeChange = Type.Object({
  oldCode: Type.String(),
  newCode: Type.String(),
  effectiveOn: Type.String(),
  kind: Type.String(),
  /** For a split: the part of the old area that went to the new code, when known. */
  share: Nullable(Type.Number()),
  source: Nullable(Type.String()),
});
export type TerritoryCodeChange = Static<typeof TerritoryCodeChange>;

export const TerritoryCodeQuery = Type.Object(
  { asOf: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const TerritoryCodeResolution = Type.Object({
  code: Type.String(),
  asOf: Type.String(),
  /** The codes it stands for on that day (itself when no change touched it), with the share of its area. */
  current: Type.Array(
    Type.Object({
      code: Type.String(),
      share: Nullable(Type.Number()),
      /** Null when no territory has this code (a boundary vintage not loaded). */
      nameFr: Nullable(Type.String()),
      nameNl: Nullable(Type.String()),
    }),
  ),
  /** The changes from this code to the current ones, and those that led to this code. */
  changes: Type.Array(TerritoryCodeChange),
});
export type TerritoryCodeResolution = Static<typeof TerritoryCodeResolution>;

/** Rules a schema cannot say for a group's member list: each code once. */
export function duplicateMembers(codes: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  codes.forEach((c, i) => {
    if (seen.has(c)) out.push(i);
    seen.add(c);
  });
  return out;
}
