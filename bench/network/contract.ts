// The contract between the network generator (bench/network/index.ts) and the scenarios that run on
// its data (bench/run.ts and its parts): what was built, and the handles a scenario needs to ask for it.
import type { Engine } from '../../src/server/platform/db/engine';

export interface GenerateOptions {
  /** Same seed, same data (names, dates, statuses, values). */
  seed: number;
  /** 1 = the reference network (300 organisations, 200,000 persons…); 0.1 and 10 scale every count. */
  scale: number;
  log?: (line: string) => void;
}

export interface GeneratedNetwork {
  /** Rows written per table, e.g. { persons: 200000, placement_attendance: 2000000 }. */
  counts: Record<string, number>;
  /** Wall time of the whole generation and per step (ms), so the generator reports its own speed. */
  millis: { total: number; steps: Record<string, number> };
  /** Handles for the scenarios; every account's password is DEMO_PASSWORD. */
  sample: {
    /** A referent with a caseload of a realistic size in a CPAS/OCMW/CCAS of the network. */
    referentEmail: string;
    /** Persons of that referent's caseload (for the person page). */
    personIds: string[];
    /** Placement agreements the referent's organisation may read (for the agreement page). */
    agreementIds: string[];
    /** Immersion or placement offers' ranking path(s) the referent may call. */
    offerRankingPaths: string[];
    /** A programme coordinator and the programme whose indicator dashboard they read. */
    coordinatorEmail: string;
    programmeId: string;
    /** An analyst and a published observatory board code (public). */
    analystEmail: string;
    boardCode: string;
  };
}

export type GenerateNetwork = (engine: Engine, opts: GenerateOptions) => Promise<GeneratedNetwork>;
