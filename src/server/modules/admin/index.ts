import type { ServerModule } from '../../platform/module';
import { platformAttention } from './attention';
import { memberInvitedNotification } from './members/notifications';
import { registerRetentionJob } from './retention/jobs';
import { adminRoutes } from './routes';

/** Administration: members and invitations, the organisation's security, audit log and outbox. */
export const adminModule: ServerModule = {
  name: 'admin',
  routes: adminRoutes,
  jobs: registerRetentionJob,
  attention: [platformAttention],
  notifications: [memberInvitedNotification],
};
