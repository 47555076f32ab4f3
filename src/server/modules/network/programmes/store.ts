import { sql, type Updateable } from 'kysely';
import { likeAnywhere, searchTerm } from '../../../../common/kernel/schemas';
import type { Fund, OrgRef, ProgrammeStatus } from '../../../../common/network/programme-schemas';
import type { Tx } from '../../../platform/db/context';
import type { ProgrammesTable } from '../tables';

/** SQL of programmes (partners: partner-store.ts); API names (camelCase) on the way out. */

export interface ProgrammeRow {
  id: string;
  orgId: string;
  acronym: string | null;
  nameFr: string;
  nameNl: string;
  fundingProgramme: string | null;
  funds: string[];
  startsOn: string;
  endsOn: string;
  descriptionFr: string | null;
  descriptionNl: string | null;
  budgetTotal: string | null;
  euAmount: string | null;
  placementMinMonths: number;
  placementMaxMonths: number;
  themes: string[];
  interventionCategory: string | null;
  website: string | null;
  updatedAt: Date;
  lead: OrgRef;
}

export interface ListFilters {
  q?: string;
  fund?: Fund;
  status?: ProgrammeStatus;
  org?: string;
  limit: number;
  offset: number;
  today: string;
}

export const orgRef = (r: {
  id: string;
  name_fr: string;
  name_nl: string;
  short_name: string | null;
  country: string;
}) => ({
  id: r.id,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
  shortName: r.short_name,
  country: r.country,
});

function filtered(trx: Tx, f: Omit<ListFilters, 'limit' | 'offset'>) {
  let q = trx.selectFrom('programmes as p').innerJoin('organisations as o', 'o.id', 'p.org_id');
  const term = searchTerm(f.q);
  if (term) {
    const like = likeAnywhere(term);
    q = q.where(
      sql<boolean>`app.fold(concat_ws(' ', p.acronym, p.name_fr, p.name_nl, p.funding_programme, o.name_fr,
        o.name_nl, o.short_name)) like app.fold(${like})`,
    );
  }
  if (f.fund) q = q.where(sql<boolean>`${f.fund} = any (p.funds)`);
  if (f.status === 'planned') q = q.where('p.starts_on', '>', f.today);
  if (f.status === 'closed') q = q.where('p.ends_on', '<', f.today);
  if (f.status === 'running') q = q.where('p.starts_on', '<=', f.today).where('p.ends_on', '>=', f.today);
  if (f.org) {
    const org = f.org;
    q = q.where((eb) =>
      eb.or([
        eb('p.org_id', '=', org),
        eb.exists(
          eb
            .selectFrom('programme_partners as pp')
            .select('pp.programme_id')
            .whereRef('pp.programme_id', '=', 'p.id')
            .where('pp.partner_org_id', '=', org),
        ),
      ]),
    );
  }
  return q;
}

export async function listProgrammes(trx: Tx, f: ListFilters) {
  const base = filtered(trx, f);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'p.id',
      'p.acronym',
      'p.name_fr',
      'p.name_nl',
      'p.funding_programme',
      'p.funds',
      'p.starts_on',
      'p.ends_on',
      'p.budget_total',
      'p.eu_amount',
      'p.placement_min_months',
      'p.placement_max_months',
      'o.id as lead_id',
      'o.name_fr as lead_name_fr',
      'o.name_nl as lead_name_nl',
      'o.short_name as lead_short_name',
      'o.country as lead_country',
      sql<number>`(select count(*)::int from programme_partners pp where pp.programme_id = p.id)`.as(
        'partner_count',
      ),
    ])
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.name_fr')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id,
      acronym: r.acronym,
      nameFr: r.name_fr,
      nameNl: r.name_nl,
      fundingProgramme: r.funding_programme,
      funds: r.funds,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      budgetTotal: r.budget_total,
      euAmount: r.eu_amount,
      placementMinMonths: r.placement_min_months,
      placementMaxMonths: r.placement_max_months,
      partnerCount: r.partner_count,
      lead: orgRef({
        id: r.lead_id,
        name_fr: r.lead_name_fr,
        name_nl: r.lead_name_nl,
        short_name: r.lead_short_name,
        country: r.lead_country,
      }),
    })),
  };
}

export async function findProgramme(trx: Tx, id: string): Promise<ProgrammeRow | null> {
  const r = await trx
    .selectFrom('programmes as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select([
      'o.name_fr as lead_name_fr',
      'o.name_nl as lead_name_nl',
      'o.short_name as lead_short_name',
      'o.country as lead_country',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    orgId: r.org_id,
    acronym: r.acronym,
    nameFr: r.name_fr,
    nameNl: r.name_nl,
    fundingProgramme: r.funding_programme,
    funds: r.funds,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    descriptionFr: r.description_fr,
    descriptionNl: r.description_nl,
    budgetTotal: r.budget_total,
    euAmount: r.eu_amount,
    placementMinMonths: r.placement_min_months,
    placementMaxMonths: r.placement_max_months,
    themes: r.themes,
    interventionCategory: r.intervention_category,
    website: r.website,
    updatedAt: r.updated_at,
    lead: orgRef({
      id: r.org_id,
      name_fr: r.lead_name_fr,
      name_nl: r.lead_name_nl,
      short_name: r.lead_short_name,
      country: r.lead_country,
    }),
  };
}

export interface ProgrammeValues {
  acronym?: string | null;
  nameFr?: string;
  nameNl?: string;
  fundingProgramme?: string | null;
  funds?: string[];
  startsOn?: string;
  endsOn?: string;
  descriptionFr?: string | null;
  descriptionNl?: string | null;
  budgetTotal?: string | null;
  euAmount?: string | null;
  placementMinMonths?: number;
  placementMaxMonths?: number;
  themes?: string[];
  interventionCategory?: string | null;
  website?: string | null;
}

// Kysely leaves out undefined values, so a partial change updates only the given columns.
const columns = (v: ProgrammeValues): Updateable<ProgrammesTable> => ({
  acronym: v.acronym,
  name_fr: v.nameFr,
  name_nl: v.nameNl,
  funding_programme: v.fundingProgramme,
  funds: v.funds,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  description_fr: v.descriptionFr,
  description_nl: v.descriptionNl,
  budget_total: v.budgetTotal,
  eu_amount: v.euAmount,
  placement_min_months: v.placementMinMonths,
  placement_max_months: v.placementMaxMonths,
  themes: v.themes,
  intervention_category: v.interventionCategory,
  website: v.website,
});

export async function insertProgramme(
  trx: Tx,
  orgId: string,
  v: ProgrammeValues & Required<Pick<ProgrammeValues, 'nameFr' | 'nameNl' | 'funds' | 'startsOn' | 'endsOn'>>,
): Promise<string> {
  const { id } = await trx
    .insertInto('programmes')
    .values({
      ...columns(v),
      org_id: orgId,
      name_fr: v.nameFr,
      name_nl: v.nameNl,
      funds: v.funds,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('programme_partners')
    .values({ programme_id: id, partner_org_id: orgId, org_id: orgId, role: 'lead' })
    .execute();
  return id;
}

export async function updateProgramme(trx: Tx, id: string, v: ProgrammeValues): Promise<number> {
  const r = await trx
    .updateTable('programmes')
    .set({ ...columns(v), updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
