import type { ServiceDetail } from '../../../../common/network/service-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { findService } from './store';

/**
 * A service's full entry. Anonymous visitors see published services only; signed-in members also see
 * their own organisation's drafts (a preview), as RLS allows.
 */
export async function viewService(trx: Tx, actor: Actor | null, id: string): Promise<ServiceDetail> {
  const s = await findService(trx, id, { publishedOnly: !actor });
  if (!s) throw notFound();
  return s;
}
