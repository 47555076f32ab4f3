import { createHash } from 'node:crypto';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { insertValues } from '../store';
import { ensureOwnDefinitions, OWN_ELEMENTS, SAMEN_SOURCE } from './definitions';
import * as store from './store';
import { suppressedValues } from './values';

/**
 * Recomputing samen's own figures (issue 12): counts by municipality of residence and year over every
 * organisation's records, so in the system scope, where only the definer function's aggregates are read;
 * written as the vintage 'samen <day>' that replaces every earlier one, all of it or nothing (one
 * transaction). The import row records it (audited, with the checksum of the values written) and names the
 * user who asked, when one did.
 */

/** Pathways and placements of the last ten years: older ones no longer describe today's needs. */
export const OWN_RECORD_YEARS = 10;

export interface RecomputeResult {
  importId: string;
  vintage: string;
  values: number;
  secret: number;
  replaced: number;
}

export async function recomputeOwnRecords(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: { userId: string | null; requestId?: string | null } = { userId: null },
): Promise<RecomputeResult> {
  const today = deps.clock.today();
  const year = Number(today.slice(0, 4));
  return withContext(
    deps.db,
    { scope: 'system', userId: by.userId, requestId: by.requestId ?? null, today },
    async (trx) => {
      const ids = await ensureOwnDefinitions(trx);
      const themes = new Map(OWN_ELEMENTS.map((e) => [e.code, e.theme]));
      const counts = (await store.ownRecordCounts(trx, year - OWN_RECORD_YEARS + 1, year)).filter((c) =>
        ids.has(c.element),
      );
      const values = suppressedValues(counts, themes);
      const vintage = `${SAMEN_SOURCE} ${today}`;
      const checksum = createHash('sha256').update(JSON.stringify(values)).digest('hex');
      const replaced = await store.deleteOwnValues(trx, [...ids.values()]);
      const imp = await trx
        .insertInto('obs_imports')
        .values({
          org_id: null,
          format: 'samen',
          filename: 'samen',
          checksum,
          vintage,
          geo_vintage: null,
          mapping: JSON.stringify({
            source: SAMEN_SOURCE,
            elements: [...ids.keys()],
            years: OWN_RECORD_YEARS,
          }),
          value_count: values.length,
          imported_by: by.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertValues(
        trx,
        values.map((v) => ({
          element_id: ids.get(v.element)!,
          geo_code: v.geoCode,
          period: v.period,
          disaggregation: 'total',
          vintage,
          value: v.value,
          secret: v.secret,
          org_id: null,
          import_id: imp.id,
        })),
      );
      return {
        importId: imp.id,
        vintage,
        values: values.length,
        secret: values.filter((v) => v.secret).length,
        replaced,
      };
    },
  );
}

/** Nightly: the first hourly tick of a day on which samen's figures were not computed yet computes them. */
export const OWN_RECORDS_CHECK_MS = 3600_000;

export function registerOwnRecordsJob(deps: Deps): void {
  deps.jobs.every('observatory.own-records', OWN_RECORDS_CHECK_MS, async () => {
    const last = await withContext(deps.db, { scope: 'system' }, (trx) => store.lastComputation(trx));
    if (last?.vintage === `${SAMEN_SOURCE} ${deps.clock.today()}`) return;
    await recomputeOwnRecords(deps);
  });
}
