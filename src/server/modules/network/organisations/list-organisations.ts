import { pageOf } from '../../../../common/kernel/schemas';
import type { OrganisationPage, OrganisationQuery } from '../../../../common/network/organisation-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import * as store from './store';

/** The partner network, searched and filtered, sorted by name in the reader's language. */
export async function listOrganisations(
  trx: Tx,
  actor: Actor,
  query: OrganisationQuery,
): Promise<OrganisationPage> {
  requirePermission(actor, 'organisation.view');
  const { page, pageSize } = pageOf(query);
  const { items, total } = await store.listOrganisations(trx, query, actor.language === 'nl', page, pageSize);
  return { items, total, page, pageSize };
}
