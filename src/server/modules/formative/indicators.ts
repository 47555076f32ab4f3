import { sql } from 'kysely';
import { runCount, runRecords } from '../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../platform/module';

/**
 * The formative's counting rules (SQL in migration 0029): participants in the joint training scheme
 * (RCO85-like: trainees whose immersion year started in the period) and its completions (RCR81-like:
 * trainees whose end-of-year review both signed within the period). Each trainee counts once, by a
 * pseudonym (never a name); the partner is the trainee's home centre.
 */
const args = (s: IndicatorScope, kind: 'started' | 'completed') =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${kind}::text`;

const rule = (name: string, kind: 'started' | 'completed'): IndicatorRule => ({
  code: `formative.${name}`,
  labelKey: `formative.indicators.${name}.label`,
  definitionKey: `formative.indicators.${name}.definition`,
  unit: 'persons',
  params: {},
  count: (trx, s) =>
    runCount(trx, sql`select partner_org_id, n from app.ind_formative_count(${args(s, kind)})`),
  records: (trx, s) =>
    runRecords(trx, sql`select * from app.ind_formative_records(${args(s, kind)}) order by 4, 1`),
});

export const formativeIndicatorRules: readonly IndicatorRule[] = [
  rule('trainees', 'started'),
  rule('completed', 'completed'),
];
