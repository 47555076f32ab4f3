import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * The events' counting rules (SQL in migrations 0047 and 0050). RCO115 counts cross-border public events:
 * the programme's published events held in the period whose organiser and organising partners come from
 * both countries. Each counted row is an event (no person), with its organiser as the partner.
 *
 * From attendance (0050): SAM indicator 5 counts the unique persons present at the programme's awareness
 * and information sessions (registrations marked present, one per e-mail; participant codes, one per code
 * and organiser; counts, their first-timers) — the pure mirror is uniquePersonsAware in
 * src/common/forums/attendance-rules.ts. RCO81 counts every participation (present registrations, codes,
 * counted participants) at the cross-border events of any kind: one person at three sessions is three.
 */
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

/**
 * Professionals and volunteers trained (issue 14, migration 0057): the attendance at the programme's
 * trainings, network meetings and group sessions for professionals or volunteers, as participations or, with
 * `uniquePersons`, as unique persons — the pure mirror is trainedCount in src/common/forums/trained-rules.ts.
 */
const trainedArgs = (s: IndicatorScope) => sql`${periodArgs(s)}, ${s.params.uniquePersons === true}::boolean`;

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
  {
    code: 'forums.persons_aware',
    labelKey: 'forums.indicators.persons_aware.label',
    definitionKey: 'forums.indicators.persons_aware.definition',
    unit: 'persons',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_forum_persons_aware_count(${periodArgs(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_forum_persons_aware_records(${periodArgs(s)}) order by 4, 1`),
  },
  {
    code: 'forums.participations',
    labelKey: 'forums.indicators.participations.label',
    definitionKey: 'forums.indicators.participations.definition',
    unit: 'participations',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_forum_participations_count(${periodArgs(s)})`),
    records: (trx, s) =>
      runRecords(
        trx,
        sql`select * from app.ind_forum_participations_records(${periodArgs(s)}) order by 4, 1`,
      ),
  },
  {
    code: 'forums.trained',
    labelKey: 'forums.indicators.trained.label',
    definitionKey: 'forums.indicators.trained.definition',
    unit: 'participations',
    params: { uniquePersons: { kind: 'boolean', default: false } },
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_forum_trained_count(${trainedArgs(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_forum_trained_records(${trainedArgs(s)}) order by 4, 1`),
  },
];
