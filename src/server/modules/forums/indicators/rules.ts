import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * The events' counting rules (SQL in migration 0047). RCO115 counts cross-border public events: the
 * programme's published events held in the period whose organiser and organising partners come from both
 * countries. Each counted row is an event (no person), with its organiser as the partner.
 */
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

export const forumIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'forums.cross_border_events',
    labelKey: 'forums.indicators.cross_border_events.label',
    definitionKey: 'forums.indicators.cross_border_events.definition',
    unit: 'events',
    params: {},
    count: (trx, s) =>
      runCount(
        trx,
        sql`select partner_org_id, n from app.ind_forum_cross_border_events_count(${periodArgs(s)})`,
      ),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_forum_cross_border_events_records(${periodArgs(s)}) order by 4, 1`,
      ),
  },
];
