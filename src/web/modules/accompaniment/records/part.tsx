import { lazyPage } from '../../../app/lazy';
import type { AccompanimentWebPart } from '../part';

const NewcomerPanel = lazyPage('accompaniment', () => import('./NewcomerPanel').then((m) => m.NewcomerPanel));

/** This part's pages, person-page panels and hub cards (see ../index.tsx). */
export const recordsWebPart: AccompanimentWebPart = {
  personPanels: [
    { key: 'accompaniment-newcomer-record', order: 30, permission: 'person.view', Component: NewcomerPanel },
  ],
};
