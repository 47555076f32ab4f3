import Type, { type Static } from 'typebox';
import { MEMBERSHIP_ROLES } from '../access/permissions';
import { Email, LanguageSchema } from '../auth/schemas';
import { Nullable, Uuid } from '../kernel/schemas';

/** An organisation's members, their invitations and roles, and the organisation's second-factor rule. */

export const MembershipRole = Type.Enum([...MEMBERSHIP_ROLES]);
export const Roles = Type.Array(MembershipRole, {
  minItems: 1,
  maxItems: MEMBERSHIP_ROLES.length,
  uniqueItems: true,
});

/** Platform admins may act on any organisation's members; everyone else only on their current one. */
export const OrgTarget = Type.Object({ orgId: Type.Optional(Uuid) }, { additionalProperties: false });
export type OrgTarget = Static<typeof OrgTarget>;

/** A member's account id, in the path. */
export const MemberParams = Type.Object({ userId: Uuid });

export const AddMemberBody = Type.Object(
  {
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    language: LanguageSchema,
    roles: Roles,
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const PatchMemberBody = Type.Object(
  {
    roles: Type.Optional(Roles),
    active: Type.Optional(Type.Boolean()),
    /** Ends a temporary lock-out after too many failed sign-ins. */
    unlock: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchMemberBody = Static<typeof PatchMemberBody>;

export const SecurityBody = Type.Object({ mfaRequired: Type.Boolean() }, { additionalProperties: false });
export type SecurityBody = Static<typeof SecurityBody>;

export const MemberView = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  language: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  /**
   * True while the invitation waits for its holder (a new account choosing a password, or an existing
   * account accepting): the list then shows only what the organisation typed, nothing of the account.
   */
  pending: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
});
export type MemberView = Static<typeof MemberView>;

export const MembersPage = Type.Object({
  organisation: Type.Object({
    id: Type.String(),
    nameFr: Type.String(),
    nameNl: Type.String(),
    mfaRequired: Type.Boolean(),
  }),
  members: Type.Array(MemberView),
});
export type MembersPage = Static<typeof MembersPage>;

/** The same answer whether the address has an account or not: adding a member reveals no account. */
export const AddMemberResult = Type.Object({ invited: Type.Literal(true) });
export type AddMemberResult = Static<typeof AddMemberResult>;
