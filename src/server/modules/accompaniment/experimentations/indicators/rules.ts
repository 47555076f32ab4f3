import { sql } from 'kysely';
import { runCount, runRecords } from '../../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../../platform/module';

/**
 * The experimentations' counting rules (SQL in migration 0057), each row an experimentation or a transfer
 * (no person). RCO84 counts the pilot actions developed jointly and implemented: the programme's
 * experimentations with at least one partner that ran in the period (countsAsRun). RCO116 / RCR104 count
 * the solutions taken up: the transfers running, evaluated or adopted in the period, with the taking-up
 * organisation as the partner (countsAsTransferred). Both in src/common/accompaniment/experimentations-rules.ts.
 */
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

export const experimentationIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'accompaniment.experimentations_run',
    labelKey: 'accompaniment.experimentations.indicators.run.label',
    definitionKey: 'accompaniment.experimentations.indicators.run.definition',
    unit: 'initiatives',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_experimentations_run_count(${periodArgs(s)})`),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_experimentations_run_records(${periodArgs(s)}) order by 4, 1`,
      ),
  },
  {
    code: 'accompaniment.experimentations_transferred',
    labelKey: 'accompaniment.experimentations.indicators.transferred.label',
    definitionKey: 'accompaniment.experimentations.indicators.transferred.definition',
    unit: 'initiatives',
    params: {},
    count: (trx, s) =>
      runCount(
        trx,
        sql`select partner_org_id, n from app.ind_experimentations_transferred_count(${periodArgs(s)})`,
      ),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_experimentations_transferred_records(${periodArgs(s)}) order by 4, 1`,
      ),
  },
];
