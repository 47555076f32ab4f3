import type { WebModule } from '../../app/module';
import { ReferPage } from './ReferPage';
import { ReferralPage } from './ReferralPage';
import { ReferralsPage } from './ReferralsPage';
import { SharedPersonPage } from './SharedPersonPage';
import { SharedPersonsPage } from './SharedPersonsPage';

export const referralsModule: WebModule = {
  nav: [
    { to: '/app/referrals', labelId: 'referrals.nav', permission: 'person.view', order: 7 },
    { to: '/app/shared', labelId: 'referrals.shared_nav', permission: 'person.view_shared', order: 8 },
  ],
  routes: [
    { path: 'referrals', element: <ReferralsPage /> },
    { path: 'referrals/:id', element: <ReferralPage /> },
    { path: 'people/:personId/refer', element: <ReferPage /> },
    { path: 'shared', element: <SharedPersonsPage /> },
    { path: 'shared/:id', element: <SharedPersonPage /> },
  ],
};
