/**
 * "Newcomers accompanied" (issue 14, rule accompaniment.newcomers_accompanied): unique persons a programme's
 * partners accompanied in a period. app.ind_newcomers_accompanied_all (migration 0058) counts the same way;
 * newcomers-counted.test.ts and the database test run the same cases.
 *
 * A person counts once in the whole network, by participant code — so a family referred by La Vie Active to
 * the Walloon team, or an outreach contact later linked to a record, is one person, not two — and is
 * credited to the partner of their first accompaniment activity in the period (ties: the smallest
 * organisation id, as the SQL orders).
 */
export type NewcomerActivity = 'status_event' | 'request' | 'intervention' | 'interpreting' | 'outreach';

export interface ActivityRow {
  kind: NewcomerActivity;
  /** The person's participant code, or null for an outreach contact not (yet) linked to a record. */
  participantCode: string | null;
  /** For an unlinked outreach contact: its pseudonym within its organisation, else its own id. */
  outreachKey: string | null;
  orgId: string;
  /** ISO day. */
  on: string;
}

/** The key a row is counted under (the same text the SQL builds). */
export function countedKey(r: ActivityRow): string {
  if (r.participantCode) return `person:${r.participantCode}`;
  if (r.outreachKey) return `outreach:${r.outreachKey}`;
  throw new Error('an activity row needs a participant code or an outreach key');
}

/**
 * Counted subjects with their partner (first activity in the period). Outreach contacts not linked to a
 * record count only when `includeOutreach` (they may be the same person twice under two pseudonyms: a
 * programme may prefer identified persons only).
 */
export function countNewcomers(
  rows: readonly ActivityRow[],
  period: { from: string; to: string },
  includeOutreach: boolean,
): { total: number; byOrg: Record<string, number> } {
  const first = new Map<string, ActivityRow>();
  for (const r of rows) {
    if (r.on < period.from || r.on > period.to) continue;
    if (!r.participantCode && !includeOutreach) continue;
    const key = countedKey(r);
    const seen = first.get(key);
    if (!seen || r.on < seen.on || (r.on === seen.on && r.orgId < seen.orgId)) first.set(key, r);
  }
  const byOrg: Record<string, number> = {};
  for (const r of first.values()) byOrg[r.orgId] = (byOrg[r.orgId] ?? 0) + 1;
  return { total: first.size, byOrg };
}
