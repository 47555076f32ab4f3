import { sql } from 'kysely';
import type { OutboxItem, OutboxMail, OutboxQuery } from '../../../../common/admin/outbox-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of the mail outbox. RLS shows an organisation its own mails and a platform admin all of them. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const outboxColumns = [
  'id',
  'org_id',
  'to_address',
  'locale',
  'template',
  'subject',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

type OutboxRow = {
  id: string;
  org_id: string | null;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
};
const outboxItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  orgId: r.org_id,
  to: r.to_address,
  language: r.locale,
  template: r.template,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: iso(r.sent_at),
});

export async function listOutbox(
  trx: Tx,
  q: OutboxQuery,
  page: number,
  pageSize: number,
): Promise<{ items: OutboxItem[]; total: number }> {
  let base = trx.selectFrom('mail_outbox');
  if (q.status) base = base.where('status', '=', q.status);
  const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([...outboxColumns])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: count.n, items: rows.map(outboxItem) };
}

export async function getOutboxMail(trx: Tx, id: string): Promise<OutboxMail | null> {
  const r = await trx
    .selectFrom('mail_outbox')
    .select([...outboxColumns, 'body_text'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { ...outboxItem(r), body: r.body_text } : null;
}
