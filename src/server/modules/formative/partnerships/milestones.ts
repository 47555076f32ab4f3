import { sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import type { Tx } from '../../../platform/db/context';
import { t } from '../../../platform/i18n';
import { keepMilestone } from '../../network';
import type { PartnershipRow } from './store';

/**
 * The partnership's convention, funding order and hiring dates as milestones of its programme (issue 11):
 * each step keeps one milestone, linked on the partnership, created the first time, moved when the date
 * changes and removed when it is cleared (the network module's keepMilestone). Labels name the two places,
 * "Convention de partenariat Charleroi–Binche signée", in the three languages.
 */

export const MILESTONE_STEPS = [
  { step: 'convention', date: 'convention_on', link: 'convention_milestone_id' },
  { step: 'funding_order', date: 'funding_order_on', link: 'funding_order_milestone_id' },
  { step: 'hired', date: 'hired_on', link: 'hired_milestone_id' },
] as const;

/**
 * The two parties as places ("Charleroi–Binche"): their municipality, else their short or full name; in
 * English each place as it is called locally (Kortrijk, Tourcoing).
 */
async function pairNames(trx: Tx, p: PartnershipRow): Promise<Record<Language, string>> {
  const r = await sql<{ fr: string; nl: string; flemish: boolean }>`
    select coalesce(t.name_fr, o.short_name, o.name_fr) as fr, coalesce(t.name_nl, o.short_name, o.name_nl) as nl,
      coalesce(o.region = 'BE-VLG', false) as flemish, o.id = ${p.org_id}::uuid as lead
    from organisations o left join territories t on t.code = o.municipality_code
    where o.id in (${p.org_id}::uuid, ${p.partner_org_id}::uuid)
    order by lead desc`.execute(trx);
  const [lead, partner] = r.rows;
  if (!lead || !partner) return { fr: '', nl: '', en: '' };
  const local = (x: typeof lead) => (x.flemish ? x.nl : x.fr);
  return {
    fr: `${lead.fr}–${partner.fr}`,
    nl: `${lead.nl}–${partner.nl}`,
    en: `${local(lead)}–${local(partner)}`,
  };
}

/** Brings the programme's milestones in line with the partnership's dates (after it is created or edited). */
export async function syncMilestones(trx: Tx, p: PartnershipRow): Promise<void> {
  const pair = await pairNames(trx, p);
  const label = (step: string, language: Language) =>
    t(language, `formative.documents.milestone.${step}`, { pair: pair[language] });
  for (const s of MILESTONE_STEPS) {
    const kept = await keepMilestone(trx, {
      programmeId: p.programme_id,
      milestoneId: p[s.link],
      occursOn: p[s.date],
      labels: { fr: label(s.step, 'fr'), nl: label(s.step, 'nl'), en: label(s.step, 'en') },
    });
    if (kept !== p[s.link])
      await trx
        .updateTable('formative_partnerships')
        .set({ [s.link]: kept })
        .where('id', '=', p.id)
        .execute();
  }
}
