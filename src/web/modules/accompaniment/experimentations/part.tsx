import {
  deliverablesLink,
  experimentationEditLink,
  experimentationLink,
  experimentationNewLink,
  experimentationsLink,
} from '../../../../common/accompaniment/experimentations-links';
import { lazyPage } from '../../../app/lazy';
import type { AccompanimentWebPart } from '../part';

const DeliverablesPage = lazyPage('accompaniment', () =>
  import('./DeliverablesPage').then((m) => m.DeliverablesPage),
);
const EditExperimentationPage = lazyPage('accompaniment', () =>
  import('./ExperimentationFormPage').then((m) => m.EditExperimentationPage),
);
const NewExperimentationPage = lazyPage('accompaniment', () =>
  import('./ExperimentationFormPage').then((m) => m.NewExperimentationPage),
);
const ExperimentationPage = lazyPage('accompaniment', () =>
  import('./ExperimentationPage').then((m) => m.ExperimentationPage),
);
const ExperimentationsPage = lazyPage('accompaniment', () =>
  import('./ExperimentationsPage').then((m) => m.ExperimentationsPage),
);

/** Module 3 of AB Réfugiés: the experimentations and their transfers, the deliverables per module. */
export const experimentationsWebPart: AccompanimentWebPart = {
  routes: [
    { path: experimentationsLink.pattern, element: <ExperimentationsPage /> },
    { path: experimentationNewLink.pattern, element: <NewExperimentationPage /> },
    { path: experimentationLink.pattern, element: <ExperimentationPage /> },
    { path: experimentationEditLink.pattern, element: <EditExperimentationPage /> },
    { path: deliverablesLink.pattern, element: <DeliverablesPage /> },
  ],
  sections: [
    {
      key: 'experimentations',
      order: 50,
      to: experimentationsLink.href(),
      titleId: 'accompaniment.experimentations.hub.title',
      descriptionId: 'accompaniment.experimentations.hub.description',
      permission: 'experimentation.view',
    },
    {
      key: 'deliverables',
      order: 55,
      to: deliverablesLink.href(),
      titleId: 'accompaniment.experimentations.hub.deliverables_title',
      descriptionId: 'accompaniment.experimentations.hub.deliverables_description',
      permission: 'experimentation.view',
    },
  ],
};
