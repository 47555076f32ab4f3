import type { OutboxMail, OutboxPage, OutboxQuery } from '../../../../common/admin/outbox-schemas';
import { pageOf } from '../../../../common/kernel/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { getOutboxMail, listOutbox } from './store';

/**
 * Mails kept in the outbox (no SMTP) or waiting for delivery. RLS shows an organisation admin their
 * organisation's mails and a platform admin all of them, including those sent before any sign-in.
 */
export async function readOutbox(trx: Tx, actor: Actor, q: OutboxQuery): Promise<OutboxPage> {
  requirePermission(actor, 'mail.outbox.view');
  const { page, pageSize } = pageOf(q);
  const { items, total } = await listOutbox(trx, q, page, pageSize);
  return { items, total, page, pageSize };
}

export async function readOutboxMail(trx: Tx, actor: Actor, id: string): Promise<OutboxMail> {
  requirePermission(actor, 'mail.outbox.view');
  const mail = await getOutboxMail(trx, id);
  if (!mail) throw notFound('admin.outbox.errors.not_found');
  return mail;
}
