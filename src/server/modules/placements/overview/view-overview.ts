import type { Permission } from '../../../../common/access/permissions';
import { pageOf } from '../../../../common/kernel/schemas';
import { parseParticipantCode } from '../../../../common/people/participant-code';
import type {
  ExportQuery,
  OverviewPage,
  OverviewQuery,
} from '../../../../common/placements/overview-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * The programme whose placements the actor may overview: they hold the permission and act for the
 * programme's lead organisation (or are a platform admin). An unknown programme is 404, another
 * organisation's 403 (programmes are public within the network, so hiding it would tell nothing).
 */
export async function overviewProgramme(trx: Tx, actor: Actor, id: string, permission?: Permission) {
  requirePermission(actor, 'placement.programme_overview');
  if (permission) requirePermission(actor, permission);
  const programme = await store.findProgramme(trx, id);
  if (!programme) throw notFound();
  if (!actor.platformAdmin && programme.org_id !== actor.orgId)
    throw forbidden('placements.overview.errors.not_lead');
  return programme;
}

/** The query's filters, checked and normalised (the participant code in its canonical form). */
export function overviewFilter(q: ExportQuery): store.OverviewFilter {
  let code: string | null = null;
  if (q.code?.trim()) {
    code = parseParticipantCode(q.code);
    if (!code) throw validationFailed([{ path: 'code', code: 'people.persons.errors.code_format' }]);
  }
  if (q.from && q.to && q.to < q.from)
    throw validationFailed([{ path: 'to', code: 'placements.overview.errors.period_order' }]);
  return {
    status: q.status ?? null,
    homeOrgId: q.homeOrgId ?? null,
    hostOrgId: q.hostOrgId ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
    code,
  };
}

export const overviewOrder = (q: ExportQuery, actor: Actor): store.OverviewOrder => ({
  sort: q.sort ?? 'starts_on',
  // Dates read latest first by default; names and statuses in their natural order.
  desc: q.order ? q.order === 'desc' : (q.sort ?? 'starts_on') === 'starts_on' || q.sort === 'ends_on',
  language: actor.language,
});

/** One page of the programme's placements, with counts per status for the filter chips. */
export async function viewOverview(
  trx: Tx,
  actor: Actor,
  programmeId: string,
  q: OverviewQuery,
): Promise<OverviewPage> {
  await overviewProgramme(trx, actor, programmeId);
  const filter = overviewFilter(q);
  const { page, pageSize, offset } = pageOf(q);
  const counts = await store.countProgrammePlacements(trx, programmeId, filter);
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  const items =
    offset < total
      ? await store.listProgrammePlacements(
          trx,
          programmeId,
          filter,
          overviewOrder(q, actor),
          pageSize,
          offset,
        )
      : [];
  return { items, total, page, pageSize, counts, canExport: actorCan(actor, 'placement.export') };
}
