import { sql } from 'kysely';
import { localized } from '../../../../common/i18n/locales';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import { SIGNATURE_ROLES, type SignatureRole } from '../../../../common/placements/agreement-rules';
import { audit, auditPersonRead } from '../../../platform/audit';
import { switchContext, type Tx } from '../../../platform/db/context';
import { recordPartyEvent } from '../../../platform/events';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import { asciiFilename } from '../../../platform/send-file';
import { documentForSide } from '../pdf/agreement-pdf';
import { renderAgreementPdf } from '../pdf/render';
import { findPlacement } from './access';
import { type AgreementEventPayload, agreementEvent, agreementPayload } from './events';
import { partyRecipients } from './recipients';
import * as store from './store';

/**
 * The signed copy (issue 9, items 3 and 6): when the last of the three signatures is given, by link or in
 * person, every party receives the agreement as signed, as a PDF, in its own copy (ADR 0013: the host's
 * withholds what its grant does not give) and each recipient in their language. ADR 0014.
 */
export const FULLY_SIGNED = agreementEvent('fully_signed');

/**
 * Records the event once the current version carries every signature. Called after a signature is
 * written; the advisory lock orders two last signatures given at once, so that exactly one of them sees
 * the other's (committed) row and records the event.
 */
export async function recordIfFullySigned(trx: Tx, placementId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`placement-signed:${placementId}`}))`.execute(trx);
  const row = await findPlacement(trx, placementId);
  if (!row || row.status !== 'awaiting_signatures') return;
  const signed = (await store.signatures(trx, row.id)).filter(
    (s) => s.version === row.version && s.signed_at,
  );
  if (!SIGNATURE_ROLES.every((r) => signed.some((s) => s.role === r))) return;
  const payload: AgreementEventPayload & { version: number } = {
    placementId: row.id,
    homeOrgId: row.org_id,
    hostOrgId: row.host_org_id,
    side: 'home',
    version: row.version,
  };
  // Nobody in particular: the event is the agreement's, and each party's handler acts for it alone. The
  // last signature may be the host's or a link's, hence a party event (migration 0069).
  await recordPartyEvent(
    trx,
    { type: FULLY_SIGNED, orgId: row.org_id, payload },
    { kind: 'placement', id: row.id },
  );
}

interface Recipient {
  email: string;
  language: 'fr' | 'nl' | 'en';
}

/**
 * Who of a party receives its copy: for the home centre the person (or their representative) when an
 * address is known, and the referent; for the host its representative who signed and its validators
 * (signatories, direction). Read acting for that party, which sees the signer's address of its own rows.
 */
async function copyRecipients(
  trx: Tx,
  row: {
    id: string;
    org_id: string;
    host_org_id: string;
    person_id: string;
    signatory: string;
    language: string;
    version: number;
  },
  side: 'home' | 'host',
): Promise<Recipient[]> {
  const orgId = side === 'home' ? row.org_id : row.host_org_id;
  const org = await store.findOrganisation(trx, orgId);
  const orgLanguage = organisationLanguage(org?.region ?? null);
  const signers = await store.signatures(trx, row.id);
  const addresses = await store.signerNames(trx, row.id);
  const signerOf = (role: SignatureRole) => {
    const s = signers.find((x) => x.role === role && x.version === row.version && x.signed_at);
    return s ? (addresses.get(s.id)?.email ?? null) : null;
  };
  const out: Recipient[] = [];
  const add = (email: string | null, language: Recipient['language']) => {
    const e = email?.trim();
    if (e && !out.some((r) => r.email.toLowerCase() === e.toLowerCase())) out.push({ email: e, language });
  };
  if (side === 'home') {
    const personLanguage = row.language === 'nl' ? 'nl' : 'fr';
    add(signerOf('person'), personLanguage);
    // Signed in person: the home centre's record may know the person's own address (not a representative's).
    if (row.signatory !== 'legal_representative')
      add((await personEmail(trx, row.person_id)) ?? null, personLanguage);
    add(signerOf('home_referent'), orgLanguage);
  } else add(signerOf('host_representative'), orgLanguage);
  for (const p of await partyRecipients(trx, row.id, orgId, side === 'home' ? ['referent'] : ['validators']))
    add(p.email, p.language ?? orgLanguage);
  return out;
}

/** The PDF a mail may carry as a file name (no path, no quote, nothing a header could misread). */
const safeFilename = (name: string) => asciiFilename(name).slice(0, 150);

/**
 * Mails one party its signed copy, acting for that party. Nothing is sent when the agreement moved on to
 * another version meanwhile: that copy would not be the one signed.
 */
export async function sendSignedCopies(
  trx: Tx,
  deps: { secrets: { secretKey: Buffer } },
  p: AgreementEventPayload & { version: number },
  side: 'home' | 'host',
): Promise<number> {
  const row = await findPlacement(trx, p.placementId);
  if (!row || row.version !== p.version) return 0;
  const recipients = await copyRecipients(trx, row, side);
  if (recipients.length === 0) return 0;
  const now = new Date();
  const document = await documentForSide(trx, row, side, now);
  const pdf = await renderAgreementPdf(document, { creationDate: now });
  const home = await store.findOrganisation(trx, row.org_id);
  const host = await store.findOrganisation(trx, row.host_org_id);
  for (const r of recipients) {
    const language = r.language === 'nl' ? 'nl' : r.language === 'en' ? 'en' : 'fr';
    await queueMail(trx, {
      to: r.email,
      language,
      template: 'placements.agreements.signed_copy',
      // The two organisations and the reference: the person is named only inside the attached copy.
      params: {
        home: home ? localized(language, home.name_fr, home.name_nl) : '',
        host: host ? localized(language, host.name_fr, host.name_nl) : '',
        reference: document.reference,
        version: row.version,
      },
      attachment: { filename: safeFilename(document.filename), contentType: 'application/pdf', content: pdf },
      secretKey: deps.secrets.secretKey,
      orgId: side === 'home' ? row.org_id : row.host_org_id,
    });
  }
  if (side === 'home')
    await auditPersonRead(trx, {
      personIds: [row.person_id],
      what: 'agreement_pdf',
      detail: { placementId: row.id, side, via: 'signed_copy_mail' },
    });
  await audit(trx, {
    action: 'export',
    entity: 'placements',
    entityId: row.id,
    detail: {
      format: 'pdf',
      via: 'signed_copy_mail',
      side,
      version: row.version,
      recipients: recipients.length,
    },
  });
  return recipients.length;
}

const signedPayload = (
  payload: Record<string, unknown>,
  p: AgreementEventPayload | null,
): (AgreementEventPayload & { version: number }) | null =>
  p && typeof payload.version === 'number' ? { ...p, version: payload.version } : null;

/** One handler per party, each acting for that party: its staff, its outbox, its copy. */
export const signedCopyNotifications: readonly NotificationHandler[] = (['home', 'host'] as const).map(
  (side): NotificationHandler => ({
    event: FULLY_SIGNED,
    actsFor(event) {
      const p = agreementPayload(event);
      return p ? (side === 'home' ? p.homeOrgId : p.hostOrgId) : null;
    },
    async handle(trx, deps, event) {
      const p = signedPayload(event.payload, agreementPayload(event));
      if (!p) return;
      // Nobody's session: the directory (organisations, programmes) the copy names is read in the system
      // scope, as the signing link reads it; the person and the grant still as this party alone.
      await switchContext(trx, {
        orgId: side === 'home' ? p.homeOrgId : p.hostOrgId,
        scope: 'system',
        today: deps.clock.today(),
      });
      await sendSignedCopies(trx, deps, p, side);
    },
  }),
);

/** The person's address in the home centre's own record (read acting for the home centre only). */
async function personEmail(trx: Tx, personId: string): Promise<string | null> {
  const p = await trx.selectFrom('persons').select('email').where('id', '=', personId).executeTakeFirst();
  return p?.email ?? null;
}
