import Type, { type Static } from 'typebox';
import { Nullable, NullFirst, Uuid } from '../kernel/schemas';
import type { FieldError } from '../validation/errors';
import { MultilineText } from '../validation/text';

/**
 * The host's training modules (the Service Action Migrants' three social-activation modules): each belongs
 * to a unit of the host, in an order the host chooses; learning plans draw from them. Shared by the API and
 * the module form.
 */

/** The code a plan and the indicators show: lower-case letters, digits, `-` and `_` (as the table checks). */
export const MODULE_CODE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,39}$';
/** Positions run from 1 to 99 (the table's bound): at most 99 modules in a unit. */
export const MAX_MODULES_PER_UNIT = 99;

const Name = Type.String({ minLength: 2, maxLength: 200 });
const Description = NullFirst(MultilineText({ minLength: 1, maxLength: 2000 }));

export const ModuleInput = Type.Object(
  {
    unitId: Uuid,
    code: Type.String({ pattern: MODULE_CODE_PATTERN, maxLength: 40 }),
    nameFr: Name,
    nameNl: Name,
    descriptionFr: Description,
    descriptionNl: Description,
  },
  { additionalProperties: false },
);
export type ModuleInput = Static<typeof ModuleInput>;

/** The unit's modules in their new order: every module of the unit, each once. */
export const ModuleOrder = Type.Object(
  {
    unitId: Uuid,
    ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_MODULES_PER_UNIT, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ModuleOrder = Static<typeof ModuleOrder>;

export const ModuleRetire = Type.Object({ retired: Type.Boolean() }, { additionalProperties: false });
export type ModuleRetire = Static<typeof ModuleRetire>;

export const ModuleView = Type.Object({
  id: Uuid,
  /** Null when its unit was removed: the host moves it to another. */
  unitId: Nullable(Uuid),
  code: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  descriptionFr: Nullable(Type.String()),
  descriptionNl: Nullable(Type.String()),
  position: Type.Integer(),
  retired: Type.Boolean(),
  /** A learning plan uses it: it can be retired, not deleted. */
  inUse: Type.Boolean(),
});
export type ModuleView = Static<typeof ModuleView>;

export const ModuleList = Type.Object({
  units: Type.Array(
    Type.Object({ id: Uuid, nameFr: Nullable(Type.String()), nameNl: Nullable(Type.String()) }),
  ),
  modules: Type.Array(ModuleView),
});
export type ModuleList = Static<typeof ModuleList>;

/** What the schema cannot say: a name is at least two characters once trimmed (as the table checks). */
export function moduleProblems(v: Pick<ModuleInput, 'nameFr' | 'nameNl'>): FieldError[] {
  return (['nameFr', 'nameNl'] as const)
    .filter((k) => v[k].trim().length < 2)
    .map((k) => ({ path: k, code: 'validation.min_length', params: { limit: 2 } }));
}

/** The order after moving one module up (-1) or down (+1); unchanged at either end. */
export function moved(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const i = ids.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= ids.length) return [...ids];
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
