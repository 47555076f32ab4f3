import { sql } from 'kysely';
import { toCents } from '../../../../common/network/programme-rules';
import type { OrgRef, PartnerRole } from '../../../../common/network/programme-schemas';
import type { Tx } from '../../../platform/db/context';
import { orgRef } from './store';

/** SQL of a programme's partner list. */

export interface PartnerRow {
  org: OrgRef;
  role: PartnerRole;
  roles: PartnerRole[];
  budgetTotal: string | null;
  euAmount: string | null;
}

const ROLE_ORDER = sql<number>`array_position(array['lead', 'partner', 'operator', 'associated', 'cofinancer'], pp.role)`;

export async function listPartners(trx: Tx, programmeId: string): Promise<PartnerRow[]> {
  const rows = await trx
    .selectFrom('programme_partners as pp')
    .innerJoin('organisations as o', 'o.id', 'pp.partner_org_id')
    .select([
      'o.id',
      'o.name_fr',
      'o.name_nl',
      'o.short_name',
      'o.country',
      'pp.role',
      'pp.roles',
      'pp.budget_total',
      'pp.eu_amount',
    ])
    .where('pp.programme_id', '=', programmeId)
    .orderBy(ROLE_ORDER)
    .orderBy('o.name_fr')
    .execute();
  return rows.map((r) => ({
    org: orgRef(r),
    role: r.role as PartnerRole,
    roles: r.roles as PartnerRole[],
    budgetTotal: r.budget_total,
    euAmount: r.eu_amount,
  }));
}

/** Programme columns as the API names them; undefined leaves a column unchanged. */
export async function organisationsStatus(trx: Tx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface PartnerValues {
  orgId: string;
  role: PartnerRole;
  extraRoles: PartnerRole[];
  budgetTotal: string | null;
  euAmount: string | null;
}

/** Current partner rows, keyed by partner organisation. */
export async function partnerValues(trx: Tx, programmeId: string): Promise<Map<string, PartnerValues>> {
  const rows = await trx
    .selectFrom('programme_partners')
    .select(['partner_org_id', 'role', 'extra_roles', 'budget_total', 'eu_amount'])
    .where('programme_id', '=', programmeId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.partner_org_id,
      {
        orgId: r.partner_org_id,
        role: r.role as PartnerRole,
        extraRoles: r.extra_roles as PartnerRole[],
        budgetTotal: r.budget_total,
        euAmount: r.eu_amount,
      },
    ]),
  );
}

/**
 * Applies the difference between the current and the wanted partner list, so the audit log shows only
 * real changes (a removed partner, a changed budget) rather than a delete and re-insert of every row.
 */
export async function applyPartnerChanges(
  trx: Tx,
  programmeId: string,
  ownerOrgId: string,
  current: Map<string, PartnerValues>,
  wanted: readonly PartnerValues[],
): Promise<void> {
  const wantedIds = new Set(wanted.map((w) => w.orgId));
  const removed = [...current.keys()].filter((id) => !wantedIds.has(id));
  if (removed.length)
    await trx
      .deleteFrom('programme_partners')
      .where('programme_id', '=', programmeId)
      .where('partner_org_id', 'in', removed)
      .execute();
  const same = (a: string | null, b: string | null) =>
    a === null ? b === null : b !== null && toCents(a) === toCents(b);
  for (const w of wanted) {
    const now = current.get(w.orgId);
    const values = {
      role: w.role,
      extra_roles: w.extraRoles,
      budget_total: w.budgetTotal,
      eu_amount: w.euAmount,
    };
    if (!now)
      await trx
        .insertInto('programme_partners')
        .values({ programme_id: programmeId, partner_org_id: w.orgId, org_id: ownerOrgId, ...values })
        .execute();
    else if (
      now.role !== w.role ||
      now.extraRoles.join() !== w.extraRoles.join() ||
      !same(now.budgetTotal, w.budgetTotal) ||
      !same(now.euAmount, w.euAmount)
    )
      await trx
        .updateTable('programme_partners')
        .set({ ...values, updated_at: new Date() })
        .where('programme_id', '=', programmeId)
        .where('partner_org_id', '=', w.orgId)
        .execute();
  }
  await trx.updateTable('programmes').set({ updated_at: new Date() }).where('id', '=', programmeId).execute();
}
