import {
  deliverablesLink,
  experimentationEditLink,
  experimentationLink,
  experimentationNewLink,
  experimentationsLink,
} from '../../../../common/accompaniment/experimentations-links';
import type { AccompanimentWebPart } from '../part';
import { DeliverablesPage } from './DeliverablesPage';
import { EditExperimentationPage, NewExperimentationPage } from './ExperimentationFormPage';
import { ExperimentationPage } from './ExperimentationPage';
import { ExperimentationsPage } from './ExperimentationsPage';

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
