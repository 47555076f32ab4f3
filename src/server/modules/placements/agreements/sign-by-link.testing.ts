import { sql } from 'kysely';
import { hashToken, randomToken } from '../../../platform/crypto';
import type { agreementFixtures } from './fixtures.testing';

/**
 * Test-only: a pending signature link of the current version, written as requestSignature leaves it (the
 * hash only), acting for the signer's side; returns the token the signer would have been mailed.
 */
export async function pendingLink(
  f: Awaited<ReturnType<typeof agreementFixtures>>,
  placementId: string,
  role: 'person' | 'home_referent' | 'host_representative',
  signerName: string,
  email = `${role}@signataires.example`,
): Promise<string> {
  const token = randomToken();
  const side = role === 'host_representative' ? f.host : f.home;
  await f.asOrg(side, (trx) =>
    sql`insert into placement_signatures (org_id, host_org_id, placement_id, version, role, signer_name, email,
        token_hash, token_expires_at, requested_by)
      select p.org_id, p.host_org_id, p.id, p.version, ${role}, ${signerName}, ${email}, ${hashToken(token)},
        now() + interval '7 days', ${side.userId}::uuid
      from placements p where p.id = ${placementId}::uuid`.execute(trx),
  );
  return token;
}
