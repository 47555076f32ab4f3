import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import { AuditPage, AuditQuery } from './audit-schemas';
import {
  AddMemberBody,
  AddMemberResult,
  MemberParams,
  MembersPage,
  OrgTarget,
  PatchMemberBody,
  SecurityBody,
} from './members-schemas';
import { OutboxMail, OutboxPage, OutboxQuery } from './outbox-schemas';
import { RetentionDryRun, RetentionPage, RetentionPolicyBody } from './retention-schemas';

/**
 * Administration: the audit log, the mail outbox, an organisation's members and its security. The member
 * endpoints act on the current organisation, or, for a platform administrator, on the one `orgId` names.
 */
const tags = ['admin'] as const;

/** The audit log, read by organisation and platform administrators. */
export const auditApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/admin/audit',
    query: AuditQuery,
    response: { 200: AuditPage },
    tags,
    access: { anyOf: ['audit.view'], scope: 'organisation' },
  }),
};

/** The mails the platform wrote, single-use links redacted. */
export const outboxApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/admin/outbox',
    query: OutboxQuery,
    response: { 200: OutboxPage },
    tags,
    access: { anyOf: ['mail.outbox.view'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/admin/outbox/:id',
    params: IdParams,
    response: { 200: OutboxMail },
    tags,
    access: { anyOf: ['mail.outbox.view'], scope: 'organisation' },
  }),
};

/** An organisation's members, invitations and second-factor rule. */
export const membersApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/admin/members',
    query: OrgTarget,
    response: { 200: MembersPage },
    tags,
    access: { anyOf: ['member.view'], scope: 'organisation' },
  }),
  /** Invites a person; the same answer whether the address has an account or not. */
  add: defineEndpoint({
    method: 'POST',
    path: '/api/admin/members',
    query: OrgTarget,
    body: AddMemberBody,
    response: { 201: AddMemberResult },
    tags,
    access: { anyOf: ['member.manage'], scope: 'organisation' },
  }),
  patch: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/members/:userId',
    params: MemberParams,
    query: OrgTarget,
    body: PatchMemberBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['member.manage'], scope: 'organisation' },
  }),
  /** Withdraws an invitation nobody has answered yet. */
  cancelInvitation: defineEndpoint({
    method: 'DELETE',
    path: '/api/admin/members/:userId',
    params: MemberParams,
    query: OrgTarget,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['member.manage'], scope: 'organisation' },
  }),
  security: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/organisation/security',
    query: OrgTarget,
    body: SecurityBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['organisation.security'], scope: 'organisation' },
  }),
};

/**
 * The organisation's retention policy, its runs and the dry run (issue 16, ADR 0033): administrators of
 * the organisation, or a platform administrator naming it.
 */
export const retentionApi = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/admin/retention',
    query: OrgTarget,
    response: { 200: RetentionPage },
    tags,
    access: { anyOf: ['organisation.security'], scope: 'organisation' },
  }),
  set: defineEndpoint({
    method: 'PUT',
    path: '/api/admin/retention',
    query: OrgTarget,
    body: RetentionPolicyBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['organisation.security'], scope: 'organisation' },
  }),
  /** What a run would anonymise today: counts and participant codes; changes nothing (the read is audited). */
  dryRun: defineEndpoint({
    method: 'GET',
    path: '/api/admin/retention/due',
    query: OrgTarget,
    response: { 200: RetentionDryRun },
    tags,
    access: { anyOf: ['organisation.security'], scope: 'organisation' },
  }),
};
