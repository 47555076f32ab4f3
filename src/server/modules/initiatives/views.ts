import type { Language } from '../../../common/i18n/locales';
import { localized } from '../../../common/i18n/locales';
import { countriesOf, isCrossBorder } from '../../../common/initiatives/rules';
import type { InitiativeSummary, OrgView, TerritoryView } from '../../../common/initiatives/schemas';
import type * as store from './store';

/** How the store's rows read in the caller's language. */

export const lang = (l: Language | string): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');

type Named = { name_fr: string; name_nl: string; short_name: string | null };
export const orgName = (l: 'fr' | 'nl', o: Named) => o.short_name || localized(l, o.name_fr, o.name_nl);

export const leadOf = (l: 'fr' | 'nl', i: store.InitiativeRow): OrgView => ({
  id: i.org_id,
  name: orgName(l, { name_fr: i.lead_name_fr, name_nl: i.lead_name_nl, short_name: i.lead_short_name }),
  country: i.lead_country,
});

type PartnerRow = Awaited<ReturnType<typeof store.partnersOf>>[number];
type TerritoryRow = Awaited<ReturnType<typeof store.territoriesOf>>[number];

export const partnerView = (l: 'fr' | 'nl', p: PartnerRow): OrgView => ({
  id: p.partner_org_id,
  name: orgName(l, p),
  country: p.country,
});

export const territoryView = (l: 'fr' | 'nl', t: TerritoryRow): TerritoryView => ({
  code: t.code,
  name: localized(l, t.name_fr, t.name_nl),
  lon: t.centroid_lon,
  lat: t.centroid_lat,
});

/** The list's rows, with partners and territories gathered per initiative. */
export function summaries(
  l: 'fr' | 'nl',
  rows: readonly store.InitiativeRow[],
  partners: readonly PartnerRow[],
  territories: readonly TerritoryRow[],
): InitiativeSummary[] {
  return rows.map((i) => {
    const lead = leadOf(l, i);
    const ps = partners.filter((p) => p.initiative_id === i.id).map((p) => partnerView(l, p));
    return {
      id: i.id,
      title: localized(l, i.title_fr, i.title_nl),
      titleFr: i.title_fr,
      titleNl: i.title_nl,
      status: i.status as InitiativeSummary['status'],
      lead,
      crossBorder: isCrossBorder(countriesOf(lead, ps)),
      published: i.published,
      territories: territories.filter((t) => t.initiative_id === i.id).map((t) => territoryView(l, t)),
    };
  });
}
