import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * SAM indicator 3, cross-border initiatives in social matters (SQL in migration 0049): the programme's
 * initiatives, led by a member, whose lead and partners come from both countries and that ran (were
 * running, started or ended) in the period. Each counted row is an initiative (no person), with its lead as
 * the partner.
 */
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

export const initiativeIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'initiatives.cross_border',
    labelKey: 'initiatives.indicators.cross_border.label',
    definitionKey: 'initiatives.indicators.cross_border.definition',
    unit: 'initiatives',
    params: {},
    count: (trx, s) =>
      runCount(
        trx,
        sql`select partner_org_id, n from app.ind_initiatives_cross_border_count(${periodArgs(s)})`,
      ),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_initiatives_cross_border_records(${periodArgs(s)}) order by 4, 1`,
      ),
  },
];
