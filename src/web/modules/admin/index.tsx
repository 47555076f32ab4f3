import type { WebModule } from '../../app/module';
import { AuditPage } from './AuditPage';
import { MembersPage } from './MembersPage';
import { OutboxMailPage, OutboxPage } from './OutboxPages';

/** Administration of an organisation: members and security, the audit log, the mail outbox. */
export const adminModule: WebModule = {
  routes: [
    { path: 'admin/members', element: <MembersPage /> },
    { path: 'admin/audit', element: <AuditPage /> },
    { path: 'admin/outbox', element: <OutboxPage /> },
    { path: 'admin/outbox/:id', element: <OutboxMailPage /> },
  ],
  nav: [
    { to: '/app/admin/members', labelId: 'nav.admin.members', permission: 'member.view', order: 70 },
    { to: '/app/admin/audit', labelId: 'nav.admin.audit', permission: 'audit.view', order: 80 },
    { to: '/app/admin/outbox', labelId: 'nav.admin.outbox', permission: 'mail.outbox.view', order: 85 },
  ],
};
