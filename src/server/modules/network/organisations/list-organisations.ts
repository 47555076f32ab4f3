import type { OrganisationPage, OrganisationQuery } from '../../../../common/network/organisation-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import * as store from './store';

export const DEFAULT_PAGE_SIZE = 25;

/** The partner network, searched and filtered, sorted by name in the reader's language. */
export async function listOrganisations(
  trx: Tx,
  actor: Actor,
  query: OrganisationQuery,
): Promise<OrganisationPage> {
  requirePermission(actor, 'organisation.view');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const { items, total } = await store.listOrganisations(trx, query, actor.language === 'nl', page, pageSize);
  return { items, total, page, pageSize };
}
