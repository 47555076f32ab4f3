import type { Insertable } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { DemoSeeder } from '../../../platform/demo';
import type { ExperimentationsTable } from './tables';

/**
 * AB Réfugiés' module 3 and its trainings, all invented: one experimentation per side — La Vie Active's
 * integration ambassadors (France), CRéSaM's innovative collective actions (Wallonia), Wereldhuis
 * West-Vlaanderen's informal language and citizenship meetups (Flanders) — each evaluated, the Flemish one
 * taken up on the French side by La Vie Active (adopted); a few deliverables per module; and, through the
 * forums module's events (under the programme's running follow-up, so that its indicator counts today), a
 * professionals' training led by a pair of trainers and a Mindspring group session, with their attendance.
 */
const DAY = 86_400_000;
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setTime(d.getTime() + DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

const programmeByAcronym = async (trx: Tx, acronym: string) =>
  (await trx.selectFrom('programmes').select('id').where('acronym', '=', acronym).executeTakeFirst())?.id;

const actionsOf = async (trx: Tx, programmeId: string) =>
  Object.fromEntries(
    (
      await trx
        .selectFrom('programme_actions')
        .select(['id', 'code'])
        .where('programme_id', '=', programmeId)
        .execute()
    ).map((a) => [a.code, a.id]),
  ) as Record<string, string | undefined>;

interface Evaluated {
  findings: string;
  what_worked: string;
  transfer_conditions: string;
  recommend_transfer: boolean;
  evaluated_on: string;
}

/** Inserted planned, then moved along the workflow as a lead would (the guard checks each move). */
async function experimentation(
  trx: Tx,
  row: Insertable<ExperimentationsTable>,
  partners: string[],
  evaluation: Evaluated,
) {
  const { id } = await trx
    .insertInto('experimentations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  const orgId = row.org_id;
  if (partners.length)
    await trx
      .insertInto('experimentation_partners')
      .values(partners.map((p) => ({ experimentation_id: id, partner_org_id: p, org_id: orgId })))
      .execute();
  await trx.updateTable('experimentations').set({ status: 'running' }).where('id', '=', id).execute();
  await trx.updateTable('experimentations').set(evaluation).where('id', '=', id).execute();
  await trx.updateTable('experimentations').set({ status: 'evaluated' }).where('id', '=', id).execute();
  return id;
}

export const seedExperimentations: DemoSeeder = async (trx, orgs, users) => {
  const ab = await programmeByAcronym(trx, 'AB Réfugiés');
  const lva = orgs['la-vie-active'];
  const cresam = orgs.cresam;
  const wereldhuis = orgs['wereldhuis-wvl'];
  const setis = orgs['setis-wallon'];
  const dreets = orgs['dreets-hdf'];
  if (!ab || !lva || !cresam || !wereldhuis) return;
  const m = await actionsOf(trx, ab);

  await experimentation(
    trx,
    {
      org_id: lva,
      programme_id: ab,
      action_id: m.M3 ?? null,
      side: 'FR',
      title_fr: 'Ambassadeurs de l’intégration',
      title_nl: 'Integratieambassadeurs',
      theme: 'integration_ambassadors',
      objectives:
        'Former des réfugiés installés depuis plus de deux ans comme ambassadeurs : ils accueillent les primo-arrivants, les orientent vers les services et témoignent de leur parcours.',
      starts_on: '2018-09-03',
      ends_on: '2019-12-20',
      newcomers: 64,
      professionals: 12,
      volunteers: 18,
      created_by: users.worker_lva ?? null,
    },
    [dreets, cresam].filter((x): x is string => !!x),
    {
      findings:
        'Dix-huit ambassadeurs formés ; les primo-arrivants accompagnés par un ambassadeur se rendent plus souvent aux rendez-vous sociaux et de santé.',
      what_worked:
        'Le binôme ambassadeur – travailleur social ; les permanences dans les lieux d’hébergement.',
      transfer_conditions:
        'Un référent professionnel disponible, une formation initiale de trois jours, un défraiement des ambassadeurs.',
      recommend_transfer: true,
      evaluated_on: '2020-02-14',
    },
  );

  await experimentation(
    trx,
    {
      org_id: cresam,
      programme_id: ab,
      action_id: m.M3 ?? null,
      side: 'WAL',
      title_fr: 'Actions collectives innovantes pour les réfugiés',
      title_nl: 'Innovatieve collectieve acties voor vluchtelingen',
      theme: 'collective_actions',
      objectives:
        'Des ateliers collectifs (cuisine, jardin, photo) pour rompre l’isolement et repérer tôt les souffrances psychiques.',
      starts_on: '2018-10-01',
      ends_on: '2019-11-29',
      newcomers: 85,
      professionals: 9,
      volunteers: 11,
      created_by: users.coordinator_cresam ?? null,
    },
    [setis].filter((x): x is string => !!x),
    {
      findings:
        'Quatre cycles d’ateliers ; la participation est régulière quand un interprète est présent dès la première séance.',
      what_worked: 'Les ateliers de cuisine ; la présence d’un psychologue sans consultation formelle.',
      transfer_conditions:
        'Un local accessible, un interprète par langue majoritaire, un budget de matériel.',
      recommend_transfer: true,
      evaluated_on: '2020-01-31',
    },
  );

  const meetups = await experimentation(
    trx,
    {
      org_id: wereldhuis,
      programme_id: ab,
      action_id: m.M3 ?? null,
      side: 'VLG',
      title_fr: 'Rencontres informelles de langue et de citoyenneté',
      title_nl: 'Informele taal- en burgerschapsontmoetingen',
      theme: 'language_meetups',
      objectives:
        'Wekelijkse ontmoetingen in een café waar nieuwkomers en vrijwilligers Nederlands oefenen en over het dagelijkse leven praten.',
      starts_on: '2018-09-17',
      ends_on: '2019-12-16',
      newcomers: 120,
      professionals: 4,
      volunteers: 26,
      created_by: users.professional_wereldhuis ?? null,
    },
    [cresam, lva],
    {
      findings:
        'Gemiddeld vijftien deelnemers per avond; deelnemers durven sneller Nederlands te spreken bij diensten.',
      what_worked: 'Een vaste plek en een vast uur; vrijwilligers als gastheer of gastvrouw.',
      transfer_conditions:
        'Een laagdrempelige locatie, een coördinator voor de vrijwilligers, gratis koffie.',
      recommend_transfer: true,
      evaluated_on: '2020-01-20',
    },
  );

  // Taken up by La Vie Active on the French side, as French conversation tables: adopted.
  const { id: transfer } = await trx
    .insertInto('experimentation_transfers')
    .values({
      experimentation_id: meetups,
      org_id: lva,
      side: 'FR',
      adaptations:
        'Tables de conversation en français, dans un centre social plutôt qu’un café ; les bénévoles sont des retraités du quartier.',
      starts_on: '2020-03-02',
      ends_on: '2020-12-18',
      newcomers: 48,
      professionals: 3,
      volunteers: 14,
      created_by: users.worker_lva ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const status of ['adapting', 'running'])
    await trx.updateTable('experimentation_transfers').set({ status }).where('id', '=', transfer).execute();
  await trx
    .updateTable('experimentation_transfers')
    .set({
      findings:
        'Vingt séances malgré la crise sanitaire (dont huit à distance) ; la formule est reprise dans le projet social.',
      what_worked: 'Le binôme bénévole – travailleur social ; un thème par séance.',
      evaluated_on: '2020-12-10',
    })
    .where('id', '=', transfer)
    .execute();
  for (const status of ['evaluated', 'adopted'])
    await trx.updateTable('experimentation_transfers').set({ status }).where('id', '=', transfer).execute();

  // Deliverables and communication material, per module.
  const deliverables = [
    [
      'M1',
      lva,
      'Annuaire transfrontalier des acteurs de l’accompagnement',
      'deliverable',
      ['fr', 'nl'],
      '2019-06-28',
    ],
    [
      'M1',
      cresam,
      'Module de formation « Trauma et exil » pour les professionnels',
      'training_material',
      ['fr'],
      '2019-03-15',
    ],
    [
      'M2',
      wereldhuis,
      'Mindspring-handleiding voor groepsbegeleiders',
      'training_material',
      ['nl', 'fr', 'en'],
      '2019-09-30',
    ],
    [
      'M2',
      setis ?? cresam,
      'Application de réservation d’interprètes (prototype)',
      'digital_tool',
      ['fr'],
      '2020-05-11',
    ],
    [
      'M3',
      wereldhuis,
      'Affiche « Praatcafé – Café des langues »',
      'communication',
      ['nl', 'fr'],
      '2018-09-10',
    ],
    ['M3', lva, 'Guide de transfert des expérimentations', 'deliverable', ['fr', 'nl'], '2020-11-30'],
  ] as const;
  const rows = deliverables.flatMap(([code, org, title, kind, languages, issued]) =>
    m[code]
      ? [
          {
            org_id: org,
            programme_id: ab,
            action_id: m[code]!,
            title,
            kind,
            languages: [...languages],
            link_url: `https://ab-refugies.example.org/documents/${code.toLowerCase()}-${issued}`,
            issued_on: issued,
          },
        ]
      : [],
  );
  if (rows.length) await trx.insertInto('accompaniment_deliverables').values(rows).execute();

  await seedTrainings(trx, { lva, cresam, wereldhuis }, users);
};

const TRAINEES: Array<[string, string, 'fr' | 'nl', string]> = [
  ['Camille Exemple-Roy', 'camille.exemple@lavieactive.example', 'fr', 'La Vie Active'],
  ['Bram Voorbeeld-Claes', 'bram.voorbeeld@wereldhuis.example', 'nl', 'Wereldhuis West-Vlaanderen'],
  ['Sarah Fictive-Lemaire', 'sarah.fictive@cresam.example', 'fr', 'CRéSaM'],
  ['Ilse Denkbeeld', 'ilse.denkbeeld@vrijwilligers.example', 'nl', 'Vrijwilligerspunt Brugge'],
  ['Karim Inventé', 'karim.invente@benevoles.example', 'fr', 'Bénévoles de l’exil'],
  ['Mariam Exemple-Haile', 'mariam.exemple@wereldhuis.example', 'nl', 'Wereldhuis West-Vlaanderen'],
];

/**
 * Under AB Réfugiés' running follow-up (fictional, 2025–2027): a professionals' training of module 1 by La
 * Vie Active with CRéSaM and Wereldhuis, and a Mindspring group session of module 2 by Wereldhuis, each
 * led by a pair of trainers, with registrations marked present (and one absent).
 */
async function seedTrainings(
  trx: Tx,
  o: { lva: string; cresam: string; wereldhuis: string },
  users: Record<string, string>,
) {
  const suite = await programmeByAcronym(trx, 'AB Réfugiés suite');
  if (!suite) return;
  const common = {
    description_fr: null,
    description_nl: null,
    interpreting: true,
    programme_id: suite,
    status: 'published',
  };
  const training = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      org_id: o.lva,
      kind: 'training',
      title_fr: 'Formation : accompagner les personnes exilées face au trauma',
      title_nl: 'Opleiding: mensen op de vlucht begeleiden bij trauma',
      theme: 'Trauma et exil',
      starts_at: at(-14, 8),
      ends_at: at(-14, 15),
      venue: 'La Vie Active, 3 rue de l’Exemple, 62000 Arras',
      languages: ['fr', 'nl'],
      capacity: 20,
      audiences: ['professionals', 'volunteers'],
      published_at: at(-40, 9),
      trainer_1_name: 'Léa Fictive-Desmet',
      trainer_2_name: 'Yonas Exemple-Tesfay',
      created_by: users.worker_lva ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      org_id: o.wereldhuis,
      kind: 'group_session',
      title_fr: 'Séance de groupe Mindspring : vivre entre deux cultures',
      title_nl: 'Mindspring-groepssessie: leven tussen twee culturen',
      theme: 'Mindspring',
      starts_at: at(-6, 17),
      ends_at: at(-6, 19),
      venue: 'Wereldhuis West-Vlaanderen, Voorbeeldstraat 10, 8000 Brugge',
      languages: ['nl'],
      capacity: 12,
      audiences: ['volunteers'],
      published_at: at(-30, 9),
      trainer_1_name: 'Amanuel Verzonnen',
      trainer_1_user_id: null,
      trainer_2_name: 'Griet Fictief-Peeters',
      trainer_2_user_id: users.professional_wereldhuis ?? null,
      created_by: users.professional_wereldhuis ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('forum_event_partners')
    .values([
      { event_id: training.id, partner_org_id: o.cresam, org_id: o.lva },
      { event_id: training.id, partner_org_id: o.wereldhuis, org_id: o.lva },
    ])
    .execute();
  const registration = (
    eventId: string,
    orgId: string,
    i: number,
    position: number,
    present: boolean,
    start: Date,
  ) => {
    const [name, email, language, organisation] = TRAINEES[i]!;
    return {
      event_id: eventId,
      org_id: orgId,
      name,
      email,
      organisation,
      language,
      status: present ? 'attended' : 'confirmed',
      position,
      ...(present ? { attended_at: start, attended_from: 'confirmed' } : {}),
    };
  };
  await trx
    .insertInto('forum_registrations')
    .values([
      ...[0, 1, 2, 3, 4].map((i) => registration(training.id, o.lva, i, i + 1, i !== 4, at(-14, 8))),
      ...[3, 5, 1].map((i, n) => registration(session.id, o.wereldhuis, i, n + 1, true, at(-6, 17))),
    ])
    .execute();
}
