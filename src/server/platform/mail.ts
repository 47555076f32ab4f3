import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Language } from '../../common/i18n/locales';
import type { Config } from './config';
import { type Tx, withContext } from './db/context';
import type { Database } from './db/database';
import { type MessageParams, t } from './i18n';

export interface Mailer {
  /** Whether mail leaves the platform (SMTP configured) or stays in the outbox for admins to read. */
  readonly delivers: boolean;
  /** Delivers queued mails; called by the job runner. Returns how many were sent. */
  deliverQueued(db: Kysely<Database>, limit?: number): Promise<number>;
}

/**
 * Queues an e-mail in the recipient's language inside the caller's transaction: it exists only if the
 * change that caused it commits. Templates are catalogue messages `mail.<template>.subject|body`.
 */
export async function queueMail(
  trx: Tx,
  m: {
    to: string;
    language: Language;
    template: string;
    params: MessageParams;
    orgId: string | null;
    delivers: boolean;
  },
): Promise<void> {
  await trx
    .insertInto('mail_outbox')
    .values({
      org_id: m.orgId,
      to_address: m.to,
      locale: m.language,
      template: m.template,
      subject: t(m.language, `mail.${m.template}.subject`, m.params),
      body_text: t(m.language, `mail.${m.template}.body`, m.params),
      status: m.delivers ? 'queued' : 'kept',
    })
    .execute();
}

export function createMailer(config: Config, log: Logger): Mailer {
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return {
    delivers: transport !== null,
    async deliverQueued(db, limit = 20) {
      if (!transport) return 0;
      return withContext(db, { scope: 'system' }, async (trx) => {
        const queued = await trx
          .selectFrom('mail_outbox')
          .selectAll()
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        let sent = 0;
        for (const m of queued) {
          try {
            await transport.sendMail({
              from: config.mailFrom,
              to: m.to_address,
              subject: m.subject,
              text: m.body_text,
            });
            await trx
              .updateTable('mail_outbox')
              .set({ status: 'sent', sent_at: new Date(), attempts: m.attempts + 1 })
              .where('id', '=', m.id)
              .execute();
            sent++;
          } catch (e) {
            log.warn({ err: e, mailId: m.id }, 'mail delivery failed');
            await trx
              .updateTable('mail_outbox')
              .set({
                status: m.attempts + 1 >= 5 ? 'failed' : 'queued',
                attempts: m.attempts + 1,
                last_error: String(e),
              })
              .where('id', '=', m.id)
              .execute();
          }
        }
        return sent;
      });
    },
  };
}
