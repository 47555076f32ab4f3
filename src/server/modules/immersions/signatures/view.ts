import {
  type AgreementSignaturesView,
  ROLE_SIDE,
  SIGNATURE_ROLES,
  type SignatureMethod,
  type SignatureRole,
  type SignatureView,
} from '../../../../common/immersions/signature-schemas';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { iso, sideOf } from '../requests/access';
import type { RequestRow } from '../requests/store';
import * as store from './store';

const SHOWN = ['agreed', 'in_progress', 'completed'];

/**
 * The agreement's signatures as the reader sees them, once both sides approved: each role's state for the
 * current version, what the reader may do for it, the earlier versions' signatures, and whether the reader
 * may amend. E-mail addresses only for the reader's own side's signers.
 */
export async function signaturesView(
  trx: Tx,
  actor: Actor,
  r: RequestRow,
  today: string,
): Promise<AgreementSignaturesView | null> {
  const side = sideOf(actor, r);
  if (!side || !SHOWN.includes(r.status)) return null;
  const rows = await store.signaturesOf(trx, r.id);
  const open = r.status === 'agreed';
  const manager = actorCan(actor, 'immersion.manage');
  const current = rows.filter((s) => s.version === r.agreement_version);
  const signatures = SIGNATURE_ROLES.map((role): SignatureView => {
    const s = current.find((x) => x.role === role);
    const ours = ROLE_SIDE[role] === side;
    const signed = !!s?.signed_at;
    const pending = open && !signed;
    const selfSign =
      role === 'visitor' ? actor.userId === r.visitor_user_id : manager && actor.userId !== r.visitor_user_id;
    return {
      role,
      state: !s
        ? 'not_asked'
        : signed
          ? 'signed'
          : s.token_expires_at && new Date(s.token_expires_at) > new Date()
            ? 'link_pending'
            : 'link_expired',
      signerName: s?.signer_name ?? null,
      email: ours ? (s?.email ?? null) : null,
      method: (s?.method as SignatureMethod | null) ?? null,
      requestedAt: s && !signed ? iso(s.requested_at) : null,
      signedAt: s ? iso(s.signed_at) : null,
      recordedBy: s?.witness_name ?? null,
      can: {
        sign: pending && ours && selfSign,
        link: pending && ours && manager,
        inPerson: pending && ours && manager,
      },
    };
  });
  const earlier = [...new Set(rows.filter((s) => s.version < r.agreement_version).map((s) => s.version))]
    .map((version) => ({
      version,
      signatures: rows
        .filter((s) => s.version === version && s.signed_at)
        .map((s) => ({
          role: s.role as SignatureRole,
          signerName: s.signer_name,
          signedAt: iso(s.signed_at) as string,
        })),
    }))
    .filter((v) => v.signatures.length > 0);
  return {
    version: r.agreement_version,
    open,
    fullySigned: signatures.every((s) => s.state === 'signed'),
    signatures,
    earlier,
    canAmend: open && manager && today <= r.starts_on,
  };
}
