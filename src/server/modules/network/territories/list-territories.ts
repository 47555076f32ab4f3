import type { Language } from '../../../../common/i18n/locales';
import { pageOf } from '../../../../common/kernel/schemas';
import type { TerritoryPage, TerritoryQuery } from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';
import * as store from './store';

/**
 * Territories, searchable by anyone (the public directory and the forms' municipality picker): municipalities
 * unless another level is asked for, filtered by parent, ancestor (`within`) or group.
 */
export async function listTerritories(
  trx: Tx,
  language: Language,
  query: TerritoryQuery,
): Promise<TerritoryPage> {
  const { page, pageSize } = pageOf(query);
  const { items, total } = await store.listTerritories(trx, query, language === 'nl', page, pageSize);
  return { items, total, page, pageSize };
}
