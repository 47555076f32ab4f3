import type { Tx } from '../../platform/db/context';
import type { DemoSeeder } from '../../platform/demo';
import './tables';

/**
 * Two solidarity initiatives. "Transport solidaire transfrontalier", born from a proposal of CCAS Lille's
 * past forum, led by CCAS Lille with CPAS Mouscron (cross-border, running, published, with results and
 * volunteers of both centres assigned); and OCMW Menen's local "Buurtsoep" (preparing). All invented.
 */
const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

const volunteerByEmail = async (trx: Tx, email: string) =>
  (await trx.selectFrom('volunteers').select('id').where('email', '=', email).executeTakeFirst())?.id;

export const seedInitiatives: DemoSeeder = async (trx, orgs, users) => {
  const lille = orgs['ccas-lille']!;
  const mouscron = orgs['cpas-mouscron']!;
  const menen = orgs['ocmw-menen']!;
  const lilleCoordinator = users.volunteer_coordinator ?? null;
  const mouscronCoordinator = users.coordinator_be_wal ?? null;
  const forum = await trx
    .selectFrom('forum_events')
    .select(['id', 'programme_id'])
    .where('org_id', '=', lille)
    .where('starts_at', '<', new Date())
    .orderBy('starts_at', 'desc')
    .executeTakeFirst();
  if (!forum) return;
  // The programme under way (SAM Eurométropole's fictional follow-up, 2025–2027) when seeded, so that its
  // indicator 3 counts the running cross-border initiative; else the forum's.
  const current = await trx
    .selectFrom('programmes')
    .select('id')
    .where('acronym', '=', 'SAM-E suite')
    .executeTakeFirst();
  const programmeId = current?.id ?? forum.programme_id;

  const [transport] = await trx
    .insertInto('initiative_proposals')
    .values([
      {
        event_id: forum.id,
        org_id: lille,
        title: 'Transport solidaire transfrontalier vers les permanences sociales',
        description:
          'Des bénévoles conduisent les personnes sans moyen de transport vers les permanences de part et d’autre de la frontière.',
        language: 'fr' as const,
        created_by: lilleCoordinator,
      },
      {
        event_id: forum.id,
        org_id: lille,
        title: 'Tandems linguistiques entre bénévoles français et flamands',
        description: null,
        language: 'fr' as const,
        created_by: lilleCoordinator,
      },
    ])
    .returning('id')
    .execute();

  const cross = await trx
    .insertInto('initiatives')
    .values({
      org_id: lille,
      title_fr: 'Transport solidaire transfrontalier',
      title_nl: 'Grensoverschrijdend solidair vervoer',
      description_fr:
        'Des bénévoles du CCAS de Lille et du CPAS de Mouscron accompagnent en voiture les personnes isolées vers les permanences sociales, le marché et les rendez-vous médicaux, des deux côtés de la frontière.',
      description_nl:
        'Vrijwilligers van het CCAS Rijsel en het OCMW Moeskroen brengen geïsoleerde personen met de wagen naar sociale permanenties, de markt en medische afspraken, aan beide kanten van de grens.',
      target_public: 'Personnes âgées ou isolées sans moyen de transport',
      programme_id: programmeId,
      proposal_id: transport!.id,
      created_by: lilleCoordinator,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('initiative_proposals')
    .set({ status: 'adopted' })
    .where('id', '=', transport!.id)
    .execute();
  await trx
    .insertInto('initiative_partners')
    .values({ initiative_id: cross.id, partner_org_id: mouscron, org_id: lille })
    .execute();
  await trx
    .insertInto('initiative_territories')
    .values(
      ['FR-59350', 'BE-57096'].map((c) => ({ initiative_id: cross.id, territory_code: c, org_id: lille })),
    )
    .execute();
  // Through the workflow's moves (the guard allows no other): prepared, then running since three weeks ago.
  await trx.updateTable('initiatives').set({ status: 'preparing' }).where('id', '=', cross.id).execute();
  await trx
    .updateTable('initiatives')
    .set({ status: 'running', started_on: day(-21), published: true, published_at: new Date() })
    .where('id', '=', cross.id)
    .execute();
  await trx
    .insertInto('initiative_results')
    .values([
      {
        initiative_id: cross.id,
        org_id: lille,
        entry_on: day(-14),
        text: 'Premiers trajets entre Lille et Mouscron : les personnes accompagnées ont pu se rendre à leurs rendez-vous.',
        figure: 12,
        figure_label: 'trajets',
        created_by: lilleCoordinator,
      },
      {
        initiative_id: cross.id,
        org_id: mouscron,
        entry_on: day(-7),
        text: 'Une deuxième conductrice bénévole rejoint l’équipe côté belge.',
        link_url: 'https://cpas-mouscron.example/actualites/transport-solidaire',
        created_by: mouscronCoordinator,
      },
    ])
    .execute();

  // Volunteers of both centres (the volunteers module's demo), each assigned by its own organisation.
  const lea = await volunteerByEmail(trx, 'lea.desmet@benevole.example');
  const wim = await volunteerByEmail(trx, 'wim.voorbeeld@vrijwilliger.example');
  const assignments = [
    lea && {
      volunteer_id: lea,
      org_id: lille,
      assigned_on: day(-14),
      hours: 3,
      created_by: lilleCoordinator,
    },
    wim && {
      volunteer_id: wim,
      org_id: mouscron,
      assigned_on: day(-13),
      hours: 4,
      created_by: mouscronCoordinator,
    },
    wim && {
      volunteer_id: wim,
      org_id: mouscron,
      assigned_on: day(-6),
      hours: 3.5,
      created_by: mouscronCoordinator,
    },
  ].filter((a) => !!a);
  if (assignments.length)
    await trx
      .insertInto('volunteer_assignments')
      .values(assignments.map((a) => ({ ...a, initiative_id: cross.id })))
      .execute();

  const local = await trx
    .insertInto('initiatives')
    .values({
      org_id: menen,
      title_fr: 'Soupe de quartier',
      title_nl: 'Buurtsoep',
      description_fr: 'Chaque semaine, des bénévoles préparent une soupe partagée au centre de quartier.',
      description_nl: 'Elke week maken vrijwilligers een soep die in het buurtcentrum samen gegeten wordt.',
      target_public: 'Habitants isolés du quartier',
      programme_id: programmeId,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('initiative_territories')
    .values({ initiative_id: local.id, territory_code: 'BE-34027', org_id: menen })
    .execute();
  await trx.updateTable('initiatives').set({ status: 'preparing' }).where('id', '=', local.id).execute();
};
