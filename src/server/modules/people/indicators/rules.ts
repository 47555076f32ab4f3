import { sql } from 'kysely';
import type { RuleParamSpecs } from '../../../../common/monitoring/rules';
import { runCount, runProfile, runRecords, setParam } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * The people module's counting rules (SQL in migration 0017): persons accompanied on a pathway of the
 * programme, and persons who used a service across the border (a referral to the other country, a
 * placement at a host in the other country, a crossing recorded on their pathway). Unique by participant code across partners, never by name.
 */

const pathwayArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

const crossBorderParams = {
  statuses: {
    kind: 'set',
    options: ['sent', 'accepted', 'done'],
    default: ['accepted', 'done'],
    minItems: 1,
  },
  sources: {
    kind: 'set',
    options: ['referrals', 'placements', 'mobility'],
    default: ['mobility', 'placements', 'referrals'],
    minItems: 1,
  },
} as const satisfies RuleParamSpecs;

const crossBorderArgs = (s: IndicatorScope) =>
  sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, ${setParam(s.params.statuses)}::text[],
    ${setParam(s.params.sources)}::text[]`;

export const peopleIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'people.persons_accompanied',
    labelKey: 'people.indicators.persons_accompanied.label',
    definitionKey: 'people.indicators.persons_accompanied.definition',
    unit: 'persons',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_pathways_count(${pathwayArgs(s)}, true)`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_pathways_records(${pathwayArgs(s)}) order by 4, 1`),
    profile: (trx, s) =>
      runProfile(trx, sql`select sex, age, n from app.ind_pathways_profile(${pathwayArgs(s)}, true)`),
  },
  {
    code: 'people.cross_border_services',
    labelKey: 'people.indicators.cross_border_services.label',
    definitionKey: 'people.indicators.cross_border_services.definition',
    unit: 'persons',
    params: crossBorderParams,
    count: (trx, s) =>
      runCount(
        trx,
        sql`select partner_org_id, n from app.ind_cross_border_count(${crossBorderArgs(s)}, true)`,
      ),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_cross_border_records(${crossBorderArgs(s)}) order by 4, 1`),
    profile: (trx, s) =>
      runProfile(trx, sql`select sex, age, n from app.ind_cross_border_profile(${crossBorderArgs(s)}, true)`),
  },
];
