import type { DemoSeeder } from '../../platform/demo';

/**
 * Fictional volunteers on both sides of the border. CCAS Lille coordinates three (one of them a Mouscron
 * resident who receives the revenu d'intégration from CPAS Mouscron and declared her volunteering to it
 * before her first assignment), CPAS Mouscron two, one of them also working with OCMW Kortrijk; one
 * registration waits for validation. CCAS Lille and CPAS Mouscron have recorded their liability insurance.
 * Names, addresses and policy numbers are invented (.example e-mails).
 */
export const seedVolunteers: DemoSeeder = async (trx, orgs, users) => {
  const lille = orgs['ccas-lille']!;
  const mouscron = orgs['cpas-mouscron']!;
  const kortrijk = orgs['ocmw-kortrijk']!;
  const lilleCoordinator = users.volunteer_coordinator!;
  const mouscronCoordinator = users.coordinator_be_wal!;

  await trx
    .insertInto('org_volunteer_insurance')
    .values([
      {
        org_id: lille,
        insurer: 'Mutuelle Solidaire du Nord (fictive)',
        policy_number: 'RC-BEN-2026-0042',
        valid_from: '2026-01-01',
        valid_to: '2026-12-31',
        created_by: lilleCoordinator,
      },
      {
        org_id: mouscron,
        insurer: 'Assurances Wallonie Picarde (fictive)',
        policy_number: 'VOL-77120',
        valid_from: '2025-07-01',
        valid_to: null,
        created_by: mouscronCoordinator,
      },
    ])
    .execute();

  const volunteer = async (v: {
    org: string;
    name: string;
    email: string;
    languages: string[];
    skills: string[];
    availability: string;
    status?: 'pending' | 'active';
    validatedBy?: string;
  }) => {
    const active = (v.status ?? 'active') === 'active';
    const r = await trx
      .insertInto('volunteers')
      .values({
        org_id: v.org,
        name: v.name,
        email: v.email,
        languages: v.languages,
        skills: v.skills,
        availability: v.availability,
        status: v.status ?? 'active',
        consent_given_at: '2026-01-10T10:00:00Z',
        validated_by: active ? (v.validatedBy ?? null) : null,
        validated_at: active ? '2026-01-12T09:00:00Z' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  };
  const assign = (volunteerId: string, org: string, title: string, on: string, hours: number, by: string) =>
    trx
      .insertInto('volunteer_assignments')
      .values({
        volunteer_id: volunteerId,
        org_id: org,
        activity_title: title,
        assigned_on: on,
        hours,
        created_by: by,
      })
      .execute();

  // The Belgian benefit recipient: declared to CPAS Mouscron on 2 February, first assignment on 14 February.
  const lea = await volunteer({
    org: lille,
    name: 'Léa Fictive-Desmet',
    email: 'lea.desmet@benevole.example',
    languages: ['fr', 'nl'],
    skills: ['interpreting', 'accompaniment'],
    availability: 'Mardi et jeudi après-midi',
    validatedBy: lilleCoordinator,
  });
  await trx
    .updateTable('volunteers')
    .set({ benefit_centre_org_id: mouscron })
    .where('id', '=', lea)
    .execute();
  await trx
    .insertInto('volunteer_benefit_declarations')
    .values({
      volunteer_id: lea,
      org_id: lille,
      centre_org_id: mouscron,
      declared_on: '2026-02-02',
      acknowledged_by: lilleCoordinator,
    })
    .execute();
  await trx
    .insertInto('volunteer_trainings')
    .values({
      volunteer_id: lea,
      org_id: lille,
      title: 'Accueil bienveillant et secret partagé',
      followed_on: '2026-02-10',
    })
    .execute();
  await assign(
    lea,
    lille,
    'Interprétariat à la permanence d’accès aux droits',
    '2026-02-14',
    3,
    lilleCoordinator,
  );
  await assign(
    lea,
    lille,
    'Accompagnement à un rendez-vous transfrontalier',
    '2026-03-05',
    2.5,
    lilleCoordinator,
  );

  const karim = await volunteer({
    org: lille,
    name: 'Karim Exemple',
    email: 'karim.exemple@benevole.example',
    languages: ['fr', 'ar'],
    skills: ['digital_help', 'tutoring'],
    availability: 'Samedi matin',
    validatedBy: lilleCoordinator,
  });
  await assign(karim, lille, 'Atelier numérique du samedi', '2026-03-07', 3, lilleCoordinator);
  await assign(karim, lille, 'Atelier numérique du samedi', '2026-03-14', 3, lilleCoordinator);

  await volunteer({
    org: lille,
    name: 'Jeanne Modèle',
    email: 'jeanne.modele@benevole.example',
    languages: ['fr'],
    skills: ['cooking', 'event_support'],
    availability: 'En semaine, en soirée',
    status: 'pending',
  });

  const wim = await volunteer({
    org: mouscron,
    name: 'Wim Voorbeeld',
    email: 'wim.voorbeeld@vrijwilliger.example',
    languages: ['nl', 'fr'],
    skills: ['driving', 'accompaniment'],
    availability: 'Maandag en woensdag',
    validatedBy: mouscronCoordinator,
  });
  await trx.insertInto('volunteer_organisations').values({ volunteer_id: wim, org_id: kortrijk }).execute();
  await assign(wim, mouscron, 'Transport solidaire vers le marché', '2026-02-23', 4, mouscronCoordinator);

  const sofie = await volunteer({
    org: mouscron,
    name: 'Sofie Fictief',
    email: 'sofie.fictief@vrijwilliger.example',
    languages: ['nl', 'en'],
    skills: ['listening', 'language_practice'],
    availability: 'Vrijdagvoormiddag',
    validatedBy: mouscronCoordinator,
  });
  await assign(
    sofie,
    mouscron,
    'Table de conversation néerlandais-français',
    '2026-04-03',
    2,
    mouscronCoordinator,
  );
};
