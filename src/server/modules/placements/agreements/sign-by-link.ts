import type { Language } from '../../../../common/i18n/locales';
import { localized } from '../../../../common/i18n/locales';
import { readingOf, signerLanguage } from '../../../../common/placements/agreement-reading';
import { SIGNATURE_SIDE } from '../../../../common/placements/agreement-rules';
import type { SignatureLinkView } from '../../../../common/placements/agreement-schemas';
import { signingBlockers } from '../../../../common/placements/agreement-workflow';
import { audit, auditPersonRead } from '../../../platform/audit';
import { hashToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { documentForSide } from '../pdf/agreement-pdf';
import { renderAgreementPdf } from '../pdf/render';
import { findPlacement, type PlacementRow } from './access';
import { loadFacts } from './facts';
import { refuseBlockedSigning } from './signatures';
import { recordIfFullySigned } from './signed-copies';
import * as store from './store';

/** What the request knows of itself, for the context the link's party is read in. */
export interface LinkRequest {
  requestId: string;
  today: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Opens a pending link (run in the system scope of pre-authentication): unknown, used, expired, replaced
 * and outdated links are all the same 404. Then the transaction acts for the signer's party, with no
 * user, so that the agreement is read exactly as that party's copy (ADR 0013): the person and the
 * referent read the home centre's, the host's representative the host's, through its grant. It stays in
 * the system scope, in which the directory (organisations, programmes) is readable without a session.
 */
async function openLink(trx: Tx, token: string, req: LinkRequest) {
  const link = await store.signatureByToken(trx, hashToken(token));
  const row = typeof link?.placementId === 'string' ? await findPlacement(trx, link.placementId) : undefined;
  if (!link || !row) throw notFound('placements.agreements.errors.link_invalid');
  const role = link.role as SignatureLinkView['role'];
  const side = SIGNATURE_SIDE[role];
  await switchContext(trx, {
    orgId: side === 'home' ? row.org_id : row.host_org_id,
    scope: 'system',
    requestId: req.requestId,
    today: req.today,
  });
  return { link, row, role, side };
}

/** Reading through a link is recorded in the party's chain, and the person's record read in the home centre's. */
async function auditLinkRead(trx: Tx, row: PlacementRow, side: 'home' | 'host', what: 'read' | 'export') {
  if (side === 'home')
    await auditPersonRead(trx, {
      personIds: [row.person_id],
      what: what === 'export' ? 'agreement_pdf' : 'agreement',
      detail: { placementId: row.id, side, via: 'signature_link' },
    });
  await audit(trx, {
    action: what,
    entity: 'placements',
    entityId: row.id,
    detail: {
      via: 'signature_link',
      side,
      version: row.version,
      ...(what === 'export' ? { format: 'pdf' } : {}),
    },
  });
}

/**
 * What the holder of a link signs (no session): the whole agreement, article by article, as their
 * party's copy in their language (issue 9, item 6), and what would refuse the signature now.
 */
export async function lookupSignature(trx: Tx, token: string, req: LinkRequest): Promise<SignatureLinkView> {
  const { link, row, role, side } = await openLink(trx, token, req);
  const document = await documentForSide(trx, row, side, new Date());
  const language = signerLanguage(role, document.languages);
  const reading = readingOf(document, language);
  const blocked = signingBlockers((await loadFacts(trx, row, side)).guards);
  await auditLinkRead(trx, row, side, 'read');
  // The person as this party's copy names them: the host's representative sees what the grant shows.
  const personFields = reading.blocks.find((b) => b.id === 'person')?.items ?? [];
  const fieldValue = (id: string) => {
    const f = personFields.find((i) => i.kind === 'field' && i.id === id);
    return f?.kind === 'field' ? f.value : '';
  };
  const personName =
    side === 'home'
      ? `${str(link.personFirstName)} ${str(link.personLastName)}`.trim()
      : fieldValue('participant_code') && !row.shared_fields.includes('identity')
        ? fieldValue('participant_code')
        : fieldValue('person_name');
  return {
    role,
    signerName: str(link.signerName),
    language,
    personName,
    homeOrgName: localized(language, str(link.homeOrgNameFr), str(link.homeOrgNameNl)),
    hostOrgName: localized(language, str(link.hostOrgNameFr), str(link.hostOrgNameNl)),
    siteName: row.site_name,
    municipalityCode: row.municipality_code,
    tasks: row.tasks,
    schedule: row.schedule,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    document: reading,
    blocked,
  };
}

/**
 * The agreement the link opens as the signer's party's PDF, while the link is pending only: once it is
 * used, the signed copy reaches every party by mail (signed-copies.ts), never through the spent token.
 */
export async function signaturePdf(
  trx: Tx,
  token: string,
  req: LinkRequest,
): Promise<{ filename: string; pdf: Buffer }> {
  const { row, side } = await openLink(trx, token, req);
  const now = new Date();
  const document = await documentForSide(trx, row, side, now);
  const pdf = await renderAgreementPdf(document, { creationDate: now });
  await auditLinkRead(trx, row, side, 'export');
  return { filename: document.filename, pdf };
}

/**
 * Signs through the link, once; the change is audited by the signatures table's trigger. The link is the
 * signer's only credential: the agreement is read (to check that it can still be validated) only once the
 * token has opened it, which is why this runs in the system scope (a pre-authentication flow). The last
 * of the three signatures has every party sent its signed copy.
 */
export async function signWithToken(trx: Tx, token: string, language: Language): Promise<void> {
  const hash = hashToken(token);
  const link = await store.signatureByToken(trx, hash);
  const row = typeof link?.placementId === 'string' ? await findPlacement(trx, link.placementId) : undefined;
  if (!row) throw notFound('placements.agreements.errors.link_invalid');
  refuseBlockedSigning(language, (await loadFacts(trx, row, 'home')).guards);
  const r = await store.signWithToken(trx, hash);
  if (!r) throw notFound('placements.agreements.errors.link_invalid');
  await recordIfFullySigned(trx, row.id);
}
