import { isoToday, programmeStatus } from '../../../../common/network/programme-rules';
import type { ProgrammeList, ProgrammeListQuery } from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { listProgrammes as query } from './store';

/** Programmes of the network, newest first, searchable by name, fund, status and partner organisation. */
export async function listProgrammes(trx: Tx, actor: Actor, q: ProgrammeListQuery): Promise<ProgrammeList> {
  requirePermission(actor, 'programme.view');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const today = isoToday();
  const { rows, total } = await query(trx, {
    q: q.q,
    fund: q.fund,
    status: q.status,
    org: q.org,
    today,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map((r) => ({ ...r, status: programmeStatus(r.startsOn, r.endsOn, today) })),
    total,
    page,
    pageSize,
  };
}
