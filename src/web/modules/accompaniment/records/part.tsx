import type { AccompanimentWebPart } from '../part';
import { NewcomerPanel } from './NewcomerPanel';

/** This part's pages, person-page panels and hub cards (see ../index.tsx). */
export const recordsWebPart: AccompanimentWebPart = {
  personPanels: [
    { key: 'accompaniment-newcomer-record', order: 30, permission: 'person.view', Component: NewcomerPanel },
  ],
};
