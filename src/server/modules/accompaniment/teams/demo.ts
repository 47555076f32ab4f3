import type { Role } from '../../../../common/access/permissions';
import { REQUEST_FIELDS } from '../../../../common/accompaniment/teams-rules';
import type { Actor } from '../../../platform/actor';
import { switchContext, type Tx } from '../../../platform/db/context';
import { type DemoSeeder, seedingAs } from '../../../platform/demo';
import type { Secrets } from '../../../platform/secrets';
import { addClinicalNote } from './clinical-notes';
import { addIntervention } from './interventions';
import { createRequest, decideRequest } from './requests';
import './tables';

/**
 * Two mobile teams — La Vie Active's on the French side, CRéSaM's on the Walloon side — with members by
 * profession (demo accounts and fictional members without one), and, when the records part's demo wrote
 * the Exemple-Tesfay family with its consents to CRéSaM, that family referred by La Vie Active to the
 * Walloon team: accepted, one intervention held in France (cross-border), one planned, and one clinical
 * note by CRéSaM's psychologist (encrypted). All invented.
 */
const DAY = 86_400_000;
const at = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

function demoActor(userId: string, orgId: string, roles: Role[]): Actor {
  return {
    userId,
    sessionId: 'demo',
    email: 'demo@demo.example',
    displayName: 'demo',
    orgId,
    orgCountry: null,
    roles,
    platformAdmin: false,
    language: 'fr',
    csrfToken: '',
    mfaSetupRequired: false,
    requestId: 'demo-accompaniment-teams',
  };
}

async function as<T>(trx: Tx, actor: Actor, fn: () => Promise<T>): Promise<T> {
  await switchContext(trx, { userId: actor.userId, orgId: actor.orgId, requestId: actor.requestId });
  return seedingAs(trx, fn);
}

export const seedTeams: DemoSeeder = async (trx, orgs, users, secrets) => {
  const lva = orgs['la-vie-active'];
  const cresam = orgs.cresam;
  if (!lva || !cresam) return;
  const team = (v: {
    org: string;
    fr: string;
    nl: string;
    description: string;
    regions: string[];
    languages: string[];
  }) =>
    trx
      .insertInto('accompaniment_teams')
      .values({
        org_id: v.org,
        name_fr: v.fr,
        name_nl: v.nl,
        description: v.description,
        regions: v.regions,
        languages: v.languages,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const lvaTeam = await team({
    org: lva,
    fr: 'Équipe mobile de La Vie Active',
    nl: 'Mobiel team van La Vie Active',
    description:
      'Psychologue, infirmière, interprète et médiatrice : accompagnement des familles nouvellement arrivées.',
    regions: ['FR-HDF', 'BE-WAL'],
    languages: ['fra', 'tir', 'prs', 'ara'],
  });
  const cresamTeam = await team({
    org: cresam,
    fr: 'Équipe mobile wallonne (CRéSaM)',
    nl: 'Waals mobiel team (CRéSaM)',
    description:
      'Soutien psychosocial formé au trauma, soins paramédicaux et médiation interculturelle, des deux côtés de la frontière.',
    regions: ['BE-WAL', 'FR-HDF'],
    languages: ['fra', 'tir', 'pus', 'som', 'ukr'],
  });
  const member = (
    teamId: string,
    org: string,
    profession: string,
    userId: string | undefined,
    name?: string,
  ) =>
    userId || name
      ? trx
          .insertInto('accompaniment_team_members')
          .values({
            team_id: teamId,
            org_id: org,
            user_id: userId ?? null,
            display_name: userId ? null : (name ?? null),
            profession,
          })
          .execute()
      : Promise.resolve();
  await member(lvaTeam.id, lva, 'psychologist', users.psychologist_lva);
  await member(lvaTeam.id, lva, 'social_worker', users.worker_lva);
  await member(lvaTeam.id, lva, 'interpreter', undefined, 'Amanuel Exemple-Haile');
  await member(lvaTeam.id, lva, 'paramedical', undefined, 'Claire Fictive-Dubois');
  const cresamMembers: Array<[string, string | undefined, string?]> = [
    ['social_worker', users.coordinator_cresam],
    ['psychologist', users.psychologist_cresam],
    ['paramedical', users.paramedical_cresam],
    ['intercultural_mediator', users.mediator_cresam],
    ['interpreter', undefined, 'Mariam Exemple-Ahmadi'],
    ['peer_ambassador', undefined, 'Yohannes Fictif-Gebre'],
  ];
  for (const [p, u, n] of cresamMembers) await member(cresamTeam.id, cresam, p, u, n);

  // The family referred by La Vie Active to the Walloon team (written by the records part's demo).
  const worker = users.worker_lva;
  const coordinator = users.coordinator_cresam;
  const psychologist = users.psychologist_cresam;
  if (!worker || !coordinator || !psychologist) return;
  const lvaActor = demoActor(worker, lva, ['referent']);
  const family = await as(trx, lvaActor, async () => {
    const persons = await trx
      .selectFrom('persons')
      .select('id')
      .where('org_id', '=', lva)
      .where('last_name', '=', 'Exemple-Tesfay')
      .orderBy('created_at')
      .execute();
    const consents = await trx
      .selectFrom('consents')
      .select(['person_id', 'data_categories'])
      .where('org_id', '=', lva)
      .where('purpose', '=', 'accompaniment')
      .where('withdrawn_on', 'is', null)
      .where((eb) => eb(eb.val(cresam), '=', eb.fn.any('recipient_org_ids')))
      .execute();
    return { persons: persons.map((p) => p.id), consents };
  });
  const covered = family.persons.filter((p) => family.consents.some((c) => c.person_id === p));
  if (covered.length === 0) return;
  // The field groups every covered person's consent names.
  const fields = REQUEST_FIELDS.filter((f) =>
    covered.every((p) => family.consents.some((c) => c.person_id === p && c.data_categories.includes(f))),
  );
  if (fields.length === 0) return;
  // The platform key (every caller hands the full secrets; the type names only what most seeders need):
  // the request's message, the outcomes and the clinical note are sealed (ADR 0031, 0037).
  const key = (secrets as Partial<Secrets>).secretKey;
  if (!key) return;
  const masters = { secretKey: key } as Secrets;
  let requestId: string;
  try {
    requestId = (
      await as(trx, lvaActor, () =>
        createRequest(trx, lvaActor, masters, {
          teamId: cresamTeam.id,
          personIds: covered,
          fields,
          needs: ['psychological', 'interpreting', 'mediation'],
          urgency: 'high',
          languages: ['tir'],
          message:
            'Famille arrivée récemment, hébergée côté français ; besoin d’un soutien psychologique en tigrinya.',
        }),
      )
    ).id;
  } catch {
    // A consent that does not hold (expired by the day of the seed): the family is not referred.
    return;
  }
  // Sent three weeks ago (in the seeder's system scope), so that the first home visit (12 days ago)
  // comes after it.
  await trx
    .updateTable('accompaniment_requests')
    .set({ created_at: new Date(Date.now() - 21 * DAY) })
    .where('id', '=', requestId)
    .execute();
  const coord = demoActor(coordinator, cresam, ['coordinator']);
  await as(trx, coord, async () => {
    await decideRequest(trx, coord, masters, requestId, 'accept');
    const members = await trx
      .selectFrom('accompaniment_team_members')
      .select(['id', 'profession'])
      .where('team_id', '=', cresamTeam.id)
      .execute();
    const present = members.filter((m) =>
      ['psychologist', 'interpreter', 'intercultural_mediator'].includes(m.profession),
    );
    await addIntervention(trx, coord, masters, requestId, {
      startsAt: at(-12, 9),
      durationMinutes: 90,
      place: 'Arras, locaux de La Vie Active',
      placeCountry: 'FR',
      kind: 'home_visit',
      language: 'tir',
      personIds: covered,
      otherParticipants: 1,
      memberIds: present.map((m) => m.id),
      status: 'done',
      outcome: 'Premier entretien familial avec interprète ; suivi psychologique proposé à la mère.',
      onwardReferrals: [
        { organisation: 'Médecin traitant de la famille', reason: 'Bilan de santé des enfants' },
      ],
    });
    await addIntervention(trx, coord, masters, requestId, {
      startsAt: at(9, 13),
      durationMinutes: 60,
      place: 'Namur, CRéSaM',
      placeCountry: 'BE',
      kind: 'consultation',
      language: 'tir',
      personIds: covered.slice(0, 1),
      otherParticipants: 0,
      memberIds: present.filter((m) => m.profession !== 'intercultural_mediator').map((m) => m.id),
      status: 'planned',
      outcome: null,
      onwardReferrals: [],
    });
  });
  const psy = demoActor(psychologist, cresam, ['psychologist']);
  await as(trx, psy, () =>
    addClinicalNote(trx, psy, masters, requestId, {
      personId: covered[0] ?? null,
      body: 'Note clinique fictive : troubles du sommeil depuis l’arrivée ; poursuivre les entretiens avec interprète.',
    }),
  );
};
