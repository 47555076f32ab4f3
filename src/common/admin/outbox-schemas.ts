import Type, { type Static } from 'typebox';
import { Nullable, Paged, PageQuery } from '../kernel/schemas';

/** The mail outbox: what the platform wrote, to whom, and whether it left. */

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'kept'] as const;

export const OutboxQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...MAIL_STATUSES])), page: PageQuery.page },
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

export const OutboxPage = Paged(OutboxItem);
export type OutboxPage = Static<typeof OutboxPage>;
