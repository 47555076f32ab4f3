import { accompanimentLink } from '../../../common/accompaniment/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { experimentationsWebPart } from './experimentations/part';
import { interpretingWebPart } from './interpreting/part';
import { outreachWebPart } from './outreach/part';
import type { AccompanimentWebPart } from './part';
import { recordsWebPart } from './records/part';
import { teamsWebPart } from './teams/part';

const AccompanimentHub = lazyPage('accompaniment', () => import('./Hub').then((m) => m.AccompanimentHub));

const PARTS: readonly AccompanimentWebPart[] = [
  recordsWebPart,
  teamsWebPart,
  interpretingWebPart,
  outreachWebPart,
  experimentationsWebPart,
];

const sections = PARTS.flatMap((p) => p.sections ?? []).sort((a, b) => a.order - b.order);

/**
 * Accompaniment of newcomers (AB Réfugiés, see src/server/modules/accompaniment/index.ts): one menu entry
 * to a hub whose cards lead to each part the user may use; panels on the person page.
 */
export const accompanimentModule: WebModule = {
  nav: [
    {
      to: accompanimentLink.href(),
      labelId: 'accompaniment.nav',
      permission: 'accompaniment.view',
      order: 52,
    },
  ],
  routes: [
    { path: accompanimentLink.pattern, element: <AccompanimentHub sections={sections} /> },
    ...PARTS.flatMap((p) => p.routes ?? []),
  ],
  publicRoutes: PARTS.flatMap((p) => p.publicRoutes ?? []),
  personPanels: PARTS.flatMap((p) => p.personPanels ?? []),
  personLinks: PARTS.flatMap((p) => p.personLinks ?? []),
  caseloadAlerts: PARTS.flatMap((p) => p.caseloadAlerts ?? []),
  programmeLinks: PARTS.flatMap((p) => p.programmeLinks ?? []),
};
