import type { SignatureMethod, SignatureRole } from '../../../../common/immersions/signature-schemas';
import type { Tx } from '../../../platform/db/context';
import type { SignatureFact } from './document';

/** The signers of the agreement's current version, as the document prints them. */
export async function currentSignatures(
  trx: Tx,
  requestId: string,
  version: number,
): Promise<SignatureFact[]> {
  const rows = await trx
    .selectFrom('immersion_signatures')
    .select(['role', 'signer_name', 'method', 'signed_at', 'witness_name'])
    .where('request_id', '=', requestId)
    .where('version', '=', version)
    .execute();
  return rows.map((s) => ({
    role: s.role as SignatureRole,
    signerName: s.signer_name,
    method: s.method as SignatureMethod | null,
    signedAt: s.signed_at,
    witness: s.witness_name,
  }));
}
