import { type Insertable, sql } from 'kysely';
import type { ReferralStatus } from '../../../../common/people/referral-rules';
import type { Tx } from '../../../platform/db/context';
import {
  holdsValues,
  type KeyRow,
  type MasterKeys,
  openColumns,
  releasedOpener,
  type SealedColumns,
} from '../../../platform/keys/field-cipher';
import type { ReferralsTable } from '../tables';

export async function findOrganisation(trx: Tx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'status', 'email', 'region', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertReferral(trx: Tx, values: Insertable<ReferralsTable>) {
  return trx.insertInto('referrals').values(values).returning('id').executeTakeFirstOrThrow();
}

const referralSelect = (trx: Tx) =>
  trx
    .selectFrom('referrals as r')
    .innerJoin('organisations as s', 's.id', 'r.org_id')
    .innerJoin('organisations as t', 't.id', 'r.recipient_org_id')
    // Only the sender's own persons and users are visible here (RLS): the recipient gets nulls.
    .leftJoin('persons as p', 'p.id', 'r.person_id')
    .leftJoin('users as u', 'u.id', 'r.sent_by')
    .select([
      'r.id',
      'r.org_id',
      'r.person_id',
      'r.recipient_org_id',
      'r.purpose',
      'r.fields',
      'r.message',
      'r.status',
      'r.decline_reason',
      'r.consent_id',
      'r.override_reason',
      'r.decided_at',
      'r.created_at',
      'r.updated_at',
      's.name_fr as sender_name_fr',
      's.name_nl as sender_name_nl',
      't.name_fr as recipient_name_fr',
      't.name_nl as recipient_name_nl',
      'p.first_name',
      'p.last_name',
      'p.participant_code',
      'u.display_name as sent_by_name',
    ]);

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralSelect>['executeTakeFirstOrThrow']>>;

/** One page of the referrals addressed to (inbox) or sent by (outbox) an organisation, newest first. */
export async function listReferrals(
  trx: Tx,
  orgId: string,
  box: 'inbox' | 'outbox',
  status: ReferralStatus | undefined,
  page: number,
  pageSize: number,
) {
  let q = referralSelect(trx).where(box === 'inbox' ? 'r.recipient_org_id' : 'r.org_id', '=', orgId);
  if (status) q = q.where('r.status', '=', status);
  const rows = await q
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    let c = trx
      .selectFrom('referrals as r')
      .select(sql<number>`count(*)`.as('n'))
      .where(box === 'inbox' ? 'r.recipient_org_id' : 'r.org_id', '=', orgId);
    if (status) c = c.where('r.status', '=', status);
    total = Number((await c.executeTakeFirst())?.n ?? 0);
  }
  return { rows: rows as ReferralRow[], total };
}

/** A referral the organisation sends or receives (RLS hides the others), locked for a decision. */
export async function getReferral(trx: Tx, id: string, forUpdate = false) {
  // Lock the referral alone (not the joined rows) so two decisions cannot cross.
  if (forUpdate) await trx.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().execute();
  return referralSelect(trx).where('r.id', '=', id).executeTakeFirst();
}

export async function updateReferralStatus(
  trx: Tx,
  id: string,
  set: { status: ReferralStatus; decline_reason?: string; decided_by?: string; decided_at?: Date },
) {
  await trx
    .updateTable('referrals')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Rows with their texts opened: the message sealed with the sender's key (migration 0075), the decline reason
 * with the recipient's (0078). The keys come from app.referral_keys(), which releases both parties' keys to
 * each referral's sender and recipient only. An anonymised reason (ERASED) is shown as it is.
 */
export async function withTexts<
  R extends {
    id: string;
    org_id: string;
    recipient_org_id: string;
    message: string | null;
    decline_reason: string | null;
  },
>(trx: Tx, masters: MasterKeys, rows: R[]): Promise<R[]> {
  const columns: SealedColumns<R> = [
    ['message', 'referrals.message'],
    ['decline_reason', 'referrals.decline_reason'],
  ];
  const sealed = rows.filter((r) => holdsValues([r], columns));
  if (sealed.length === 0) return rows;
  const opener = await releasedOpener(
    trx,
    masters,
    sql<KeyRow>`select * from app.referral_keys(${sealed.map((r) => r.id)}::uuid[])`,
  );
  return openColumns(rows, columns, (r, field, value) =>
    opener.open(field === 'referrals.message' ? r.org_id : r.recipient_org_id, field, value),
  );
}
