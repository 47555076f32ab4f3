import { sql } from 'kysely';
import type { RuleParamSpecs } from '../../../../common/monitoring/rules';
import { runRecords, setParam } from '../../../platform/indicators';
import type { IndicatorRecord, IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * The network's counting rules (SQL in migration 0017): organisations cooperating across the border
 * (RCO87: the programme's lead and partners, each once, optionally only those with activity in the
 * period) and the services of the cross-border network. No person is counted: the rows are organisations
 * and services, public within the network, so counting and listing read the same rows.
 */

const PARTNER_ROLES = ['lead', 'partner', 'associated', 'operator', 'cofinancer'] as const;
const ACCESS = ['open_to_all', 'residents_both_countries', 'on_referral', 'residents_only'] as const;

const organisationParams = {
  roles: { kind: 'set', options: PARTNER_ROLES, default: ['lead', 'partner'], minItems: 1 },
  activeOnly: { kind: 'boolean', default: true },
} as const satisfies RuleParamSpecs;

const serviceParams = {
  access: {
    kind: 'set',
    options: ACCESS,
    default: ['on_referral', 'open_to_all', 'residents_both_countries'],
    minItems: 1,
  },
} as const satisfies RuleParamSpecs;

/** Each row is one organisation or service: the count is the rows, by partner and in total. */
export function countOf(rows: readonly IndicatorRecord[]) {
  const by = new Map<string, Set<string>>();
  for (const r of rows) by.set(r.partnerOrgId, (by.get(r.partnerOrgId) ?? new Set()).add(r.subject));
  return {
    total: new Set(rows.map((r) => r.subject)).size,
    byPartner: [...by]
      .map(([orgId, s]) => ({ orgId, n: s.size }))
      .sort((a, b) => b.n - a.n || a.orgId.localeCompare(b.orgId)),
  };
}

const organisations = (trx: Parameters<IndicatorRule['count']>[0], s: IndicatorScope) =>
  runRecords(
    trx,
    sql`select * from app.ind_organisations_rows(${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date,
      ${setParam(s.params.roles)}::text[], ${Boolean(s.params.activeOnly)}::boolean) order by 1`,
  );

const services = (trx: Parameters<IndicatorRule['count']>[0], s: IndicatorScope) =>
  runRecords(
    trx,
    sql`select * from app.ind_services_rows(${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date,
      ${setParam(s.params.access)}::text[]) order by 3, 1`,
  );

export const networkIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'network.organisations_cooperating',
    labelKey: 'network.indicators.organisations_cooperating.label',
    definitionKey: 'network.indicators.organisations_cooperating.definition',
    unit: 'organisations',
    params: organisationParams,
    count: async (trx, s) => countOf(await organisations(trx, s)),
    records: organisations,
  },
  {
    code: 'network.services_in_network',
    labelKey: 'network.indicators.services_in_network.label',
    definitionKey: 'network.indicators.services_in_network.definition',
    unit: 'services',
    params: serviceParams,
    count: async (trx, s) => countOf(await services(trx, s)),
    records: services,
  },
];
