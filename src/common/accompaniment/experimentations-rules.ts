import type { ExperimentationStatus, Participants, Side, TransferStatus } from './experimentations-schemas';

/**
 * The pure rules of the experimentations (issue 14, module 3): a side from a region, the participants'
 * total, where a transfer may go, and the two counting rules the SQL functions of migration 0057 make
 * (tested on the same cases: experimentations-cases.testing.ts).
 */

/** The side of an organisation, from its region; null when the region says none (Brussels, unknown). */
export function sideOfRegion(region: string | null | undefined): Side | null {
  if (region === 'FR-HDF') return 'FR';
  if (region === 'BE-WAL') return 'WAL';
  if (region === 'BE-VLG') return 'VLG';
  return null;
}

export const participantsTotal = (p: Participants) => p.newcomers + p.professionals + p.volunteers;

/** Whether an experimentation may be transferred now: once evaluated (or closed after its evaluation). */
export const transferable = (status: ExperimentationStatus) => status === 'evaluated' || status === 'closed';

export type TransferProblem = 'transfer_not_evaluated' | 'transfer_same_side' | 'transfer_same_org';

/** Why a transfer may not go from an experimentation to an organisation on a side (null: it may). */
export function transferProblem(
  origin: { status: ExperimentationStatus; side: Side; orgId: string },
  to: { side: Side; orgId: string },
): TransferProblem | null {
  if (!transferable(origin.status)) return 'transfer_not_evaluated';
  if (to.orgId === origin.orgId) return 'transfer_same_org';
  if (to.side === origin.side) return 'transfer_same_side';
  return null;
}

/** The other sides an experimentation may go to. */
export const otherSides = (side: Side, all: readonly Side[]) => all.filter((s) => s !== side);

const overlaps = (startsOn: string | null, endsOn: string | null, from: string, to: string) =>
  startsOn !== null && startsOn <= to && (endsOn === null || endsOn >= from);

export const RUN_STATUSES: readonly ExperimentationStatus[] = ['running', 'evaluated', 'closed'];
export const TAKEN_UP_STATUSES: readonly TransferStatus[] = ['running', 'evaluated', 'adopted'];

/**
 * RCO84, pilot actions developed jointly and implemented: an experimentation of the programme (led by a
 * member) with at least one partner organisation, that ran (running, evaluated, closed) in the period.
 */
export function countsAsRun(
  e: {
    status: ExperimentationStatus;
    startsOn: string | null;
    endsOn: string | null;
    partners: number;
    leadIsMember: boolean;
  },
  from: string,
  to: string,
): boolean {
  return (
    e.leadIsMember &&
    e.partners > 0 &&
    RUN_STATUSES.includes(e.status) &&
    overlaps(e.startsOn, e.endsOn, from, to)
  );
}

/**
 * RCO116 / RCR104, solutions taken up: a transfer of the programme's experimentation (led by a member)
 * running, evaluated or adopted in the period.
 */
export function countsAsTransferred(
  t: { status: TransferStatus; startsOn: string | null; endsOn: string | null; originLeadIsMember: boolean },
  from: string,
  to: string,
): boolean {
  return (
    t.originLeadIsMember && TAKEN_UP_STATUSES.includes(t.status) && overlaps(t.startsOn, t.endsOn, from, to)
  );
}

/** A count by organisation and in total, as the indicator functions give it. */
export function countBy<T>(rows: readonly T[], orgOf: (r: T) => string, keep: (r: T) => boolean) {
  const byOrg: Record<string, number> = {};
  let total = 0;
  for (const r of rows)
    if (keep(r)) {
      total += 1;
      byOrg[orgOf(r)] = (byOrg[orgOf(r)] ?? 0) + 1;
    }
  return { total, byOrg };
}
