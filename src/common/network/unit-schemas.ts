/**
 * Teams and services inside organisations (migration 0026): the shapes the API validates and answers
 * with, reused by the web forms. A unit's names and contact are reference data every signed-in user
 * reads; who belongs to it is read by its own organisation only.
 */
import Type, { type Static } from 'typebox';
import { Nullable, NullFirst, Uuid } from '../kernel/schemas';

export const UNIT_KINDS = ['service', 'team', 'mobile_team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_ROLES = ['lead', 'member'] as const;

const name = Type.String({ minLength: 2, maxLength: 200 });
const fields = {
  kind: Type.Enum([...UNIT_KINDS]),
  nameFr: NullFirst(name),
  nameNl: NullFirst(name),
  shortName: NullFirst(Type.String({ minLength: 1, maxLength: 40 })),
  email: NullFirst(Type.String({ format: 'email', maxLength: 254 })),
  phone: NullFirst(Type.String({ minLength: 6, maxLength: 40, pattern: '^[+0-9 ()./-]+$' })),
};

/** A new unit, or the whole of an edited one (names may be given in one language only). */
export const UnitInput = Type.Object(
  {
    kind: fields.kind,
    nameFr: Type.Optional(fields.nameFr),
    nameNl: Type.Optional(fields.nameNl),
    shortName: Type.Optional(fields.shortName),
    email: Type.Optional(fields.email),
    phone: Type.Optional(fields.phone),
  },
  { additionalProperties: false },
);
export type UnitInput = Static<typeof UnitInput>;

export const UnitView = Type.Object({
  id: Uuid,
  orgId: Uuid,
  kind: Type.String(),
  nameFr: Nullable(Type.String()),
  nameNl: Nullable(Type.String()),
  shortName: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  archived: Type.Boolean(),
  /** Members counted for the unit's own organisation only (null for others). */
  memberCount: Nullable(Type.Integer()),
  updatedAt: Type.String(),
});
export type UnitView = Static<typeof UnitView>;

export const UnitList = Type.Object({
  items: Type.Array(UnitView),
  /** The caller may create, edit and archive this organisation's units and set their members. */
  canManage: Type.Boolean(),
});
export type UnitList = Static<typeof UnitList>;

export const UnitListQuery = Type.Object(
  { archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const UnitMember = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  role: Type.Enum([...UNIT_ROLES]),
});
export type UnitMember = Static<typeof UnitMember>;

export const UnitMembers = Type.Object({ items: Type.Array(UnitMember) });
export type UnitMembers = Static<typeof UnitMembers>;

/** The unit's members as a whole (replaces the previous list). */
export const UnitMembersInput = Type.Object(
  {
    members: Type.Array(
      Type.Object({ userId: Uuid, role: Type.Enum([...UNIT_ROLES]) }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type UnitMembersInput = Static<typeof UnitMembersInput>;

/** The organisation's active staff a manager may put in a unit. */
export const UnitStaff = Type.Object({
  items: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })),
});
export type UnitStaff = Static<typeof UnitStaff>;

/** Rules a schema cannot say: a name in one language at least, members named once. */
export function unitProblems(input: UnitInput): Array<{ path: string; code: string }> {
  const problems: Array<{ path: string; code: string }> = [];
  if (!input.nameFr?.trim() && !input.nameNl?.trim())
    problems.push({ path: 'nameFr', code: 'network.units.errors.name_required' });
  return problems;
}
