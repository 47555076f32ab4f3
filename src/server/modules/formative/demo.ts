import { sql } from 'kysely';
import { addDays } from '../../../common/formative/rules';
import type { Tx } from '../../platform/db/context';
import type { DemoOrgIds } from '../../platform/demo';
import { seedFamiPartnership } from './demo-history';
import { syncMilestones } from './partnerships/milestones';
import { findPartnership } from './partnerships/store';

/**
 * The Charleroi–Binche immersion formative, mid-year as of today. The real FAMI programme (2020–2021) is in
 * the past, so the live partnership hangs on a clearly fictional follow-up programme created here (as the
 * network demo's "SAM Eurométropole — suite"); its dated steps become that programme's milestones. The real
 * partnership is seeded as history on the FAMI programme (demo-history.ts), linked to its convention,
 * funding order and hiring milestones. Everyone and every other date here is fictional.
 */

export const DEMO_MODULES = [
  {
    code: 'insertion-sociale',
    nameFr: 'Insertion sociale',
    nameNl: 'Sociale integratie',
    descriptionFr:
      'Accompagnement collectif et individuel vers la participation sociale : ateliers, sorties, citoyenneté.',
    descriptionNl:
      'Collectieve en individuele begeleiding naar sociale participatie: workshops, uitstappen, burgerschap.',
    hours: 220,
  },
  {
    code: 'insertion-socio-professionnelle',
    nameFr: 'Insertion socio-professionnelle',
    nameNl: 'Socioprofessionele integratie',
    descriptionFr:
      'Bilan des compétences, orientation vers la formation et l’emploi, lien avec les partenaires.',
    descriptionNl: 'Competentiebalans, oriëntering naar opleiding en werk, samenwerking met partners.',
    hours: 220,
  },
  {
    code: 'benevolat-activation-sociale',
    nameFr: 'Bénévolat d’activation sociale',
    nameNl: 'Vrijwilligerswerk als sociale activering',
    descriptionFr: 'Recherche de lieux de bénévolat, convention avec l’association, suivi du bénévole.',
    descriptionNl:
      'Vrijwilligersplaatsen zoeken, overeenkomst met de vereniging, opvolging van de vrijwilliger.',
    hours: 160,
  },
] as const;

/** The host unit seeded by the network's units demo; created here only if that seeder is absent. */
async function hostUnit(trx: Tx, orgId: string, tutorId: string) {
  const found = await sql<{ id: string }>`select id from org_units where org_id = ${orgId}::uuid
    and lower(name_fr) = 'service action migrants' and archived_at is null`.execute(trx);
  if (found.rows[0]) return found.rows[0].id;
  // No short name: "SAM" would be mistaken for SAM Eurométropole.
  const unit = await sql<{ id: string }>`insert into org_units (org_id, kind, name_fr, name_nl)
    values (${orgId}::uuid, 'service', 'Service Action Migrants', 'Service Action Migrants')
    returning id`.execute(trx);
  const id = unit.rows[0]!.id;
  await sql`insert into org_unit_members (unit_id, org_id, user_id) values (${id}::uuid, ${orgId}::uuid,
    ${tutorId}::uuid)`.execute(trx);
  return id;
}

const SESSIONS: ReadonlyArray<[number, string, number, string]> = [
  // [day after the start, module code, hours, what was done]
  [2, 'insertion-sociale', 7, 'Accueil dans l’équipe, présentation des trois modules et des partenaires.'],
  [9, 'insertion-sociale', 6, 'Co-animation de l’atelier « Vivre à Charleroi » (groupe de 8 personnes).'],
  [16, 'insertion-socio-professionnelle', 7, 'Observation de trois entretiens de bilan de compétences.'],
  [30, 'benevolat-activation-sociale', 5, 'Visite de deux associations d’accueil de bénévoles.'],
  [44, 'insertion-sociale', 7, 'Préparation et animation d’une sortie culturelle.'],
  [
    58,
    'insertion-socio-professionnelle',
    6.5,
    'Orientation vers une formation en français langue étrangère.',
  ],
  [
    72,
    'benevolat-activation-sociale',
    6,
    'Rédaction d’une convention de bénévolat avec une épicerie sociale.',
  ],
  [93, 'insertion-sociale', 7, 'Entretiens individuels de suivi, en binôme avec la tutrice.'],
  [107, 'insertion-socio-professionnelle', 7, 'Réunion avec un partenaire de la formation professionnelle.'],
  [128, 'benevolat-activation-sociale', 5.5, 'Suivi de deux bénévoles et bilan avec l’association.'],
  [149, 'insertion-sociale', 7, 'Animation seule de l’atelier citoyenneté, débriefing avec la tutrice.'],
  [170, 'insertion-socio-professionnelle', 6, 'Préparation de candidatures avec trois participants.'],
];

const PROGRESS: Record<string, [string, number, string]> = {
  'insertion-sociale': [
    'autonomous',
    60,
    'Anime seule l’atelier citoyenneté ; à poursuivre sur le suivi individuel.',
  ],
  'insertion-socio-professionnelle': [
    'practising',
    45,
    'Mène les entretiens de bilan avec appui ; réseau à élargir.',
  ],
  'benevolat-activation-sociale': ['discovering', 30, 'Bonne compréhension de la convention de bénévolat.'],
};

export async function seedFormative(trx: Tx, orgs: DemoOrgIds, users: Record<string, string>) {
  const lead = orgs['cpas-charleroi'];
  const partner = orgs['cpas-binche'];
  const tutor = users.tutor_charleroi;
  const trainee = users.trainee_binche;
  if (!lead || !partner || !tutor || !trainee) return;
  const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
  const unitId = await hostUnit(trx, lead, tutor);

  const moduleIds = new Map<string, string>();
  for (const [i, m] of DEMO_MODULES.entries()) {
    const row = await trx
      .insertInto('formative_modules')
      .values({
        org_id: lead,
        unit_id: unitId,
        code: m.code,
        name_fr: m.nameFr,
        name_nl: m.nameNl,
        description_fr: m.descriptionFr,
        description_nl: m.descriptionNl,
        position: i + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    moduleIds.set(m.code, row.id);
  }

  // Mid-year today: the immersion started a little more than six months ago.
  const start = addDays(today, -190);
  const immersionEnd = addDays(start, 364);
  const applicationStart = addDays(immersionEnd, 1);
  const applicationEnd = addDays(applicationStart, 364);
  const [y1, y2] = [start.slice(0, 4), applicationEnd.slice(0, 4)];
  const programme = await sql<{ id: string }>`insert into programmes (org_id, acronym, name_fr, name_nl,
      funding_programme, funds, starts_on, ends_on, description_fr, description_nl)
    values (${lead}::uuid, 'Charleroi–Binche suite', ${`Activation sociale Charleroi–Binche — suite ${y1}–${y2} (fictif)`},
      ${`Sociale activering Charleroi–Binche — vervolg ${y1}–${y2} (fictief)`}, 'Programme de démonstration (fictif)',
      array['amif', 'own'], ${`${y1}-01-01`}::date, ${`${y2}-12-31`}::date,
      'Suite fictive du partenariat FAMI 2020-2021 : une nouvelle assistante sociale du CPAS de Binche en immersion formative au Service Action Migrants du CPAS de Charleroi.',
      'Fictief vervolg van het AMIF-partnerschap 2020-2021: een nieuwe maatschappelijk werker van het OCMW Binche in vormende inleefstage bij de Service Action Migrants van het OCMW Charleroi.')
    returning id`.execute(trx);
  const programmeId = programme.rows[0]!.id;
  await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role) values
    (${programmeId}::uuid, ${lead}::uuid, ${lead}::uuid, 'lead'),
    (${programmeId}::uuid, ${partner}::uuid, ${lead}::uuid, 'partner')`.execute(trx);
  // Its two indicators, counted by this module's rules.
  await sql`insert into programme_indicators (programme_id, org_id, position, code, eu_code, kind, unit,
      label_fr, label_nl, label_en, target, rule_code) values
    (${programmeId}::uuid, ${lead}::uuid, 1, 'F1', 'RCO85', 'output', 'persons',
      'Participants au dispositif de formation commun', 'Deelnemers aan de gezamenlijke opleiding',
      'Participants in the joint training scheme', 1, 'formative.trainees'),
    (${programmeId}::uuid, ${lead}::uuid, 2, 'F2', 'RCR81', 'result', 'persons',
      'Participants ayant achevé la formation commune', 'Deelnemers die de gezamenlijke opleiding voltooiden',
      'Participants completing the joint training scheme', 1, 'formative.completed')`.execute(trx);

  const p = await trx
    .insertInto('formative_partnerships')
    .values({
      org_id: lead,
      partner_org_id: partner,
      programme_id: programmeId,
      host_unit_id: unitId,
      trainee_user_id: trainee,
      tutor_user_id: tutor,
      immersion_starts_on: start,
      immersion_ends_on: immersionEnd,
      application_starts_on: applicationStart,
      application_ends_on: applicationEnd,
      convention_on: addDays(start, -150),
      funding_order_on: addDays(start, -90),
      hired_on: addDays(start, -7),
      created_by: users.coordinator_charleroi ?? null,
    })
    .returning(['id', 'org_id', 'partner_org_id'])
    .executeTakeFirstOrThrow();
  // Its convention, funding order and hiring as milestones of the follow-up programme, as the API does.
  const row = await findPartnership(trx, p.id);
  if (row) await syncMilestones(trx, row);
  const items = new Map<string, string>();
  for (const m of DEMO_MODULES) {
    const row = await trx
      .insertInto('formative_plan_items')
      .values({
        partnership_id: p.id,
        org_id: lead,
        partner_org_id: partner,
        module_id: moduleIds.get(m.code)!,
        planned_hours: m.hours,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    items.set(m.code, row.id);
  }
  for (const [i, [day, code, hours, summary]] of SESSIONS.entries())
    await trx
      .insertInto('formative_sessions')
      .values({
        partnership_id: p.id,
        org_id: lead,
        partner_org_id: partner,
        module_id: moduleIds.get(code)!,
        held_on: addDays(start, day),
        hours,
        summary,
        // Alternately written by the trainee and by the tutor.
        recorded_by: i % 2 === 0 ? trainee : tutor,
      })
      .execute();
  for (const [code, [level, percent, comment]] of Object.entries(PROGRESS))
    await trx
      .updateTable('formative_plan_items')
      .set({ level, percent, comment, progress_by: tutor, progress_at: `${addDays(start, 175)}T15:00:00Z` })
      .where('id', '=', items.get(code)!)
      .execute();
  const midYear = addDays(start, 182);
  await trx
    .insertInto('formative_reviews')
    .values({
      partnership_id: p.id,
      org_id: lead,
      partner_org_id: partner,
      kind: 'mid_year',
      held_on: midYear,
      strengths: 'Très bonne intégration dans l’équipe ; anime seule l’atelier citoyenneté.',
      improvements: 'Le réseau des partenaires de la formation professionnelle reste à construire.',
      next_steps:
        'Second semestre centré sur le bénévolat d’activation sociale et la préparation des projets binchois.',
      written_by: tutor,
      trainee_signed_at: `${midYear}T16:00:00Z`,
      trainee_signed_by: trainee,
      tutor_signed_at: `${midYear}T16:30:00Z`,
      tutor_signed_by: tutor,
    })
    .execute();
  await trx
    .insertInto('formative_projects')
    .values({
      partnership_id: p.id,
      org_id: partner,
      lead_org_id: lead,
      title: 'Atelier « Premiers pas à Binche »',
      objectives:
        'Rompre l’isolement des personnes primo-arrivantes et les orienter vers les services locaux.',
      actions: 'Atelier hebdomadaire, visites des services communaux, rencontre avec les associations.',
      participants: 0,
      partners: 'Plan de cohésion sociale de Binche (fictif), bibliothèque communale (fictive)',
      status: 'planned',
      starts_on: applicationStart,
      created_by: trainee,
    })
    .execute();
  await seedFamiPartnership(trx, { lead, partner, tutor, unitId, moduleIds });
}
