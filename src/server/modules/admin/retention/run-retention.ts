import { sql } from 'kysely';
import type { RetentionCounts } from '../../../../common/admin/retention';
import { type Tx, withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { dueInOrganisation } from './retention';
import * as store from './store';

/** Anonymises one person of the transaction's organisation (people's `anonymisePerson`). */
export type Anonymise = (trx: Tx, deps: Deps, personId: string, reason: 'retention') => Promise<unknown>;

export const RETENTION_JOB = 'admin.retention';
/** Hourly; each organisation runs once a day (retention_runs is unique per day), so the rhythm is a delay. */
export const RETENTION_INTERVAL_MS = 3600_000;

export interface RetentionRunResult {
  orgId: string;
  counts: RetentionCounts;
  failed: number;
  personIds: string[];
}

/**
 * The retention job: for each organisation whose administrators turned it on (or those named), once a
 * day, anonymises the persons due under its policy and records what it did. One transaction per
 * organisation, acting as it in system scope: the report and the anonymisations commit together. A
 * person whose anonymisation fails is rolled back alone (savepoint), counted as failed and tried again
 * the next day. A second pass the same day does nothing (the day's report exists), and an anonymised
 * person is never due again (persons.anonymised_at).
 */
export async function runRetention(
  deps: Deps,
  anonymise: Anonymise,
  opts: { orgIds?: readonly string[] } = {},
): Promise<RetentionRunResult[]> {
  const today = deps.clock.today();
  const orgIds =
    opts.orgIds ??
    (await withContext(deps.db, { scope: 'system', today }, (trx) => store.automaticOrgs(trx)));
  const results: RetentionRunResult[] = [];
  for (const orgId of orgIds) {
    try {
      const r = await withContext(deps.db, { scope: 'system', orgId, today }, (trx) =>
        runForOrganisation(trx, deps, anonymise, orgId, today),
      );
      if (r) results.push(r);
    } catch (e) {
      // One organisation's failure must not hold back the others; it is tried again within the hour.
      deps.log.error({ err: e, orgId }, 'retention run failed');
    }
  }
  return results;
}

async function runForOrganisation(
  trx: Tx,
  deps: Deps,
  anonymise: Anonymise,
  orgId: string,
  today: string,
): Promise<RetentionRunResult | null> {
  if (await store.hasRunOn(trx, orgId, today)) return null;
  const policy = await store.policyOf(trx, orgId);
  if (!policy.automatic) return null;
  const { due, counts } = await dueInOrganisation(trx, orgId, policy, today);
  const done: typeof due = [];
  let failed = 0;
  for (const p of due) {
    await sql`savepoint retention_person`.execute(trx);
    try {
      await anonymise(trx, deps, p.personId, 'retention');
      await sql`release savepoint retention_person`.execute(trx);
      done.push(p);
    } catch (e) {
      await sql`rollback to savepoint retention_person`.execute(trx);
      failed++;
      deps.log.error({ err: e, orgId, personId: p.personId }, 'retention: anonymisation failed');
    }
  }
  const result: RetentionRunResult = {
    orgId,
    counts: {
      caseFile: done.filter((p) => p.kind === 'case_file').length,
      participation: done.filter((p) => p.kind === 'participation').length,
      held: counts.held,
      restricted: counts.restricted,
    },
    failed,
    personIds: done.map((p) => p.personId),
  };
  await store.insertRun(trx, { ...result, ranOn: today, ...policy });
  return result;
}
