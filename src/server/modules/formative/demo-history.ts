import { addDays } from '../../../common/formative/rules';
import type { Tx } from '../../platform/db/context';
import { MILESTONE_STEPS, syncMilestones } from './partnerships/milestones';
import { findPartnership } from './partnerships/store';

/**
 * The real FAMI 2020–2021 partnership (seed 003) as history, on the FAMI Charleroi–Binche programme: the
 * convention of 7 October 2019, the funding order received on 17 January 2020 and the hiring of 7 February
 * 2020 (the press release's dates), the year of immersion that followed and the application year in Binche.
 * The network demo already lists those three dates among the programme's milestones: the partnership takes
 * them over (links them) rather than adding a second copy. The seed names no one: the trainee is a fictional
 * stand-in, a member of CPAS Binche without an account; every text here is invented.
 */

const FAMI = 'FAMI Charleroi–Binche';
const DATES = {
  convention_on: '2019-10-07',
  funding_order_on: '2020-01-17',
  hired_on: '2020-02-07',
  immersion_starts_on: '2020-02-10',
  immersion_ends_on: '2021-02-09',
  application_starts_on: '2021-02-10',
  application_ends_on: '2021-12-31',
} as const;

/** Per module: hours planned, hours per session, the final level and what the sessions were about. */
const YEAR: Record<string, { hours: number; per: number; level: string; topics: string[] }> = {
  'insertion-sociale': {
    hours: 220,
    per: 5.5,
    level: 'transferring',
    topics: [
      'Co-animation d’un atelier collectif d’insertion sociale.',
      'Entretiens individuels de suivi, en binôme avec la tutrice.',
      'Préparation d’une sortie culturelle avec le groupe.',
    ],
  },
  'insertion-socio-professionnelle': {
    hours: 220,
    per: 5.5,
    level: 'autonomous',
    topics: [
      'Entretien de bilan de compétences mené avec appui.',
      'Orientation vers une formation, lien avec l’organisme.',
      'Réunion avec un partenaire de l’insertion professionnelle.',
    ],
  },
  'benevolat-activation-sociale': {
    hours: 160,
    per: 5,
    level: 'autonomous',
    topics: [
      'Recherche d’un lieu de bénévolat avec une personne suivie.',
      'Rédaction d’une convention de bénévolat avec une association.',
      'Suivi d’un bénévole et bilan avec l’association.',
    ],
  },
};

/** The sessions of the year, spread evenly over its working days, the modules taken in turn. */
function sessions(moduleIds: Map<string, string>) {
  const left = Object.entries(YEAR).map(([code, m]) => ({ code, n: Math.round(m.hours / m.per), k: 0 }));
  const total = left.reduce((s, m) => s + m.n, 0);
  const out: Array<{ module_id: string; held_on: string; hours: number; summary: string }> = [];
  for (let i = 0; out.length < total; i++) {
    const m = left[i % left.length]!;
    if (m.k >= m.n) continue;
    let day = addDays(DATES.immersion_starts_on, Math.floor((out.length * 350) / total));
    // A weekend day moves to the Monday after.
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd === 6 || wd === 0) day = addDays(day, wd === 6 ? 2 : 1);
    const y = YEAR[m.code]!;
    out.push({
      module_id: moduleIds.get(m.code)!,
      held_on: day,
      hours: y.per,
      summary: y.topics[m.k % y.topics.length]!,
    });
    m.k++;
  }
  return out;
}

/** The historical trainee: a member of the partner without an account (no password, never invited). */
async function standIn(trx: Tx, partner: string) {
  const user = await trx
    .insertInto('users')
    .values({ email: 'pionniere@cpas-binche.example', display_name: 'Sofia Pionnière', locale: 'fr' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values({ org_id: partner, user_id: user.id, roles: ['referent'] })
    .execute();
  return user.id;
}

export async function seedFamiPartnership(
  trx: Tx,
  v: { lead: string; partner: string; tutor: string; unitId: string; moduleIds: Map<string, string> },
) {
  const fami = await trx
    .selectFrom('programmes')
    .select('id')
    .where('org_id', '=', v.lead)
    .where('acronym', '=', FAMI)
    .executeTakeFirst();
  if (!fami) return;
  const trainee = await standIn(trx, v.partner);
  const p = await trx
    .insertInto('formative_partnerships')
    .values({
      org_id: v.lead,
      partner_org_id: v.partner,
      programme_id: fami.id,
      host_unit_id: v.unitId,
      trainee_user_id: trainee,
      tutor_user_id: v.tutor,
      ...DATES,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Take over the network demo's milestones of the same days, then create whichever is missing.
  for (const s of MILESTONE_STEPS) {
    const m = await trx
      .selectFrom('programme_milestones')
      .select('id')
      .where('programme_id', '=', fami.id)
      .where('occurs_on', '=', DATES[s.date])
      .orderBy('created_at')
      .executeTakeFirst();
    if (m)
      await trx
        .updateTable('formative_partnerships')
        .set({ [s.link]: m.id })
        .where('id', '=', p.id)
        .execute();
  }
  const row = await findPartnership(trx, p.id);
  if (row) await syncMilestones(trx, row);

  const parties = { partnership_id: p.id, org_id: v.lead, partner_org_id: v.partner };
  for (const [code, m] of Object.entries(YEAR))
    await trx
      .insertInto('formative_plan_items')
      .values({
        ...parties,
        module_id: v.moduleIds.get(code)!,
        planned_hours: m.hours,
        level: m.level,
        percent: 100,
        progress_by: v.tutor,
        progress_at: '2021-02-05T15:00:00Z',
      })
      .execute();
  const recorded = sessions(v.moduleIds).map((s, i) => ({
    ...parties,
    ...s,
    recorded_by: i % 2 === 0 ? trainee : v.tutor,
  }));
  await trx.insertInto('formative_sessions').values(recorded).execute();
  const signed = (day: string) => ({
    written_by: v.tutor,
    trainee_signed_at: `${day}T15:00:00Z`,
    trainee_signed_by: trainee,
    tutor_signed_at: `${day}T15:30:00Z`,
    tutor_signed_by: v.tutor,
  });
  await trx
    .insertInto('formative_reviews')
    .values([
      {
        ...parties,
        kind: 'mid_year',
        held_on: '2020-08-10',
        strengths: 'Intégration rapide dans l’équipe ; co-anime les ateliers collectifs.',
        improvements: 'Gagner en autonomie dans les entretiens de bilan.',
        next_steps: 'Second semestre centré sur l’insertion socio-professionnelle et le bénévolat.',
        ...signed('2020-08-10'),
      },
      {
        ...parties,
        kind: 'end_of_year',
        held_on: '2021-02-05',
        strengths: 'Maîtrise des trois modules ; anime seule l’atelier collectif.',
        improvements: 'Construire à Binche le réseau des lieux de bénévolat.',
        next_steps: 'Lancer à Binche un atelier d’insertion sociale et un premier partenariat de bénévolat.',
        ...signed('2021-02-05'),
      },
      {
        ...parties,
        kind: 'final',
        held_on: '2021-12-17',
        strengths: 'Deux projets lancés à Binche, dont un atelier hebdomadaire qui se poursuit.',
        improvements: 'Le partenariat de bénévolat reste à élargir.',
        next_steps: 'Partager l’atelier comme bonne pratique avec les CPAS voisins.',
        ...signed('2021-12-17'),
      },
    ])
    .execute();
  await trx
    .insertInto('formative_projects')
    .values({
      partnership_id: p.id,
      org_id: v.partner,
      lead_org_id: v.lead,
      title: 'Atelier hebdomadaire d’activation sociale à Binche',
      objectives: 'Rompre l’isolement et orienter vers les services et associations de Binche.',
      actions:
        'Atelier collectif chaque semaine, visites des services communaux, premiers lieux de bénévolat.',
      participants: 14,
      partners: 'Plan de cohésion sociale (fictif), deux associations locales (fictives)',
      results: 'Quatorze participants, dont cinq engagés ensuite dans un bénévolat.',
      status: 'completed',
      starts_on: '2021-03-01',
      ends_on: '2021-11-30',
      created_by: trainee,
    })
    .execute();
}
