import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * accompaniment.newcomers_accompanied (SQL in migration 0058, pure twin `countNewcomers` in
 * src/common/accompaniment/newcomers-counted.ts): unique persons the programme's partners accompanied in
 * the period — status events, requests to a mobile team, interventions, interpreter bookings, outreach —
 * once each by participant code across partners, credited to the partner of their first activity.
 */
const args = (s: IndicatorScope) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${s.params.includeOutreach !== false}::boolean`;

export const newcomerIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'accompaniment.newcomers_accompanied',
    labelKey: 'accompaniment.records.indicators.newcomers.label',
    definitionKey: 'accompaniment.records.indicators.newcomers.definition',
    unit: 'persons',
    params: { includeOutreach: { kind: 'boolean', default: true } },
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_newcomers_accompanied_count(${args(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_newcomers_accompanied_records(${args(s)}) order by 4, 1`),
  },
];
