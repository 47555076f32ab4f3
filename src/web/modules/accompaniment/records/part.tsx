import type { AccompanimentWebPart } from '../part';

/** This part's pages, person-page panels and hub cards (see ../index.tsx). */
export const recordsWebPart: AccompanimentWebPart = {};
