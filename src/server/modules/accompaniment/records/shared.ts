import { sql } from 'kysely';
import type { SharedNewcomer } from '../../../../common/accompaniment/records-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { E } from './records';
import * as store from './store';

type Psychosocial = NonNullable<SharedNewcomer['psychosocial']>;

/** The referral is sealed with the home organisation's key, released to a 'psychosocial' grantee. */
async function opened(
  trx: Tx,
  masters: MasterKeys,
  personId: string,
  p: Psychosocial,
): Promise<Psychosocial> {
  if (!p.referredTo) return p;
  const opener = await store.newcomerOpener(trx, masters, personId);
  return {
    ...p,
    referredTo: opener.open(
      opener.orgIds[0] ?? '',
      'newcomer_profiles.psychosocial_referred_to',
      p.referredTo,
    ),
  };
}

/**
 * What another organisation may see of a newcomer through the sharing door: the legal status summary
 * ('legal_status' granted), the psychosocial flag ('psychosocial' granted); a 404 when neither is granted
 * or there is no newcomer record. The database function checks the grants and audits the read.
 */
export async function sharedNewcomer(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
): Promise<SharedNewcomer> {
  requirePermission(actor, 'person.view_shared');
  const r = await sql<{
    v: SharedNewcomer | null;
  }>`select app.shared_newcomer(${personId}::uuid) as v`.execute(trx);
  const v = r.rows[0]?.v;
  if (!v) throw notFound(E('not_shared'));
  return {
    personId: v.personId,
    fields: v.fields,
    ...(v.legalStatus ? { legalStatus: v.legalStatus } : {}),
    ...(v.psychosocial ? { psychosocial: await opened(trx, masters, personId, v.psychosocial) } : {}),
  };
}
