import { sql } from 'kysely';
import type { DeclaredItem } from '../../../../common/monitoring/expenditure-absorption';
import type {
  DeclarationStatus,
  ItemInput,
  ItemView,
  ReviewInput,
  ReviewStatus,
} from '../../../../common/monitoring/expenditure-schemas';
import { fromCents, toCents } from '../../../../common/network/programme-rules';
import type { Tx } from '../../../platform/db/context';

/**
 * The declarations' tables, in the actor's transaction: RLS shows a partner its own rows and the lead the
 * submitted ones; the guard triggers of migration 0020 refuse a change the declaration's state forbids.
 */

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const cents = (v: string | number | bigint | null) => (v === null ? null : fromCents(BigInt(v)));

export async function findDeclaration(trx: Tx, id: string) {
  return trx.selectFrom('expenditure_declarations').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DeclarationRow = NonNullable<Awaited<ReturnType<typeof findDeclaration>>>;

/**
 * The declarations the caller sees of a programme, with the sum of their items as declared and as the lead
 * accepted them (accepted as declared, corrected to the corrected amount; pending and rejected count 0, as
 * acceptedCents does), and the declaring organisation's short name.
 */
export async function listDeclarations(trx: Tx, programmeId: string) {
  return trx
    .selectFrom('expenditure_declarations as d')
    .leftJoin('expenditure_items as i', 'i.declaration_id', 'd.id')
    .select([
      'd.id',
      'd.programme_id',
      'd.org_id',
      'd.lead_org_id',
      'd.period',
      'd.status',
      'd.submitted_at',
      'd.reviewed_at',
      'd.reopen_reason',
    ])
    .select(sql<string>`coalesce(sum(i.amount_cents), 0)::text`.as('declared'))
    .select(
      sql<string>`coalesce(sum(case i.review_status when 'accepted' then i.amount_cents
        when 'corrected' then coalesce(i.corrected_cents, 0) else 0 end), 0)::text`.as('accepted'),
    )
    .select(
      sql<string | null>`(select o.short_name from organisations o where o.id = d.org_id)`.as(
        'org_short_name',
      ),
    )
    .where('d.programme_id', '=', programmeId)
    .groupBy('d.id')
    .orderBy('d.period', 'desc')
    .execute();
}

export const summary = (
  d: Awaited<ReturnType<typeof listDeclarations>>[number],
  names: Map<string, { nameFr: string; nameNl: string }>,
) => ({
  id: d.id,
  programmeId: d.programme_id,
  orgId: d.org_id,
  orgNameFr: names.get(d.org_id)?.nameFr ?? '',
  orgNameNl: names.get(d.org_id)?.nameNl ?? '',
  orgShortName: d.org_short_name || null,
  period: d.period,
  status: d.status as DeclarationStatus,
  submittedAt: iso(d.submitted_at),
  reviewedAt: iso(d.reviewed_at),
  reopenReason: d.reopen_reason,
  declared: fromCents(BigInt(d.declared)),
  accepted: fromCents(BigInt(d.accepted)),
});

export async function insertDeclaration(
  trx: Tx,
  v: { programmeId: string; orgId: string; leadOrgId: string; period: string; userId: string | null },
) {
  return trx
    .insertInto('expenditure_declarations')
    .values({
      programme_id: v.programmeId,
      org_id: v.orgId,
      lead_org_id: v.leadOrgId,
      period: v.period,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listItems(trx: Tx, declarationId: string): Promise<ItemView[]> {
  const rows = await trx
    .selectFrom('expenditure_items')
    .selectAll()
    .where('declaration_id', '=', declarationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category as ItemView['category'],
    actionId: r.action_id,
    description: r.description,
    supplier: r.supplier,
    invoiceNumber: r.invoice_number,
    invoiceDate: r.invoice_date,
    paidOn: r.paid_on,
    amount: cents(r.amount_cents) ?? '0.00',
    proofRef: r.proof_ref,
    review: {
      status: r.review_status as ReviewStatus,
      correctedAmount: cents(r.corrected_cents),
      reason: r.review_reason,
      reviewedAt: iso(r.reviewed_at),
    },
  }));
}

const itemColumns = (i: ItemInput) => ({
  category: i.category,
  action_id: i.actionId,
  description: i.description.trim(),
  supplier: i.supplier?.trim() || null,
  invoice_number: i.invoiceNumber?.trim() || null,
  invoice_date: i.invoiceDate,
  paid_on: i.paidOn,
  amount_cents: toCents(i.amount).toString(),
  proof_ref: i.proofRef?.trim() || null,
});

export async function insertItem(trx: Tx, d: DeclarationRow, i: ItemInput) {
  return trx
    .insertInto('expenditure_items')
    .values({ declaration_id: d.id, org_id: d.org_id, lead_org_id: d.lead_org_id, ...itemColumns(i) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Updates an item of the declaration; false when there is none (or the caller cannot see it). */
export async function updateItem(trx: Tx, declarationId: string, itemId: string, i: ItemInput) {
  const r = await trx
    .updateTable('expenditure_items')
    .set(itemColumns(i))
    .where('id', '=', itemId)
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteItem(trx: Tx, declarationId: string, itemId: string) {
  const r = await trx
    .deleteFrom('expenditure_items')
    .where('id', '=', itemId)
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function reviewItem(
  trx: Tx,
  declarationId: string,
  itemId: string,
  r: ReviewInput,
  userId: string | null,
) {
  const u = await trx
    .updateTable('expenditure_items')
    .set({
      review_status: r.status,
      corrected_cents: r.correctedAmount === null ? null : toCents(r.correctedAmount).toString(),
      review_reason: r.reason?.trim() || null,
      reviewed_by: userId,
      reviewed_at: new Date().toISOString(),
    })
    .where('id', '=', itemId)
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();
  return u.numUpdatedRows > 0n;
}

export async function setStatus(
  trx: Tx,
  id: string,
  status: Exclude<DeclarationStatus, 'draft'>,
  userId: string | null,
) {
  const now = new Date().toISOString();
  await trx
    .updateTable('expenditure_declarations')
    .set(
      status === 'submitted'
        ? { status, submitted_at: now, submitted_by: userId, reviewed_at: null, reviewed_by: null }
        : { status, reviewed_at: now, reviewed_by: userId },
    )
    .where('id', '=', id)
    .execute();
}

/** Back to the partner as a draft, with the reason (migration 0020: the lead cannot see a draft). */
export async function reopen(trx: Tx, id: string, reason: string) {
  await sql`select app.expenditure_reopen(${id}::uuid, ${reason})`.execute(trx);
}

/** Every partner's submitted sums (a SECURITY DEFINER function: sums only, for the programme's members). */
export async function programmeTotals(trx: Tx, programmeId: string): Promise<DeclaredItem[]> {
  const r = await sql<{
    partner_org_id: string;
    category: string;
    action_id: string | null;
    review_status: string;
    amount_cents: string | number;
    corrected_cents: string | number;
  }>`select * from app.expenditure_totals(${programmeId}::uuid)`.execute(trx);
  return r.rows.map((x) => ({
    partnerOrgId: x.partner_org_id,
    category: x.category,
    actionId: x.action_id,
    amountCents: BigInt(x.amount_cents),
    review: x.review_status as ReviewStatus,
    correctedCents: BigInt(x.corrected_cents),
  }));
}
