import type { ExperimentationStatus, Side, TransferStatus } from './experimentations-schemas';

/**
 * Test-only: experimentations and transfers counted by the pure rules (experimentations-rules.test.ts) and
 * by the SQL functions of migration 0057 on both engines (the part's indicators db test), in 2031 so that
 * the demo stays outside the period. Organisations: LVA (FR), CRESAM (WAL), WH (VLG) are members of the
 * programme; OUT (FR) is not.
 */
export type CaseOrg = 'LVA' | 'CRESAM' | 'WH' | 'OUT';
export const CASE_SIDES: Record<CaseOrg, Side> = { LVA: 'FR', CRESAM: 'WAL', WH: 'VLG', OUT: 'FR' };
export const PERIOD = { from: '2031-01-01', to: '2031-12-31' };

export interface CaseExperimentation {
  key: string;
  org: CaseOrg;
  status: ExperimentationStatus;
  startsOn: string | null;
  endsOn: string | null;
  partners: CaseOrg[];
}

export const CASE_EXPERIMENTATIONS: CaseExperimentation[] = [
  // Counted: running in the period, with a partner; evaluated, ended within the period.
  { key: 'E1', org: 'LVA', status: 'running', startsOn: '2031-03-01', endsOn: null, partners: ['OUT'] },
  {
    key: 'E2',
    org: 'CRESAM',
    status: 'evaluated',
    startsOn: '2030-01-01',
    endsOn: '2031-02-01',
    partners: ['WH'],
  },
  // Not counted: ended before the period, without partner, abandoned, led by a non-member, still planned.
  {
    key: 'E3',
    org: 'LVA',
    status: 'closed',
    startsOn: '2030-01-01',
    endsOn: '2030-12-31',
    partners: ['CRESAM'],
  },
  { key: 'E4', org: 'CRESAM', status: 'running', startsOn: '2031-05-01', endsOn: null, partners: [] },
  {
    key: 'E5',
    org: 'LVA',
    status: 'abandoned',
    startsOn: '2031-04-01',
    endsOn: '2031-04-30',
    partners: ['WH'],
  },
  { key: 'E6', org: 'OUT', status: 'running', startsOn: '2031-01-10', endsOn: null, partners: ['LVA'] },
  { key: 'E7', org: 'LVA', status: 'planned', startsOn: '2031-02-01', endsOn: null, partners: ['WH'] },
];

export interface CaseTransfer {
  key: string;
  of: string;
  org: CaseOrg;
  status: TransferStatus;
  startsOn: string | null;
  endsOn: string | null;
}

export const CASE_TRANSFERS: CaseTransfer[] = [
  // Counted: adopted, running.
  { key: 'T1', of: 'E2', org: 'WH', status: 'adopted', startsOn: '2031-01-15', endsOn: null },
  { key: 'T2', of: 'E3', org: 'CRESAM', status: 'running', startsOn: '2031-06-01', endsOn: null },
  // Not counted: only proposed, abandoned, ended before the period.
  { key: 'T3', of: 'E3', org: 'WH', status: 'proposed', startsOn: null, endsOn: null },
  { key: 'T4', of: 'E2', org: 'LVA', status: 'abandoned', startsOn: '2031-02-01', endsOn: '2031-03-01' },
  { key: 'T5', of: 'E2', org: 'OUT', status: 'evaluated', startsOn: '2029-01-01', endsOn: '2030-06-30' },
];

export const EXPECTED_RUN = { total: 2, byOrg: { LVA: 1, CRESAM: 1 } };
export const EXPECTED_TRANSFERRED = { total: 2, byOrg: { WH: 1, CRESAM: 1 } };

/** The statuses an experimentation goes through to reach a status (from planned). */
export const EXPERIMENTATION_PATH: Record<ExperimentationStatus, ExperimentationStatus[]> = {
  planned: [],
  running: ['running'],
  evaluated: ['running', 'evaluated'],
  closed: ['running', 'evaluated', 'closed'],
  abandoned: ['abandoned'],
};
export const TRANSFER_PATH: Record<TransferStatus, TransferStatus[]> = {
  proposed: [],
  adapting: ['adapting'],
  running: ['adapting', 'running'],
  evaluated: ['adapting', 'running', 'evaluated'],
  adopted: ['adapting', 'running', 'evaluated', 'adopted'],
  abandoned: ['abandoned'],
};
