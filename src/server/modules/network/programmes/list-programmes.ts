import { pageOf } from '../../../../common/kernel/schemas';
import { programmeStatus } from '../../../../common/network/programme-rules';
import type { ProgrammeList, ProgrammeListQuery } from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { listProgrammes as query } from './store';

/**
 * Programmes of the network, newest first, searchable by name, fund, status and partner organisation;
 * statuses as of `today`.
 */
export async function listProgrammes(
  trx: Tx,
  actor: Actor,
  q: ProgrammeListQuery,
  today: string,
): Promise<ProgrammeList> {
  requirePermission(actor, 'programme.view');
  const { page, pageSize, offset } = pageOf(q, 20);
  const { rows, total } = await query(trx, {
    q: q.q,
    fund: q.fund,
    status: q.status,
    org: q.org,
    today,
    limit: pageSize,
    offset,
  });
  return {
    items: rows.map((r) => ({ ...r, status: programmeStatus(r.startsOn, r.endsOn, today) })),
    total,
    page,
    pageSize,
  };
}
