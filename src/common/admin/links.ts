import { defineLink } from '../kernel/links';

/** The administration pages that the dashboard, the menu and other pages point to. */
export const membersLink = defineLink('/app/admin/members');
export const auditLink = defineLink('/app/admin/audit', {
  entity: 'string',
  action: 'string',
  actor: 'string',
  entityId: 'string',
  from: 'string',
  to: 'string',
  page: 'integer',
});
export const outboxLink = defineLink('/app/admin/outbox', { status: 'string', page: 'integer' });
export const outboxMailLink = defineLink('/app/admin/outbox/:id');
/** The organisation's retention policy, its dry run and the job's reports (ADR 0033). */
export const retentionLink = defineLink('/app/admin/retention');
/** The signed-in user's own account: second factor and password. */
export const accountLink = defineLink('/app/account');
