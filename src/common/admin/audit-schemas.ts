import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Paged, PageQuery } from '../kernel/schemas';

/** The audit log as an administrator reads it: filters, entries, and the record types to filter on. */

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
    page: PageQuery.page,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

/**
 * A record as the reader may know it: named only when it is the reader's organisation's own record (or
 * public network data), so a label never tells more than the reader could already open. Unknown parts are
 * null: `name` (the person, user, offer, organisation…), `partner` (the other organisation: an agreement's
 * host, a grant's or referral's recipient), the record's dates, and its page when it has one.
 */
export const AuditSubject = Type.Object({
  name: Nullable(Type.String()),
  partner: Nullable(Type.String()),
  from: Nullable(IsoDate),
  to: Nullable(IsoDate),
  href: Nullable(Type.String()),
});
export type AuditSubject = Static<typeof AuditSubject>;

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
  /** The organisation the actor acted for, named from the partner directory. */
  actorOrgId: Nullable(Type.String()),
  actorOrgName: Nullable(Type.String()),
  /**
   * The actor's roles in that organisation (its membership today), so a partner's access reads as
   * "organisation, role" without naming a partner's staff member.
   */
  actorRoles: Type.Array(Type.String()),
  actorPlatformAdmin: Type.Boolean(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  detail: Type.Unknown(),
  /** The record the entry is about, when the reader may know it. */
  subject: Nullable(AuditSubject),
  /** The persons a read of several records showed, those the reader may know. */
  subjects: Type.Array(AuditSubject),
});
export type AuditEntry = Static<typeof AuditEntry>;

const AuditEntries = Paged(AuditEntry);
export const AuditPage = Type.Object({
  ...AuditEntries.properties,
  /** Entity names present in the visible log, for the filter. */
  entities: Type.Array(Type.String()),
});
export type AuditPage = Static<typeof AuditPage>;
