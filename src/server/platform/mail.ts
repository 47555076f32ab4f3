import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Language } from '../../common/i18n/locales';
import type { Config } from './config';
import { decryptField, encryptField } from './crypto';
import { type Tx, withContext } from './db/context';
import type { Database } from './db/database';
import { type MessageParams, t } from './i18n';
import { enqueue } from './jobs';

/** A mail as it leaves the platform: the only place where a single-use link appears in clear. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** A file sent with the mail (the signed agreement); kept encrypted in the outbox only until sent. */
  attachment?: MailAttachment;
  /** Every file of the mail, `attachment` first (an event's calendar and its check-in QR code). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mailer {
  /** Whether mail leaves the platform by SMTP (else it is written to the server's mail folder). */
  readonly delivers: boolean;
  /** Delivers queued mails; called by the job runner. Returns how many left. */
  deliverQueued(db: Kysely<Database>, limit?: number): Promise<number>;
}

/** The queue the delivery job runs on: queueing a mail wakes it, so mail leaves within seconds. */
export const MAIL_QUEUE = 'mail.deliver';

/**
 * Queues an e-mail in the recipient's language inside the caller's transaction: it exists only if the
 * change that caused it commits. Templates are catalogue messages `mail.<template>.subject|body`.
 *
 * `secretParams` (a single-use link) never reach the stored body: the outbox shows them redacted, and
 * they are kept encrypted with the platform key until the mail is delivered, then erased. So no one but
 * the addressee ever reads a live token, not an organisation admin reading the outbox, not a log.
 */
export async function queueMail(
  trx: Tx,
  m: {
    to: string;
    language: Language;
    template: string;
    params: MessageParams;
    secretParams?: MessageParams;
    secretKey?: Buffer;
    /**
     * A file for the addressee only (a signed agreement): encrypted with the platform key like a link,
     * erased once delivered; the outbox shows its name (ADR 0014).
     */
    attachment?: MailAttachment;
    /** Further files after `attachment`, kept the same way (an event's check-in QR code). */
    attachments?: MailAttachment[];
    orgId: string | null;
    /** Kept for call sites: every mail is queued, delivery decides where it goes. */
    delivers?: boolean;
  },
): Promise<void> {
  const files = [...(m.attachment ? [m.attachment] : []), ...(m.attachments ?? [])];
  if ((m.secretParams || files.length > 0) && !m.secretKey)
    throw new Error('a mail with secret parameters or an attachment needs the platform key');
  const redacted: MessageParams = {};
  for (const k of Object.keys(m.secretParams ?? {})) redacted[k] = t(m.language, 'mail.redacted_link');
  const shown = { ...m.params, ...redacted };
  await trx
    .insertInto('mail_outbox')
    .values({
      org_id: m.orgId,
      to_address: m.to,
      locale: m.language,
      template: m.template,
      subject: t(m.language, `mail.${m.template}.subject`, shown),
      body_text: t(m.language, `mail.${m.template}.body`, shown),
      secret_enc:
        m.secretParams && m.secretKey
          ? encryptField(JSON.stringify({ ...m.params, ...m.secretParams }), m.secretKey)
          : null,
      ...(files.length > 0 && m.secretKey
        ? {
            attachment_name: files.map((f) => f.filename).join(', '),
            // One file sealed as an object (as before), several as an array of them with their names.
            attachment_enc: encryptField(
              JSON.stringify(files.length === 1 ? sealed(files[0]!) : files.map(sealed)),
              m.secretKey,
            ),
          }
        : {}),
      status: 'queued',
    })
    .execute();
  await enqueue(trx, MAIL_QUEUE, {}, { singletonKey: 'deliver' });
}

/**
 * Without SMTP, mail is written as .eml files to DATA_DIR/mail on the server (like a developer's mail
 * catcher): only whoever runs the server reads them, never a user of the platform.
 */
function fileTransport(dir: string) {
  return async (m: OutgoingMail, from: string) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.id}.eml`;
    const headers = [
      `From: ${from}`,
      `To: ${m.to}`,
      `Subject: =?UTF-8?B?${Buffer.from(m.subject).toString('base64')}?=`,
      'MIME-Version: 1.0',
    ];
    const text = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'];
    let eml: string;
    const files = m.attachments ?? (m.attachment ? [m.attachment] : []);
    if (files.length === 0) eml = `${[...headers, ...text].join('\r\n')}\r\n\r\n${m.text}\r\n`;
    else {
      const boundary = `samen-${m.id}`;
      eml = [
        ...headers,
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        ...text,
        '',
        m.text,
        ...files.flatMap((a) => [
          `--${boundary}`,
          `Content-Type: ${a.contentType}; name="${a.filename}"`,
          `Content-Disposition: attachment; filename="${a.filename}"`,
          'Content-Transfer-Encoding: base64',
          '',
          ...(a.content.toString('base64').match(/.{1,76}/g) ?? []),
        ]),
        `--${boundary}--`,
        '',
      ].join('\r\n');
    }
    writeFileSync(join(dir, name), eml, { mode: 0o600 });
  };
}

export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>,
  log: Logger,
  /** The platform key (and, during a master key rotation, the previous one) that opens queued secrets. */
  secretKey: Buffer | readonly Buffer[],
  /** Tests capture mails here instead of SMTP or files. */
  sink?: (m: OutgoingMail) => void | Promise<void>,
): Mailer {
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const toFile = fileTransport(join(config.dataDir, 'mail'));
  const send = async (m: OutgoingMail) => {
    if (sink) return void (await sink(m));
    if (transport)
      return void (await transport.sendMail({
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ ...a })) } : {}),
      }));
    await toFile(m, config.mailFrom);
  };
  return {
    delivers: transport !== null,
    async deliverQueued(db, limit = 20) {
      return withContext(db, { scope: 'system' }, async (trx) => {
        const queued = await trx
          .selectFrom('mail_outbox')
          .select([
            'id',
            'to_address',
            'locale',
            'template',
            'subject',
            'body_text',
            'secret_enc',
            'attachment_name',
            'attachment_enc',
            'attempts',
          ])
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        let sent = 0;
        for (const m of queued) {
          try {
            let subject = m.subject;
            let text = m.body_text;
            if (m.secret_enc) {
              const params = JSON.parse(decryptField(m.secret_enc, secretKey)) as MessageParams;
              const language = m.locale as Language;
              subject = t(language, `mail.${m.template}.subject`, params);
              text = t(language, `mail.${m.template}.body`, params);
            }
            const attachments = m.attachment_enc ? openAttachments(m, secretKey) : [];
            await send({
              id: m.id,
              to: m.to_address,
              subject,
              text,
              ...(attachments[0] ? { attachment: attachments[0], attachments } : {}),
            });
            await trx
              .updateTable('mail_outbox')
              .set({
                status: transport || sink ? 'sent' : 'kept',
                sent_at: new Date(),
                attempts: m.attempts + 1,
                secret_enc: null,
                attachment_enc: null,
              })
              .where('id', '=', m.id)
              .execute();
            sent++;
          } catch (e) {
            // The error text may quote the message (SMTP servers echo lines): keep only its kind.
            log.warn({ mailId: m.id, error: e instanceof Error ? e.name : 'error' }, 'mail delivery failed');
            const failed = m.attempts + 1 >= 5;
            await trx
              .updateTable('mail_outbox')
              .set({
                status: failed ? 'failed' : 'queued',
                attempts: m.attempts + 1,
                last_error: e instanceof Error ? e.message.slice(0, 300) : 'error',
                // A link that can no longer be delivered is erased with the attempt that gave up.
                ...(failed ? { secret_enc: null, attachment_enc: null } : {}),
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

interface SealedFile {
  filename?: string;
  contentType: string;
  content: string;
}
const sealed = (f: MailAttachment): SealedFile => ({
  filename: f.filename,
  contentType: f.contentType,
  content: f.content.toString('base64'),
});

/** The attachments a queued mail keeps encrypted until it leaves (one object, or an array of several). */
function openAttachments(
  m: { attachment_name: string | null; attachment_enc: string | null },
  secretKey: Buffer | readonly Buffer[],
): MailAttachment[] {
  const opened = JSON.parse(decryptField(m.attachment_enc ?? '', secretKey)) as SealedFile | SealedFile[];
  return (Array.isArray(opened) ? opened : [opened]).map((f) => ({
    filename: Array.isArray(opened) ? (f.filename ?? 'attachment') : (m.attachment_name ?? 'attachment'),
    contentType: f.contentType,
    content: Buffer.from(f.content, 'base64'),
  }));
}
