import type { Tx } from '../../../platform/db/context';
import type { DemoOrgIds } from '../../../platform/demo';
import '../tables';

/**
 * Two past awareness sessions for the people CPAS Mouscron and CCAS Tourcoing support, where nobody is
 * identified: one recorded as counts by country of residence (with the first-timers), the other as the
 * organiser's own participant codes (file numbers of its own). Fictional, like every demo record.
 */

const DAY = 86_400_000;
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setTime(d.getTime() + DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

export async function seedAwarenessSessions(
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  programmeId: string | null,
) {
  const mouscron = orgs['cpas-mouscron'];
  const tourcoing = orgs['ccas-tourcoing'];
  if (!mouscron || !tourcoing) return;
  const common = {
    org_id: mouscron,
    kind: 'awareness_session',
    languages: ['fr'],
    interpreting: false,
    audiences: ['residents'],
    programme_id: programmeId,
    status: 'published',
    created_by: users.coordinator_be_wal ?? null,
    capacity: 30,
  };
  const counted = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      title_fr: 'Vivre et se soigner de l’autre côté de la frontière',
      title_nl: 'Wonen en zorg aan de andere kant van de grens',
      description_fr:
        'Séance d’information pour les personnes accompagnées : mutuelle et sécurité sociale, médecin traitant, pharmacie et urgences quand on vit d’un côté de la frontière et qu’on se soigne de l’autre.',
      description_nl:
        'Infosessie voor begeleide personen: ziekenfonds en sociale zekerheid, huisarts, apotheek en spoed wanneer je aan de ene kant van de grens woont en je aan de andere kant laat verzorgen.',
      theme: 'Santé transfrontalière',
      starts_at: at(-20, 13),
      ends_at: at(-20, 15),
      venue: 'CPAS de Mouscron, salle polyvalente, 1 rue de l’Exemple, 7700 Mouscron',
      published_at: at(-40, 9),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const coded = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      title_fr: 'Mes droits sociaux si je déménage de l’autre côté de la frontière',
      title_nl: 'Mijn sociale rechten als ik naar de andere kant van de grens verhuis',
      description_fr:
        'Deuxième séance : revenu d’intégration et RSA, logement, allocations familiales, et à qui s’adresser de chaque côté.',
      description_nl:
        'Tweede sessie: leefloon en RSA, huisvesting, kinderbijslag, en bij wie je aan elke kant terechtkan.',
      theme: 'Droits sociaux',
      starts_at: at(-8, 13),
      ends_at: at(-8, 15),
      venue: 'CCAS de Tourcoing, 2 place de l’Exemple, 59200 Tourcoing',
      published_at: at(-30, 9),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const id of [counted.id, coded.id])
    await trx
      .insertInto('forum_event_partners')
      .values({ event_id: id, partner_org_id: tourcoing, org_id: mouscron })
      .execute();
  const by = users.coordinator_be_wal ?? null;
  await trx
    .insertInto('forum_attendance_counts')
    .values([
      {
        event_id: counted.id,
        org_id: mouscron,
        home_country: 'BE',
        participants: 14,
        first_time: 11,
        recorded_by: by,
      },
      {
        event_id: counted.id,
        org_id: mouscron,
        home_country: 'FR',
        participants: 9,
        first_time: 9,
        recorded_by: by,
      },
    ])
    .execute();
  const codes = ['MOU-0412', 'MOU-0415', 'MOU-0433', 'MOU-0440', 'MOU-0451', 'MOU-0467', 'MOU-0470'];
  await trx
    .insertInto('forum_attendance_codes')
    .values(codes.map((code) => ({ event_id: coded.id, org_id: mouscron, code, recorded_by: by })))
    .execute();
}
