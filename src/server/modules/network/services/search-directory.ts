import type { Language } from '../../../../common/i18n/locales';
import { pageOf } from '../../../../common/kernel/schemas';
import type { DirectoryPage, DirectoryQuery, Municipality } from '../../../../common/network/service-schemas';
import type { Tx } from '../../../platform/db/context';
import { listMunicipalities, searchDirectory } from './store';

/** Public search of published services, in the reader's language for alphabetical order. */
export async function searchServices(
  trx: Tx,
  query: DirectoryQuery,
  language: Language,
): Promise<DirectoryPage> {
  const { page, pageSize } = pageOf(query, 20);
  const { items, total } = await searchDirectory(trx, query, language, page, pageSize);
  return { items, total, page, pageSize };
}

/** Municipalities for the directory filter: those with published services. */
export function municipalities(trx: Tx): Promise<Municipality[]> {
  return listMunicipalities(trx);
}
