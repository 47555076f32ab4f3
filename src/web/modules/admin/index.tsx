import { auditLink, membersLink, outboxLink, outboxMailLink } from '../../../common/admin/links';
import type { WebModule } from '../../app/module';
import { AuditPage } from './audit/AuditPage';
import { MembersPage } from './members/MembersPage';
import { OutboxMailPage, OutboxPage } from './outbox/OutboxPages';

/** Administration of an organisation: members and security, the audit log, the mail outbox. */
export const adminModule: WebModule = {
  routes: [
    { path: membersLink.pattern, element: <MembersPage /> },
    { path: auditLink.pattern, element: <AuditPage /> },
    { path: outboxLink.pattern, element: <OutboxPage /> },
    { path: outboxMailLink.pattern, element: <OutboxMailPage /> },
  ],
  nav: [
    { to: membersLink.href(), labelId: 'nav.admin.members', permission: 'member.view', order: 70 },
    { to: auditLink.href(), labelId: 'nav.admin.audit', permission: 'audit.view', order: 80 },
    { to: outboxLink.href(), labelId: 'nav.admin.outbox', permission: 'mail.outbox.view', order: 85 },
  ],
};
