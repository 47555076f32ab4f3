import type { Language } from '../../../../common/i18n/locales';
import { pageOf } from '../../../../common/kernel/schemas';
import type {
  PracticeDetail,
  PracticeFacets,
  PracticePage,
  PublicPracticeQuery,
} from '../../../../common/practices/schemas';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { attachmentFile } from './attachments';
import { facets, searchSheets } from './search-store';
import * as store from './store';

/**
 * The public library: the sheets their owner opened to everyone, read without sign-in (publicTx, RLS
 * shows anonymous callers `public` sheets only; a signed-in caller gets the same public view here). The
 * contact — its texts and e-mail — is shown only when the owner chose to show it publicly; no take-up
 * record is ever shown publicly (the follow-up is for the network).
 */

export async function searchPublic(
  trx: Tx,
  query: PublicPracticeQuery,
  language: Language,
): Promise<PracticePage> {
  const { page, pageSize } = pageOf(query, 20);
  const { items, total } = await searchSheets(trx, query, { kind: 'public' }, language, page, pageSize);
  // Adoptions are a signed-in figure: a signed-in caller of this endpoint must not see more than a visitor.
  return { items: items.map((i) => ({ ...i, adoptions: 0 })), total, page, pageSize };
}

export function publicFacets(trx: Tx): Promise<PracticeFacets> {
  return facets(trx, { kind: 'public' });
}

export async function getPublic(trx: Tx, id: string): Promise<PracticeDetail> {
  const d = await store.sheetDetail(trx, id, { publicOnly: true, orgId: null });
  if (!d) throw notFound();
  const hide = <T extends Record<string, string | null> | null>(v: T): T =>
    v && !d.contactPublic ? { ...v, contact: null } : v;
  return {
    ...d,
    fr: hide(d.fr),
    nl: hide(d.nl),
    contactEmail: d.contactPublic ? d.contactEmail : null,
    // Which programme funded it is the network's business.
    programme: null,
    takeUps: [],
    own: false,
  };
}

export async function publicAttachmentFile(trx: Tx, id: string, attachmentId: string) {
  // Only a public sheet's files: a signed-in caller must not reach a network sheet's through this door.
  const d = await store.findSheet(trx, id);
  if (d?.status !== 'public') throw notFound();
  return attachmentFile(trx, id, attachmentId);
}
