import {
  ROLE_SIDE,
  type SignatureLinkView,
  type SignatureRole,
} from '../../../../common/immersions/signature-schemas';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import { audit } from '../../../platform/audit';
import { hashToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { agreementOf } from '../agreement/agreement-pdf';
import { renderAgreementPdf } from '../agreement/render';
import * as requests from '../requests/store';
import { announceIfSigned, S } from './sign';
import * as store from './store';

/**
 * A signer's single-use link (no session). Run in the system scope of pre-authentication: unknown, used,
 * expired, replaced and outdated links are all the same 404. Once the token opened it, the transaction acts
 * for the signer's side (still without a user), and the signer reads the whole agreement as that side's
 * copy, in that side's language; every read and signature is audited in that side's chain.
 */

export interface LinkRequest {
  requestId: string;
  today: string;
}

async function openLink(trx: Tx, token: string, req: LinkRequest) {
  const link = await store.byToken(trx, hashToken(token));
  const id = typeof link?.requestId === 'string' ? link.requestId : null;
  const r = id ? await requests.findRequest(trx, id) : undefined;
  if (!link || !r) throw notFound(S('link_invalid'));
  const role = link.role as SignatureRole;
  const side = ROLE_SIDE[role];
  const orgId = side === 'host' ? r.host_org_id : r.org_id;
  await switchContext(trx, { orgId, scope: 'system', requestId: req.requestId, today: req.today });
  const org = await trx
    .selectFrom('organisations')
    .select('region')
    .where('id', '=', orgId)
    .executeTakeFirst();
  const language = organisationLanguage(org?.region ?? null);
  const { document } = await agreementOf(trx, r, side, {
    lang: language,
    fallback: language,
    now: new Date(),
    people: await store.peopleOf(trx, r),
  });
  return { link, r, role, side, language, document };
}

async function auditLink(trx: Tx, r: requests.RequestRow, side: string, action: 'read' | 'export') {
  await audit(trx, {
    action,
    entity: 'immersion_requests',
    entityId: r.id,
    detail: {
      via: 'signature_link',
      side,
      version: r.agreement_version,
      ...(action === 'export' ? { format: 'pdf' } : {}),
    },
  });
}

export async function lookupSignature(trx: Tx, token: string, req: LinkRequest): Promise<SignatureLinkView> {
  const { link, r, role, side, language, document } = await openLink(trx, token, req);
  await auditLink(trx, r, side, 'read');
  return {
    role,
    signerName: typeof link.signerName === 'string' ? link.signerName : '',
    language,
    version: r.agreement_version,
    title: document.title,
    blocks: document.blocks
      .filter((b) => b.id !== 'title' && b.id !== 'footer')
      .map((b) => ({
        id: b.id,
        heading: b.heading,
        items: b.items.map((i) =>
          i.kind === 'paragraph' ? { kind: 'paragraph' as const, text: i.text, note: i.tone === 'note' } : i,
        ),
      })),
  };
}

/** The agreement the link opens as the signer's side's PDF, while the link is pending only. */
export async function signaturePdf(trx: Tx, token: string, req: LinkRequest) {
  const { r, side, document } = await openLink(trx, token, req);
  const pdf = await renderAgreementPdf(document, { creationDate: new Date() });
  await auditLink(trx, r, side, 'export');
  return { filename: document.filename, pdf };
}

/**
 * Signs through the link, once: the signatures table's trigger audits it. The last of the three
 * signatures tells everyone.
 */
export async function signWithToken(trx: Tx, token: string, req: LinkRequest): Promise<void> {
  const { r } = await openLink(trx, token, req);
  const id = await store.signByToken(trx, hashToken(token));
  if (!id) throw notFound(S('link_invalid'));
  await announceIfSigned(trx, null, r);
}
