import type { AccompanimentPart } from '../part';

/** This part's contribution to the accompaniment module's manifest (see ../index.ts). */
export const recordsPart: AccompanimentPart = {};
