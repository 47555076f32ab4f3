import { sql } from 'kysely';
import { runCount, runRecords } from '../../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../../platform/module';

/**
 * Interventions across the border (SQL in migration 0055, pure twin countCrossBorder in
 * common/accompaniment/teams-rules.ts): the done interventions of the programme's members' mobile teams,
 * held in the period, in the other country than the team organisation's or for a person followed in the
 * other country. Each counted row is an intervention (no person), with the team's organisation as the
 * partner. The SQL can count each person concerned once instead (p_unique_persons); the rule does not
 * offer it as a parameter, whose label would belong to the monitoring module's catalogue.
 */
const args = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date, false`;

export const teamIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'accompaniment.interventions_cross_border',
    labelKey: 'accompaniment.teams.indicators.interventions_cross_border.label',
    definitionKey: 'accompaniment.teams.indicators.interventions_cross_border.definition',
    unit: 'events',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_accompaniment_cross_border_count(${args(s)})`),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_accompaniment_cross_border_records(${args(s)}) order by 4, 1`,
      ),
  },
];
