import Type, { type Static } from 'typebox';
import { MEMBERSHIP_ROLES } from '../access/permissions';
import { Email, LanguageSchema, Uuid } from '../auth/schemas';

/** Administration: the audit log, the mail outbox, members and the organisation's security settings. */

export const PAGE_SIZE = 25;

const Page = Type.Integer({ minimum: 1, maximum: 10_000 });
const IsoDate = Type.String({ format: 'date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Audit actions, from the change trigger (create/update/delete) and from audit() calls. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'read',
  'export',
  'login',
  'login_failed',
  'logout',
  'password_reset',
  'mfa_enabled',
  'mfa_disabled',
  'override',
  'import',
  'lookup',
] as const;

export const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    action: Type.Optional(Type.Enum([...AUDIT_ACTIONS])),
    /** A user id, or text matched against the actor's e-mail and name. */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Optional(Page),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  chain: Type.String(),
  seq: Type.Integer(),
  at: Type.String(),
  orgId: Nullable(Type.String()),
  actorUserId: Nullable(Type.String()),
  /** Null when the actor is not visible from the current organisation (or the entry has no actor). */
  actorName: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  detail: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Entity names present in the visible log, for the filter. */
  entities: Type.Array(Type.String()),
});
export type AuditPage = Static<typeof AuditPage>;

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'kept'] as const;

export const OutboxQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...MAIL_STATUSES])), page: Type.Optional(Page) },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;

export const OutboxItem = Type.Object({
  id: Type.String(),
  orgId: Nullable(Type.String()),
  to: Type.String(),
  language: Type.String(),
  template: Type.String(),
  subject: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type OutboxItem = Static<typeof OutboxItem>;

export const OutboxMail = Type.Intersect([OutboxItem, Type.Object({ body: Type.String() })]);
export type OutboxMail = Static<typeof OutboxMail>;

export const OutboxPage = Type.Object({
  items: Type.Array(OutboxItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type OutboxPage = Static<typeof OutboxPage>;

export const MembershipRole = Type.Enum([...MEMBERSHIP_ROLES]);
export const Roles = Type.Array(MembershipRole, {
  minItems: 1,
  maxItems: MEMBERSHIP_ROLES.length,
  uniqueItems: true,
});

/** Platform admins may act on any organisation's members; everyone else only on their current one. */
export const OrgTarget = Type.Object({ orgId: Type.Optional(Uuid) }, { additionalProperties: false });
export type OrgTarget = Static<typeof OrgTarget>;

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
