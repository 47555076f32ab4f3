import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';
import { countOf } from '../indicators/rules';

/**
 * The cross-border services network's counting rules (SQL in migration 0046).
 * - Services integrated in a cross-border network: the programme members' services with an accepted link
 *   in force at some point of the period (each service once, on whichever side of its links).
 * - Use of the cross-border services offer: the sum of the monthly counts the members' services recorded
 *   for the months of the period. A person served in several months is counted in each: participations,
 *   not unique persons (the counts carry no identity).
 */

const args = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

const linkedServices = (trx: Parameters<IndicatorRule['count']>[0], s: IndicatorScope) =>
  runRecords(trx, sql`select * from app.ind_service_links_rows(${args(s)}) order by 3, 1`);

export const serviceLinkIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'network.services_linked',
    labelKey: 'network.indicators.services_linked.label',
    definitionKey: 'network.indicators.services_linked.definition',
    unit: 'services',
    params: {},
    count: async (trx, s) => countOf(await linkedServices(trx, s)),
    records: linkedServices,
  },
  {
    code: 'network.cross_border_use',
    labelKey: 'network.indicators.cross_border_use.label',
    definitionKey: 'network.indicators.cross_border_use.definition',
    unit: 'participations',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_cross_border_use_count(${args(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_cross_border_use_records(${args(s)}) order by 4, 3, 1`),
  },
];
