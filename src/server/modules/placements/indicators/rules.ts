import { sql } from 'kysely';
import type { RuleParamSpecs } from '../../../../common/monitoring/rules';
import { OUTCOME_SITUATIONS } from '../../../../common/placements/followup-rules';
import { runCount, runProfile, runRecords, setParam } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * Action 1's counting rules (SQL in migration 0017): persons placed, unique by participant code across
 * partners (never by name); placements counted each time; persons whose situation 6 months after the
 * exit is a job or a training (the follow-up's outcomes).
 */

/** Statuses of a placement that has started (validated: agreed but not begun, for those who count it). */
export const COUNTED_STATUSES = ['validated', 'active', 'completed', 'interrupted'] as const;
export const MINIMUM_INCOME_BENEFITS = [
  'rsa',
  'ris',
  'equivalent_aid',
  'leefloon',
  'equivalent_leefloon',
] as const;

const placementParams = {
  /** 8 weeks: the shortest placement Action 1 allows (2 months). */
  minDurationDays: { kind: 'integer', min: 1, max: 1096, default: 56 },
  statuses: { kind: 'set', options: COUNTED_STATUSES, default: ['active', 'completed'], minItems: 1 },
  /** Empty: every person, whatever their benefit. */
  benefits: { kind: 'set', options: MINIMUM_INCOME_BENEFITS, default: [] },
} as const satisfies RuleParamSpecs;

const placementArgs = (s: IndicatorScope) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${Number(s.params.minDurationDays)}::integer,
    ${setParam(s.params.statuses)}::text[], ${setParam(s.params.benefits)}::text[]`;

const placementsRule = (code: string, distinct: boolean): IndicatorRule => ({
  code,
  labelKey: `placements.indicators.${code.split('.')[1]}.label`,
  definitionKey: `placements.indicators.${code.split('.')[1]}.definition`,
  unit: distinct ? 'persons' : 'participations',
  params: placementParams,
  count: (trx, s) =>
    runCount(
      trx,
      sql`select partner_org_id, n from app.ind_placements_count(${placementArgs(s)}, ${distinct}::boolean)`,
    ),
  records: (trx, s) =>
    runRecords(trx, sql`select * from app.ind_placements_records(${placementArgs(s)}) order by 4, 1`),
  profile: (trx, s) =>
    runProfile(
      trx,
      sql`select sex, age, n from app.ind_placements_profile(${placementArgs(s)}, ${distinct}::boolean)`,
    ),
});

const outcomeParams = {
  situations: { kind: 'set', options: OUTCOME_SITUATIONS, default: ['job', 'training'], minItems: 1 },
} as const satisfies RuleParamSpecs;

const outcomeArgs = (s: IndicatorScope) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, 'six_months'::text,
    ${setParam(s.params.situations)}::text[]`;

export const placementIndicatorRules: readonly IndicatorRule[] = [
  placementsRule('placements.persons_placed', true),
  placementsRule('placements.participations', false),
  {
    code: 'placements.outcome_six_months',
    labelKey: 'placements.indicators.outcome_six_months.label',
    definitionKey: 'placements.indicators.outcome_six_months.definition',
    unit: 'persons',
    params: outcomeParams,
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_outcomes_count(${outcomeArgs(s)}, true)`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_outcomes_records(${outcomeArgs(s)}) order by 4, 1`),
    profile: (trx, s) =>
      runProfile(trx, sql`select sex, age, n from app.ind_outcomes_profile(${outcomeArgs(s)}, true)`),
  },
];
