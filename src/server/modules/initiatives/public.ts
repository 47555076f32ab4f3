import { localized } from '../../../common/i18n/locales';
import { countriesOf, isCrossBorder } from '../../../common/initiatives/rules';
import type { PublicInitiative, PublicInitiativeList } from '../../../common/initiatives/schemas';
import type { Tx } from '../../platform/db/context';
import { notFound } from '../../platform/errors';
import * as store from './store';
import { leadOf, partnerView, territoryView } from './views';

/**
 * The public directory's initiatives (scope public: RLS shows only the published ones, migration 0049):
 * organisations, municipalities and results; no proposal, no volunteer (only their number and hours).
 * A missing and an unpublished initiative get the same 404.
 */
export async function publicList(trx: Tx, l: 'fr' | 'nl'): Promise<PublicInitiativeList> {
  const rows = await store.listInitiatives(trx, true);
  const ids = rows.map((r) => r.id);
  const partners = await store.partnersOf(trx, ids);
  const territories = await store.territoriesOf(trx, ids);
  return {
    items: rows.map((i) => {
      const lead = leadOf(l, i);
      const ps = partners.filter((p) => p.initiative_id === i.id).map((p) => partnerView(l, p));
      return {
        id: i.id,
        title: localized(l, i.title_fr, i.title_nl),
        status: i.status as PublicInitiative['status'],
        lead: lead.name,
        territories: territories.filter((t) => t.initiative_id === i.id).map((t) => territoryView(l, t).name),
        crossBorder: isCrossBorder(countriesOf(lead, ps)),
      };
    }),
  };
}

export async function publicInitiative(trx: Tx, id: string, l: 'fr' | 'nl'): Promise<PublicInitiative> {
  const i = await store.findInitiative(trx, id);
  if (!i?.published) throw notFound('initiatives.errors.unknown');
  const lead = leadOf(l, i);
  const partners = (await store.partnersOf(trx, [i.id])).map((p) => partnerView(l, p));
  return {
    id: i.id,
    title: localized(l, i.title_fr, i.title_nl),
    description: l === 'nl' ? (i.description_nl ?? i.description_fr) : (i.description_fr ?? i.description_nl),
    targetPublic: i.target_public,
    status: i.status as PublicInitiative['status'],
    lead: lead.name,
    partners: partners.map((p) => p.name),
    territories: (await store.territoriesOf(trx, [i.id])).map((t) => territoryView(l, t).name),
    crossBorder: isCrossBorder(countriesOf(lead, partners)),
    results: (await store.resultsOf(trx, i.id)).map((r) => ({
      entryOn: r.entry_on,
      text: r.text,
      linkUrl: r.link_url,
      figure: r.figure === null ? null : Number(r.figure),
      figureLabel: r.figure_label,
    })),
    volunteerTotals: await store.volunteerTotals(trx, i.id),
  };
}
