import type { DemoSeeder } from '../../platform/demo';
import { seedAwarenessSessions } from './attendance/demo';
import { seedForumFeedback } from './feedback/demo';
import './tables';

/**
 * CCAS Lille's volunteer coordinator's two thematic forums, with OCMW Kortrijk and CPAS Mouscron as
 * partners: one a month ago (with its attendance), one in three weeks that is full, with a waiting list.
 * Dates are relative to the day of seeding so that the upcoming one stays upcoming. Every name and
 * address is invented (*.example).
 */

const DAY = 86_400_000;
/**
 * A day from today at a Brussels/Paris hour (winter or summer time: close enough for a demo), moved to the
 * next working day when it falls on a weekend: a forum is held on a weekday.
 */
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setTime(d.getTime() + DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

const PEOPLE: Array<[string, string, 'fr' | 'nl' | 'en', string | null]> = [
  ['Claire Imaginaire', 'claire.imaginaire@asso-solidaire.example', 'fr', 'Association Main Tendue'],
  ['Pieter Verzonnen', 'pieter.verzonnen@vrijwilligers.example', 'nl', 'Vrijwilligerspunt Kortrijk'],
  ['Amina Fictive', 'amina.fictive@ccas-lille.example', 'fr', 'CCAS de Lille'],
  ['Joris Denkbeeld', 'joris.denkbeeld@ocmw-kortrijk.example', 'nl', 'OCMW Kortrijk'],
  ['Sophie Inventée', 'sophie.inventee@cpas-mouscron.example', 'fr', 'CPAS de Mouscron'],
  ['Hanne Fictief', 'hanne.fictief@buurtwerk.example', 'nl', null],
  ['Marc Supposé', 'marc.suppose@benevoles-nord.example', 'fr', 'Bénévoles du Nord'],
  ['Lotte Bedacht', 'lotte.bedacht@ocmw-menen.example', 'nl', 'OCMW Menen'],
  ['Nadia Imaginée', 'nadia.imaginee@resto-coeur.example', 'fr', 'Épicerie solidaire de Fives'],
  ['Tom Example', 'tom.example@example.example', 'en', null],
];

export const seedForums: DemoSeeder = async (trx, orgs, users) => {
  const lille = orgs['ccas-lille']!;
  const partners = [orgs['ocmw-kortrijk']!, orgs['cpas-mouscron']!];
  // The programme running now (SAM's fictional follow-up, 2025–2027) when seeded, so that the monitoring
  // board counts these events; otherwise the first programme Lille takes part in.
  const current = await trx
    .selectFrom('programmes')
    .select('id as programme_id')
    .where('acronym', '=', 'SAM-E suite')
    .executeTakeFirst();
  const programme =
    current ??
    (await trx
      .selectFrom('programme_partners')
      .select('programme_id')
      .where('partner_org_id', '=', lille)
      .orderBy('created_at')
      .executeTakeFirst());
  const common = {
    org_id: lille,
    kind: 'thematic_forum',
    languages: ['fr', 'nl'],
    interpreting: true,
    audiences: ['professionals', 'volunteers', 'associations'],
    programme_id: programme?.programme_id ?? null,
    status: 'published',
    created_by: users.volunteer_coordinator ?? null,
  };
  const past = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      title_fr: 'Forum transfrontalier : le bénévolat au service du lien social',
      title_nl: 'Grensoverschrijdend forum: vrijwilligerswerk voor sociale verbondenheid',
      description_fr:
        'Professionnels, bénévoles et associations des deux côtés de la frontière échangent leurs pratiques : comment les bénévoles peuvent-ils soutenir le travail social sans le remplacer ?',
      description_nl:
        'Professionals, vrijwilligers en verenigingen van beide kanten van de grens wisselen praktijken uit: hoe kunnen vrijwilligers het sociaal werk ondersteunen zonder het te vervangen?',
      theme: 'Bénévolat et lien social',
      starts_at: at(-30, 8),
      ends_at: at(-30, 15),
      venue: 'Maison des associations, 12 rue de l’Exemple, 59000 Lille',
      capacity: 40,
      published_at: at(-75, 9),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const upcoming = await trx
    .insertInto('forum_events')
    .values({
      ...common,
      title_fr: 'Forum thématique : bénévoles et accès aux droits',
      title_nl: 'Thematisch forum: vrijwilligers en toegang tot rechten',
      description_fr:
        'Deuxième forum du réseau : des propositions concrètes où les bénévoles accompagnent l’accès aux droits, à présenter comme initiatives solidaires.',
      description_nl:
        'Tweede forum van het netwerk: concrete voorstellen waarin vrijwilligers de toegang tot rechten ondersteunen, voor te stellen als solidariteitsinitiatieven.',
      theme: 'Accès aux droits',
      starts_at: at(21, 8),
      ends_at: at(21, 12),
      venue: 'OCMW Kortrijk, zaal Leie, Voorbeeldstraat 1, 8500 Kortrijk',
      capacity: 6,
      published_at: at(-10, 9),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const id of [past.id, upcoming.id])
    await trx
      .insertInto('forum_event_partners')
      .values(partners.map((p) => ({ event_id: id, partner_org_id: p, org_id: lille })))
      .execute();

  const person = (i: number, eventId: string, status: string, position: number, createdDaysAgo: number) => {
    const [name, email, language, organisation] = PEOPLE[i]!;
    return {
      event_id: eventId,
      org_id: lille,
      name,
      email,
      organisation,
      language,
      accessibility_needs: i === 5 ? 'Accès en fauteuil roulant' : null,
      consent_contact: i % 3 !== 0,
      status,
      position,
      created_at: new Date(Date.now() - createdDaysAgo * DAY),
      cancelled_at: status === 'cancelled' ? new Date(Date.now() - (createdDaysAgo - 1) * DAY) : null,
      // Marked present at the desk, a few minutes after the doors opened (migration 0050).
      ...(status === 'attended' ? { attended_at: at(-30, 8 + (i % 2)), attended_from: 'confirmed' } : {}),
    };
  };
  // The past forum: eight came, one cancelled beforehand, one did not come (still confirmed).
  await trx
    .insertInto('forum_registrations')
    .values([
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => person(i, past.id, 'attended', i + 1, 60 - i)),
      person(8, past.id, 'cancelled', 9, 50),
      person(9, past.id, 'confirmed', 10, 45),
    ])
    .execute();
  await seedForumFeedback(trx, past.id);
  // The upcoming one: six places taken, three on the waiting list in order of arrival.
  await trx
    .insertInto('forum_registrations')
    .values([
      ...[0, 1, 2, 3, 4, 5].map((i) => person(i, upcoming.id, 'confirmed', i + 1, 9 - i)),
      person(6, upcoming.id, 'waiting', 7, 3),
      person(7, upcoming.id, 'waiting', 8, 2),
      person(9, upcoming.id, 'waiting', 9, 1),
    ])
    .execute();
  // Two awareness sessions with beneficiaries, attendance without identities (migration 0050).
  await seedAwarenessSessions(trx, orgs, users, programme?.programme_id ?? null);
};
