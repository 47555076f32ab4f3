import { type RawBuilder, sql } from 'kysely';
import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import type { SignatureRole } from '../../../../common/placements/agreement-rules';
import { signLink } from '../../../../common/placements/links';
import { signerReminderDue } from '../../../../common/placements/reminder-rules';
import { hashToken, randomToken } from '../../../platform/crypto';
import { type Tx, withContext } from '../../../platform/db/context';
import { queueMail } from '../../../platform/mail';
import { signerLanguage, signerOutbox } from '../agreements/signature-links';
import * as agreements from '../agreements/store';
import type { ReminderDeps } from './run-reminders';

export interface SignerReminderDeps extends ReminderDeps {
  /** The platform key that keeps the fresh link encrypted until the mail leaves. */
  secretKey: Buffer;
}

interface LiveLink {
  id: string;
  org_id: string;
  requested_on: string;
  reminded_on: string | null;
}

const local = (col: RawBuilder<unknown>) => sql`to_char(${col} at time zone 'Europe/Brussels', 'YYYY-MM-DD')`;

/** Links that still work: not signed nor replaced by a signature, not expired, of the version awaiting signatures. */
const LIVE = sql`s.signed_at is null and s.token_hash is not null and s.token_expires_at > now()
  and s.version = p.version and p.status = 'awaiting_signatures'`;

/**
 * Issue 9, item 3: reminds each signer whose link still works, after 2 working days then weekly
 * (`signerReminderDue`). Only a hash of the token is kept, so a reminder carries a fresh link that
 * replaces the pending one (the old one stops working) and keeps its expiry: reminding never lengthens a
 * link's life. Returns the number of reminders mailed.
 */
export async function runSignerReminders(deps: SignerReminderDeps): Promise<number> {
  const today = deps.clock.today();
  const links = await withContext(deps.db, { scope: 'system', today }, async (trx) => {
    const r = await sql<LiveLink>`select s.id, s.org_id, ${local(sql`s.requested_at`)} as requested_on,
        ${local(sql`s.signer_reminded_at`)} as reminded_on
      from placement_signatures s join placements p on p.id = s.placement_id
      where ${LIVE} order by s.requested_at`.execute(trx);
    return r.rows;
  });
  let sent = 0;
  for (const l of links) {
    if (!signerReminderDue({ requestedOn: l.requested_on, remindedOn: l.reminded_on }, today)) continue;
    try {
      const done = await withContext(deps.db, { scope: 'system', orgId: l.org_id, today }, (trx) =>
        remindSigner(trx, deps, l.id, today),
      );
      if (done) sent++;
    } catch (e) {
      // One signer's failure must not hold back the others; it is tried again at the next run.
      deps.log?.error({ err: e, signatureId: l.id }, 'signature reminder failed');
    }
  }
  return sent;
}

/**
 * Reminds one signer, checking again under the row's lock that the link still works and is due today (so
 * two runs never remind twice the same day). The change (when, how many times) is audited by the
 * signatures table's trigger, which leaves the hash out; the mail's link is redacted in the outbox.
 */
async function remindSigner(trx: Tx, deps: SignerReminderDeps, id: string, today: string): Promise<boolean> {
  const r = await sql<LiveLink & { placement_id: string; role: SignatureRole }>`select s.id, s.org_id,
      s.placement_id, s.role, ${local(sql`s.requested_at`)} as requested_on,
      ${local(sql`s.signer_reminded_at`)} as reminded_on
    from placement_signatures s join placements p on p.id = s.placement_id
    where s.id = ${id}::uuid and ${LIVE} for update of s`.execute(trx);
  const link = r.rows[0];
  if (!link || !signerReminderDue({ requestedOn: link.requested_on, remindedOn: link.reminded_on }, today))
    return false;
  // The address is read through the definer function, like every read of a signer's address.
  const signer = (
    await sql<{ signature_id: string; email: string | null }>`select signature_id, email
      from app.placement_signers(${link.placement_id}::uuid)`.execute(trx)
  ).rows.find((s) => s.signature_id === id);
  const row = await agreements.lockPlacement(trx, link.placement_id);
  if (!signer?.email || !row) return false;

  const token = randomToken();
  // The job's day at the current local time: the next run compares days, as the staff live them.
  const updated = await sql<{ token_expires_at: Date }>`update placement_signatures
    set token_hash = ${hashToken(token)},
      signer_reminded_at = (${today}::date + (now() at time zone 'Europe/Brussels')::time)
        at time zone 'Europe/Brussels',
      signer_reminders = signer_reminders + 1, updated_at = now()
    where id = ${id}::uuid and signed_at is null and token_hash is not null
    returning token_expires_at`.execute(trx);
  const expires = updated.rows[0]?.token_expires_at;
  if (!expires) return false;

  const language = await signerLanguage(trx, row, link.role);
  const home = await agreements.findOrganisation(trx, row.org_id);
  const host = await agreements.findOrganisation(trx, row.host_org_id);
  await queueMail(trx, {
    to: signer.email,
    language,
    template: 'placements.agreements.signature_reminder',
    params: {
      home: home ? localized(language, home.name_fr, home.name_nl) : '',
      host: host ? localized(language, host.name_fr, host.name_nl) : '',
      until: new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'fr-BE', {
        dateStyle: 'long',
        timeZone: 'Europe/Brussels',
      }).format(new Date(expires)),
    },
    // Only the signer reads the link: the outbox (which admins read) shows it redacted.
    secretParams: { link: `${absolute(deps.config.publicUrl, signLink.href())}#token=${token}` },
    secretKey: deps.secretKey,
    orgId: signerOutbox(row, link.role),
  });
  return true;
}
