import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * The practice library's counting rules (SQL in migration 0028). Each counted row is a sheet, named by
 * its short reference (no person: personId is null), with its owner as the partner. RCO116 counts the
 * jointly developed solutions: published sheets attached to the programme, first published in the period,
 * with at least two organisations involved. RCR104 counts the solutions taken up: those sheets adopted by
 * another organisation, the adoption starting in the period.
 */

/**
 * Fixed rather than parameters: a parameter needs its label in the monitoring module's catalogue
 * (`monitoring.indicators.param.*`), which this module does not own. At least two organisations involved,
 * counting only members of the programme (RCO116: developed jointly by the programme's partners).
 */
export const MIN_ORGANISATIONS = 2;

const developedArgs = (s: IndicatorScope) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${MIN_ORGANISATIONS}::integer, true`;
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

export const practiceIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'practices.solutions_developed',
    labelKey: 'practices.indicators.solutions_developed.label',
    definitionKey: 'practices.indicators.solutions_developed.definition',
    unit: 'initiatives',
    params: {},
    count: (trx, s) =>
      runCount(
        trx,
        sql`select partner_org_id, n from app.ind_practices_developed_count(${developedArgs(s)})`,
      ),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_practices_developed_records(${developedArgs(s)}) order by 4, 1`,
      ),
  },
  {
    code: 'practices.solutions_taken_up',
    labelKey: 'practices.indicators.solutions_taken_up.label',
    definitionKey: 'practices.indicators.solutions_taken_up.definition',
    unit: 'initiatives',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_practices_taken_up_count(${periodArgs(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_practices_taken_up_records(${periodArgs(s)}) order by 4, 1`),
  },
];
