import type {
  BudgetVersionInput,
  BudgetVersionSummary,
  CofinancingInput,
  EnvelopeInput,
  LineInput,
} from '../../../../common/monitoring/budget-schemas';
import { fromCents, toCents } from '../../../../common/network/programme-rules';
import type { Tx } from '../../../platform/db/context';

/** The budgets' tables, read and written in the actor's transaction (RLS: the lead organisation inserts). */

export async function listVersions(trx: Tx, programmeId: string): Promise<BudgetVersionSummary[]> {
  const rows = await trx
    .selectFrom('budget_versions')
    .select(['id', 'number', 'dated_on', 'reason', 'source', 'created_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    datedOn: r.dated_on,
    reason: r.reason,
    source: r.source,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

const cents = (v: string | number | bigint | null) => (v === null ? null : fromCents(BigInt(v)));

/** A version's content in the shape of the input (amounts as decimal strings, envelopes by position). */
export async function versionContent(trx: Tx, versionId: string) {
  const envelopeRows = await trx
    .selectFrom('budget_envelopes')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const envelopeIndex = new Map(envelopeRows.map((e, i) => [e.id, i]));
  const envelopes: EnvelopeInput[] = envelopeRows.map((e) => ({
    fund: e.fund as EnvelopeInput['fund'],
    label: e.label,
    grant: cents(e.grant_cents),
    earmarked: cents(e.earmarked_cents) ?? '0.00',
    partnerOrgId: e.partner_org_id,
    note: e.note,
  }));
  const lineRows = await trx
    .selectFrom('budget_lines')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const lines: LineInput[] = lineRows.map((l) => ({
    partnerOrgId: l.partner_org_id,
    category: l.category as LineInput['category'],
    actionId: l.action_id,
    period: l.period,
    amount: cents(l.amount_cents),
    flatRate: l.flat_rate,
    envelope: l.envelope_id === null ? null : (envelopeIndex.get(l.envelope_id) ?? null),
    note: l.note,
  }));
  const coRows = await trx
    .selectFrom('budget_cofinancing')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('partner_org_id')
    .orderBy('fund')
    .execute();
  const cofinancing: CofinancingInput[] = coRows.map((f) => ({
    partnerOrgId: f.partner_org_id,
    fund: f.fund as CofinancingInput['fund'],
    funder: f.funder,
    rate: f.rate,
    amount: cents(f.amount_cents),
  }));
  return { envelopes, lines, cofinancing };
}

/** Inserts a complete version with the next number; never updates an older one. */
export async function insertVersion(
  trx: Tx,
  programme: { id: string; org_id: string },
  v: BudgetVersionInput,
  userId: string | null,
): Promise<{ id: string; number: number }> {
  const last = await trx
    .selectFrom('budget_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('programme_id', '=', programme.id)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const org = programme.org_id;
  const { id } = await trx
    .insertInto('budget_versions')
    .values({
      programme_id: programme.id,
      org_id: org,
      number,
      dated_on: v.datedOn,
      reason: v.reason.trim(),
      source: v.source.trim(),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const envelopeIds: string[] = [];
  for (const [i, e] of v.envelopes.entries()) {
    const row = await trx
      .insertInto('budget_envelopes')
      .values({
        version_id: id,
        org_id: org,
        position: i + 1,
        fund: e.fund,
        label: e.label.trim(),
        grant_cents: e.grant === null ? null : toCents(e.grant).toString(),
        earmarked_cents: toCents(e.earmarked).toString(),
        partner_org_id: e.partnerOrgId,
        note: e.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    envelopeIds.push(row.id);
  }
  if (v.lines.length)
    await trx
      .insertInto('budget_lines')
      .values(
        v.lines.map((l, i) => ({
          version_id: id,
          position: i + 1,
          org_id: org,
          partner_org_id: l.partnerOrgId,
          category: l.category,
          action_id: l.actionId,
          period: l.period,
          amount_cents: l.amount === null ? null : toCents(l.amount).toString(),
          flat_rate: l.flatRate,
          envelope_id: l.envelope === null ? null : (envelopeIds[l.envelope] ?? null),
          note: l.note,
        })),
      )
      .execute();
  if (v.cofinancing.length)
    await trx
      .insertInto('budget_cofinancing')
      .values(
        v.cofinancing.map((f) => ({
          version_id: id,
          org_id: org,
          partner_org_id: f.partnerOrgId,
          fund: f.fund,
          funder: f.funder,
          rate: f.rate,
          amount_cents: f.amount === null ? null : toCents(f.amount).toString(),
        })),
      )
      .execute();
  return { id, number };
}
