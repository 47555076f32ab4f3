import { sql } from 'kysely';
import { IMMERSION_KINDS } from '../../../../common/immersions/request-rules';
import type { RuleParamSpecs } from '../../../../common/monitoring/rules';
import { runCount, runRecords, setParam } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * Action 2's counting rules (SQL in migration 0027): the professional is the subject, pseudonymous (a short
 * hash of the user id, never a name, no person); the partner is the sending organisation; only immersions
 * of the programme at another of its partners count.
 *
 * - SAM indicator 2: unique professionals who completed an immersion of 2 to 5 days (the days as bounds);
 * - RCO85, participations in joint training schemes: immersions of any kind that were agreed (each one);
 * - RCR81, their completion: completed immersions (each one).
 */
const AGREED = ['agreed', 'in_progress', 'completed'] as const;

const completedParams = {
  minDays: { kind: 'integer', min: 1, max: 366, default: 2 },
  maxDays: { kind: 'integer', min: 1, max: 366, default: 5 },
  kinds: { kind: 'set', options: IMMERSION_KINDS, default: ['short'] },
} as const satisfies RuleParamSpecs;

const participationParams = {
  kinds: { kind: 'set', options: IMMERSION_KINDS, default: [] },
} as const satisfies RuleParamSpecs;

const args = (s: IndicatorScope, statuses: readonly string[]) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${[...statuses]}::text[],
    ${setParam(s.params.kinds)}::text[], ${Number(s.params.minDays ?? 1)}::integer,
    ${Number(s.params.maxDays ?? 366)}::integer`;

const rule = (
  name: string,
  statuses: readonly string[],
  distinct: boolean,
  params: RuleParamSpecs,
): IndicatorRule => ({
  code: `immersions.${name}`,
  labelKey: `immersions.indicators.${name}.label`,
  definitionKey: `immersions.indicators.${name}.definition`,
  unit: distinct ? 'persons' : 'participations',
  params,
  count: (trx, s) =>
    runCount(
      trx,
      sql`select partner_org_id, n from app.ind_immersions_count(${args(s, statuses)}, ${distinct}::boolean)`,
    ),
  records: (trx, s) =>
    runRecords(trx, sql`select * from app.ind_immersions_records(${args(s, statuses)}) order by 4, 1`),
});

export const immersionIndicatorRules: readonly IndicatorRule[] = [
  rule('professionals_completed', ['completed'], true, completedParams),
  rule('joint_training_participations', AGREED, false, participationParams),
  rule('joint_training_completions', ['completed'], false, participationParams),
];
