import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { SERVICE_THEMES } from './service-schemas';

/**
 * A programme's structure (migration 0016): its actions (work packages, modules, years), its perimeter
 * (municipalities), its dated milestones, and the value lists the database checks the same way.
 */

/** What a programme calls its parts: SAM's "Actions", AB Réfugiés' "modules", Charleroi–Binche's "years". */
export const ACTION_KINDS = ['action', 'work_package', 'module', 'year'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Records that may be attributed to an action by default (programme_actions.default_for). */
export const ACTION_RECORD_KINDS = [
  'placement',
  'immersion',
  'event',
  'accompaniment',
  'needs_analysis',
] as const;
export type ActionRecordKind = (typeof ACTION_RECORD_KINDS)[number];

/** A programme's themes are the services' themes, so both speak alike. */
export const PROGRAMME_THEMES = SERVICE_THEMES;

/** https only, a host name with a dot, no spaces or markup characters (migration 0016 checks the same). */
export const WEBSITE_PATTERN =
  '^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?(/[^\\s<>"]*)?$';
export const Website = Type.String({ minLength: 12, maxLength: 500, pattern: WEBSITE_PATTERN });
export const Themes = Type.Array(Type.Enum([...PROGRAMME_THEMES]), { uniqueItems: true, maxItems: 14 });
export const InterventionCategory = Type.String({ minLength: 1, maxLength: 300 });

const Title = Type.String({ minLength: 2, maxLength: 300 });
export const MUNICIPALITY_CODE = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';

/** One action as the lead edits it; without an id it is new. Its position is its place in the list. */
export const ActionInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    code: Type.String({ minLength: 1, maxLength: 12 }),
    kind: Type.Enum([...ACTION_KINDS]),
    titleFr: Title,
    titleNl: Title,
    titleEn: Type.Optional(Nullable(Title)),
    defaultFor: Type.Optional(Type.Array(Type.Enum([...ACTION_RECORD_KINDS]), { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionInput>;

/** The whole ordered list of actions, replaced at once (add, reorder, rename, delete). */
export const ActionsBody = Type.Object(
  { actions: Type.Array(ActionInput, { maxItems: 99 }) },
  { additionalProperties: false },
);
export type ActionsBody = Static<typeof ActionsBody>;

export const MilestoneInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    occursOn: IsoDate,
    labelFr: Title,
    labelNl: Title,
    labelEn: Type.Optional(Nullable(Title)),
    note: Type.Optional(Nullable(MultilineText({ minLength: 1, maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInput>;

export const MilestonesBody = Type.Object(
  { milestones: Type.Array(MilestoneInput, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type MilestonesBody = Static<typeof MilestonesBody>;

/** The municipalities the programme covers, replaced at once. */
export const PerimeterBody = Type.Object(
  {
    codes: Type.Array(Type.String({ pattern: MUNICIPALITY_CODE }), { uniqueItems: true, maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type PerimeterBody = Static<typeof PerimeterBody>;

export const ActionView = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  code: Type.String(),
  kind: Type.Enum([...ACTION_KINDS]),
  titleFr: Type.String(),
  titleNl: Type.String(),
  titleEn: Nullable(Type.String()),
  defaultFor: Type.Array(Type.String()),
  /** Records are attributed to it, so it cannot be deleted (told to the lead only; false for others). */
  inUse: Type.Boolean(),
});
export type ActionView = Static<typeof ActionView>;

export const MilestoneView = Type.Object({
  id: Type.String(),
  occursOn: Type.String(),
  labelFr: Type.String(),
  labelNl: Type.String(),
  labelEn: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type MilestoneView = Static<typeof MilestoneView>;

export const TerritoryRef = Type.Object({
  code: Type.String(),
  country: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
});
export type TerritoryRef = Static<typeof TerritoryRef>;
