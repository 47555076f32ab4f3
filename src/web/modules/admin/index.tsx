import {
  auditLink,
  membersLink,
  outboxLink,
  outboxMailLink,
  retentionLink,
} from '../../../common/admin/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const AuditPage = lazyPage('admin', () => import('./audit/AuditPage').then((m) => m.AuditPage));
const MembersPage = lazyPage('admin', () => import('./members/MembersPage').then((m) => m.MembersPage));
const OutboxMailPage = lazyPage('admin', () => import('./outbox/OutboxPages').then((m) => m.OutboxMailPage));
const RetentionPage = lazyPage('admin', () =>
  import('./retention/RetentionPage').then((m) => m.RetentionPage),
);
const OutboxPage = lazyPage('admin', () => import('./outbox/OutboxPages').then((m) => m.OutboxPage));

/** Administration of an organisation: members and security, the audit log, the mail outbox. */
export const adminModule: WebModule = {
  routes: [
    { path: membersLink.pattern, element: <MembersPage /> },
    { path: auditLink.pattern, element: <AuditPage /> },
    { path: outboxLink.pattern, element: <OutboxPage /> },
    { path: outboxMailLink.pattern, element: <OutboxMailPage /> },
    { path: retentionLink.pattern, element: <RetentionPage /> },
  ],
  nav: [
    { to: membersLink.href(), labelId: 'nav.admin.members', permission: 'member.view', order: 70 },
    { to: auditLink.href(), labelId: 'nav.admin.audit', permission: 'audit.view', order: 80 },
    { to: outboxLink.href(), labelId: 'nav.admin.outbox', permission: 'mail.outbox.view', order: 85 },
    {
      to: retentionLink.href(),
      labelId: 'nav.admin.retention',
      permission: 'organisation.security',
      order: 86,
    },
  ],
};
