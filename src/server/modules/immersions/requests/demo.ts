import { sql } from 'kysely';
import { addDays, workingDays } from '../../../../common/immersions/request-rules';
import type { DemoSeeder } from '../../../platform/demo';

/**
 * Demo immersions (after the offers' seeder): the OCMW Menen professional's 3-day immersion at CCAS
 * Tourcoing, completed a few weeks ago, with the agreement signed by all three (the visitor's signature
 * carrying the undertaking), two observer consents, three logbook
 * entries (one shared with the host) and the submitted report; then two requests on the same offer for next
 * year, one waiting for the host, one waiting for the manager (together past the 5 days of the yearly rule:
 * the warning shows). Attached to "SAM-E suite" when its dates allow. Every word is invented.
 * Without the CCAS Tourcoing offer (the offers' seeder did not run), nothing is created.
 */
export const seedRequests: DemoSeeder = async (trx, orgs, users) => {
  const menen = orgs['ocmw-menen'];
  const tourcoing = orgs['ccas-tourcoing'];
  const visitor = users.professional_menen;
  const manager = users.manager_menen;
  const host = users.host_tourcoing;
  if (!menen || !tourcoing || !visitor || !manager || !host) return;
  const offer = (
    await sql<{ id: string; programme_id: string | null }>`select id, programme_id from immersion_offers
      where org_id = ${tourcoing}::uuid and status = 'published' and 'socio_professional_insertion' = any (themes)
        and 'short' = any (kinds)
      order by created_at, id limit 1`.execute(trx)
  ).rows[0];
  if (!offer) return;
  const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
  const names = new Map(
    (
      await trx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [visitor, manager, host])
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  const programme = (
    await sql<{ id: string; starts_on: string; ends_on: string }>`select id, starts_on::text, ends_on::text
      from programmes where acronym = 'SAM-E suite'`.execute(trx)
  ).rows[0];
  const programmeFor = (from: string, to: string) =>
    programme && programme.starts_on <= from && to <= programme.ends_on ? programme.id : offer.programme_id;
  /** The Tuesday on or after a date (a 3-day immersion from Tuesday to Thursday). */
  const tuesday = (iso: string) => {
    const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return addDays(iso, (2 - dow + 7) % 7);
  };
  const periodFor = async (from: string, to: string) =>
    (
      await sql<{ id: string }>`select id from immersion_offer_periods where offer_id = ${offer.id}::uuid
        and starts_on <= ${from}::date and ends_on >= ${to}::date order by starts_on limit 1`.execute(trx)
    ).rows[0]?.id ?? null;

  const insert = async (o: {
    status: string;
    startsOn: string;
    objectives: string;
    schedule: string;
    sent: boolean;
    hostDecided: boolean;
    confidentiality: boolean;
    endsOn?: string;
  }) => {
    const endsOn = o.endsOn ?? addDays(o.startsOn, 2);
    // Decided as they would have been: an immersion already begun was approved and accepted before it.
    const begun = o.startsOn <= today;
    const on = (daysBefore: number) =>
      begun ? sql<Date>`${addDays(o.startsOn, -daysBefore)}::date + time '10:00'` : sql<Date>`now()`;
    const r = await trx
      .insertInto('immersion_requests')
      .values({
        org_id: menen,
        host_org_id: tourcoing,
        offer_id: offer.id,
        period_id: await periodFor(o.startsOn, endsOn),
        programme_id: programmeFor(o.startsOn, endsOn),
        visitor_user_id: visitor,
        requested_by: visitor,
        status: o.status,
        kind: 'short',
        theme: 'socio_professional_insertion',
        objectives: o.objectives,
        schedule: o.schedule,
        starts_on: o.startsOn,
        ends_on: endsOn,
        days: Math.max(1, workingDays(o.startsOn, endsOn)),
        sent_to_host_at: o.sent ? on(21) : null,
        manager_decided_by: o.sent ? manager : null,
        manager_decided_at: o.sent ? on(21) : null,
        host_decided_by: o.hostDecided ? host : null,
        host_decided_at: o.hostDecided ? on(14) : null,
        confidentiality_accepted_at: o.confidentiality ? on(7) : null,
      })
      .returning(['id', 'starts_on', 'ends_on'])
      .executeTakeFirstOrThrow();
    // An immersion under way or done was signed by all three before it began, each in their own session.
    if (o.status === 'in_progress' || o.status === 'completed')
      for (const [role, signer, orgId] of [
        ['visitor', visitor, menen],
        ['visitor_org', manager, menen],
        ['host', host, tourcoing],
      ] as const)
        await trx
          .insertInto('immersion_signatures')
          .values({
            request_id: r.id,
            org_id: menen,
            host_org_id: tourcoing,
            version: 1,
            role,
            signer_name: names.get(signer) ?? '',
            email: null,
            signer_user_id: signer,
            requested_by: orgId === tourcoing ? host : manager,
            method: 'account',
            signed_at: on(role === 'host' ? 6 : 7),
          })
          .execute();
    return r;
  };

  // A few weeks ago: done, written up.
  const done = await insert({
    status: 'completed',
    startsOn: tuesday(addDays(today, -35)),
    objectives:
      'Zien hoe het CCAS Tourcoing jongeren begeleidt naar werk: het onthaal, de groepsateliers en de samenwerking met werkgevers.',
    schedule: 'Dinsdag tot donderdag, 9u–16u30; donderdagnamiddag terugkoppeling met het team.',
    sent: true,
    hostDecided: true,
    confidentiality: true,
  });
  for (const [day, activity] of [
    [0, 'Atelier collectif « CV et entretien »'],
    [1, 'Entretiens d’accueil de la permanence insertion'],
  ] as const)
    await trx
      .insertInto('immersion_observer_consents')
      .values({
        request_id: done.id,
        org_id: tourcoing,
        visitor_org_id: menen,
        held_on: addDays(done.starts_on, day),
        activity,
        recorded_by: host,
      })
      .execute();
  const entries: Array<[number, string, boolean]> = [
    [
      0,
      'Onthaal door het team. Het groepsatelier "CV en sollicitatie" werkt met kleine groepen van zes; elke deelnemer vertrekt met een afspraak bij een werkgever.',
      true,
    ],
    [
      1,
      'Onthaalgesprekken bijgewoond. Opvallend: de eerste afspraak duurt een uur, zonder formulieren; het dossier volgt pas later.',
      false,
    ],
    [
      2,
      'Terugkoppeling met het team. Idee voor Menen: een vaste werkgeversdag per maand, zoals hier.',
      false,
    ],
  ];
  for (const [day, body, shared] of entries)
    await trx
      .insertInto('immersion_logbook_entries')
      .values({
        request_id: done.id,
        org_id: menen,
        host_org_id: tourcoing,
        entry_on: addDays(done.starts_on, day),
        body,
        shared_with_host: shared,
        written_by: visitor,
      })
      .execute();
  await trx
    .insertInto('immersion_reports')
    .values({
      request_id: done.id,
      org_id: menen,
      host_org_id: tourcoing,
      surprised:
        'De tijd die het team neemt voor het eerste gesprek, en hoe weinig papier daarbij komt kijken.',
      works_differently:
        'Werkgevers komen zelf naar het CCAS; bij ons gaat de trajectbegeleider naar de werkgever toe.',
      to_transfer: 'Een maandelijkse werkgeversdag in Menen, en groepsateliers van zes deelnemers.',
      submitted_at: sql<Date>`${addDays(done.ends_on, 5)}::date + time '16:00'`,
      written_by: visitor,
    })
    .execute();

  // Ending on the last working day (today on a weekday): the logbook is open, and the report can be
  // written (the home page asks for it). Three working days, never a weekend inside.
  const weekday = (iso: string) => ![0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
  let lastDay = today;
  while (!weekday(lastDay)) lastDay = addDays(lastDay, -1);
  let firstDay = lastDay;
  for (let n = 1; n < 3; ) {
    firstDay = addDays(firstDay, -1);
    if (weekday(firstDay)) n += 1;
  }
  const current = await insert({
    status: 'in_progress',
    startsOn: firstDay,
    endsOn: lastDay,
    objectives:
      'De werking van de permanentie voor socioprofessionele inschakeling leren kennen, van het eerste gesprek tot de werkgeversdag.',
    schedule: 'Drie dagen, 9u–16u30, met de consulenten van het team.',
    sent: true,
    hostDecided: true,
    confidentiality: true,
  });
  await trx
    .insertInto('immersion_logbook_entries')
    .values({
      request_id: current.id,
      org_id: menen,
      host_org_id: tourcoing,
      entry_on: current.starts_on,
      body: 'Eerste dag: kennismaking met het team en de permanentie; de consulenten werken in duo.',
      shared_with_host: true,
      written_by: visitor,
    })
    .execute();

  // Next year's period of the offer (or two months ahead): one with the host, one with the manager.
  const next = (
    await sql<{ starts_on: string }>`select starts_on::text from immersion_offer_periods
      where offer_id = ${offer.id}::uuid and starts_on > ${addDays(today, 14)}::date
      order by starts_on limit 1`.execute(trx)
  ).rows[0];
  const base = tuesday(next?.starts_on ?? addDays(today, 60));
  await insert({
    status: 'awaiting_host',
    startsOn: base,
    objectives:
      'Het werkgeversnetwerk van het CCAS Tourcoing van dichtbij volgen: de werkgeversdag voorbereiden en bijwonen.',
    schedule: 'Dinsdag tot donderdag, 9u–16u30.',
    sent: true,
    hostDecided: false,
    confidentiality: false,
  });
  await insert({
    status: 'awaiting_manager',
    startsOn: tuesday(addDays(base, 7)),
    objectives:
      'De opvolging van jongeren na hun eerste werkervaring leren kennen, met de jobcoaches van het CCAS.',
    schedule: 'Dinsdag tot donderdag, 9u–16u30.',
    sent: false,
    hostDecided: false,
    confidentiality: false,
  });
};
