import { sql } from 'kysely';
import { MEMBERSHIP_ROLES, type Role } from '../../src/common/access/permissions';
import { referralFixtures } from '../../src/server/modules/people/referrals/fixtures.testing';
import type { Client, TestApp } from '../support/app';
import { childRecords } from './fixture-children';
import { first, type Probe } from './fixture-shared';

export type { Probe } from './fixture-shared';

/**
 * The access matrix's world (issue 16), on the demo network: organisation A (CPAS Mouscron) holds one
 * caller per role; organisation B (CCAS Roubaix) holds records A has nothing to do with, a person it
 * shared with A through the sharing door (a referral under consent), and one whose grant has expired.
 * Where the demo gives B no such record of a kind, another organisation's that A may not see stands in.
 */
export interface Caller {
  role: Role;
  roles: Role[];
  client: Client;
}

export interface MatrixFixture {
  orgA: string;
  orgB: string;
  callers: Caller[];
  /** `resource/:param` (the path segment before the parameter) → an id of organisation A. */
  own: Map<string, string>;
  /** The same → an id of organisation B (or, failing one, another organisation) unrelated to A. */
  other: Map<string, string>;
  /** More requests to another organisation's records, judged like the map's (no 2xx, no secret). */
  probes: Probe[];
  grantedPersonId: string;
  expiredPersonId: string;
  /** Strings only B's records hold (names, codes, note text): no answer to A may contain them. */
  secrets: string[];
  /** Strings only the expired-grant person holds. */
  expiredSecrets: string[];
  auditRows: (orgId?: string) => Promise<number>;
  /** The id of the last audit entry: entries after it, in every chain but A's, are what a case moved. */
  auditMark: () => Promise<number>;
  /** Entries after a mark in every chain but the caller's organisation's (action, entity, chain). */
  auditOutside: (orgId: string, after: number) => Promise<string[]>;
  /** The last k entries of a chain (action, entity, actor), to name what moved. */
  auditTail: (orgId: string, k: number) => Promise<string[]>;
}

export async function matrixFixture(t: TestApp): Promise<MatrixFixture> {
  const f = referralFixtures(t);
  const db = f.db;
  const a = await f.member('referent@cpas-mouscron.example');
  const b = await f.member('referent@ccas-roubaix.example');
  const orgA = a.orgId;
  const orgB = b.orgId;

  // One account per membership role in A, sharing the demo password's hash; the platform admin is the demo one.
  const hash = (
    await sql<{
      h: string;
    }>`select password_hash as h from users where email = 'admin@samen.example'`.execute(db)
  ).rows[0]?.h;
  const callers: Caller[] = [];
  for (const role of MEMBERSHIP_ROLES) {
    const email = `matrix-${role.replace(/_/g, '-')}@cpas-mouscron.example`;
    const u = await sql<{ id: string }>`insert into users (email, display_name, password_hash, locale)
      values (${email}, ${`Matrix ${role}`}, ${hash}, 'en') returning id`.execute(db);
    await sql`insert into memberships (org_id, user_id, roles, accepted_at)
      values (${orgA}, ${u.rows[0]?.id}, ${[role]}, now())`.execute(db);
    callers.push({ role, roles: [role], client: await t.login(email) });
  }
  callers.push({
    role: 'platform_admin',
    roles: ['platform_admin'],
    client: await t.login('admin@samen.example'),
  });

  // A's own records, and B's that A has nothing to do with.
  const ownPerson = await f.createPerson(a, {
    firstName: 'Ownmatrix',
    lastName: 'Mouscronnaise',
    withPathway: true,
  });
  // The fixture's stand-in ciphertext cannot be decrypted: the own person is read in full by the matrix.
  await sql`update persons set national_id_enc = null where id = ${ownPerson}`.execute(db);
  const otherPerson = await f.createPerson(b, {
    firstName: 'Leakcheck',
    lastName: 'Roubaisienne',
    withPathway: true,
  });
  const pathwayOf = (personId: string) =>
    first(db, sql`select id from pathways where person_id = ${personId}`);
  const noteOf = (personId: string) =>
    first(
      db,
      sql`select n.id from pathway_notes n join pathways p on p.id = n.pathway_id where p.person_id = ${personId}`,
    );

  // Shared with A through a referral under consent; a second one whose grant has run out.
  const roubaix = await t.login('referent@ccas-roubaix.example');
  const share = async (firstName: string, lastName: string) => {
    const personId = await f.createPerson(b, { firstName, lastName });
    await f.createConsent(b, personId, { categories: ['identity', 'languages'], recipients: [orgA] });
    const r = await roubaix.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: orgA,
      purpose: 'referral',
      fields: ['identity', 'languages'],
      message: 'Access matrix fixture',
    });
    if (r.statusCode !== 201) throw new Error(`referral: ${r.statusCode} ${r.body}`);
    return { personId, referralId: r.json().id as string };
  };
  const granted = await share('Grantedmatrix', 'Partagee');
  const expired = await share('Expiredmatrix', 'Perimee');
  await sql`update person_grants set expires_on = current_date - 1 where person_id = ${expired.personId}`.execute(
    db,
  );

  // Records of the modules beyond people and placements. Where the demo gives organisation A none, or no
  // other organisation holds one A may not see, they are written here by SQL; names carry "Leakcheck" so
  // that any answer to A that lists them is caught as a leak.
  const ownEvent = await first(
    db,
    sql`select id from forum_events where org_id = ${orgA} order by starts_at limit 1`,
  );
  // Another organisation's draft is as unknown as a missing event (forums/events.ts).
  const otherEvent = await first(
    db,
    sql`insert into forum_events (org_id, kind, title_fr, title_nl, starts_at, ends_at, venue, languages,
      capacity, audiences, status, created_by)
      values (${orgB}, 'thematic_forum', 'Leakcheck forum', 'Leakcheck forum', now() + interval '30 days',
        now() + interval '30 days 2 hours', 'Roubaix', array['fr'], 20, array['professionals'], 'draft',
        ${b.userId}) returning id`,
  );
  const registration = (eventId: string | undefined, orgId: string, name: string, email: string) =>
    first(
      db,
      sql`insert into forum_registrations (event_id, org_id, name, email, language, status, position)
        select ${eventId}, ${orgId}, ${name}, ${email}, 'fr', 'confirmed',
          coalesce(max(position), 0) + 1 from forum_registrations where event_id = ${eventId}
        returning id`,
    );
  // A's team, and B's whose members (names) only B reads: the team itself is a network directory entry.
  const team = async (orgId: string, name: string, region: string, member: string) => {
    const id = await first(
      db,
      sql`insert into accompaniment_teams (org_id, name_fr, name_nl, regions)
        values (${orgId}, ${name}, ${name}, array[${region}]) returning id`,
    );
    const memberId = await first(
      db,
      sql`insert into accompaniment_team_members (team_id, org_id, display_name, profession)
        values (${id}, ${orgId}, ${member}, 'interpreter') returning id`,
    );
    return { id, memberId };
  };
  const ownTeam = await team(orgA, 'Équipe matrice Mouscron', 'BE-WAL', 'Ownmatrix Teammate');
  const otherTeam = await team(orgB, 'Équipe matrice Roubaix', 'FR-HDF', 'Leakcheck Teammate');
  // An immersion A is neither the sending nor the host organisation of (RLS: org or host once sent).
  const otherImmersion = await first(
    db,
    sql`select r.id from immersion_requests r where r.org_id <> ${orgA} and r.host_org_id <> ${orgA}
      and exists (select 1 from immersion_logbook_entries l where l.request_id = r.id) limit 1`,
  );
  // A programme A is not a member of (lead or partner): its reports are the members' only.
  const foreignProgramme = sql`select p.id, p.org_id from programmes p where p.org_id <> ${orgA} and not exists
    (select 1 from programme_partners pp where pp.programme_id = p.id and pp.partner_org_id = ${orgA}) limit 1`;

  const own = new Map<string, string | undefined>([
    ['people/:id', ownPerson],
    ['people/:personId', ownPerson],
    ['pathways/:id', await pathwayOf(ownPerson)],
    ['notes/:id', await noteOf(ownPerson)],
    ['referrals/:id', granted.referralId],
    ['organisations/:id', orgA],
    ['placements/:id', await first(db, sql`select id from placements where org_id = ${orgA} limit 1`)],
    ['services/:id', await first(db, sql`select id from services where org_id = ${orgA} limit 1`)],
    ['org-units/:id', await first(db, sql`select id from org_units where org_id = ${orgA} limit 1`)],
    ['programmes/:id', await first(db, sql`select id from programmes where org_id = ${orgA} limit 1`)],
    ['volunteers/:id', await first(db, sql`select id from volunteers where org_id = ${orgA} limit 1`)],
    [
      'newcomers/:personId',
      await first(db, sql`select person_id as id from newcomer_profiles where org_id = ${orgA} limit 1`),
    ],
    [
      'bookings/:id',
      await first(db, sql`select id from interpreter_bookings where org_id = ${orgA} limit 1`),
    ],
    [
      'interventions/:id',
      await first(
        db,
        sql`select id from accompaniment_interventions where requester_org_id = ${orgA} limit 1`,
      ),
    ],
    [
      'expenditure/:id',
      await first(db, sql`select id from expenditure_declarations where org_id = ${orgA} limit 1`),
    ],
    ['teams/:id', ownTeam.id],
    ['members/:memberId', ownTeam.memberId],
    ['events/:id', ownEvent],
    ['events/:eventId', ownEvent],
    [
      'registrations/:registrationId',
      await registration(ownEvent, orgA, 'Ownmatrix Registrant', 'ownmatrix@example.org'),
    ],
    [
      'immersion-offers/:id',
      await first(db, sql`select id from immersion_offers where org_id = ${orgA} limit 1`),
    ],
    ['practices/:id', await first(db, sql`select id from practice_sheets where org_id = ${orgA} limit 1`)],
    [
      'reports/:id',
      await first(
        db,
        sql`select r.id from progress_reports r where exists (select 1 from programme_partners pp
          where pp.programme_id = r.programme_id and pp.partner_org_id = ${orgA}) limit 1`,
      ),
    ],
  ]);
  const other = new Map<string, string | undefined>([
    ['people/:id', otherPerson],
    ['people/:personId', otherPerson],
    ['pathways/:id', await pathwayOf(otherPerson)],
    ['notes/:id', await noteOf(otherPerson)],
    ['organisations/:id', orgB],
    // Every demo placement involves A (home or host): B drafts one of its own at a third organisation.
    [
      'placements/:id',
      await first(
        db,
        sql`insert into placements (org_id, person_id, host_org_id, site_name, municipality_code, starts_on,
          ends_on, referent_user_id, language, shared_fields, created_by, override_reason)
          select ${orgB}, ${otherPerson},
            (select id from organisations where id not in (${orgA}, ${orgB}) order by name_fr limit 1),
            'Leakcheck site', (select municipality_code from placements limit 1), current_date + 30,
            current_date + 90, ${b.userId}, 'fr', array['identity'], ${b.userId}, 'Access matrix fixture'
          returning id`,
      ),
    ],
    ['services/:id', await first(db, sql`select id from services where org_id = ${orgB} limit 1`)],
    // B has no organisational unit in the demo: another organisation's than A's.
    ['org-units/:id', await first(db, sql`select id from org_units where org_id <> ${orgA} limit 1`)],
    [
      'programmes/:id',
      await first(
        db,
        sql`select p.id from programmes p where p.org_id <> ${orgA} and not exists (select 1 from
          programme_partners pp where pp.programme_id = p.id and pp.partner_org_id = ${orgA}) limit 1`,
      ),
    ],
    // Records of other organisations that A neither coordinates, works with, was granted, nor leads.
    [
      'volunteers/:id',
      await first(
        db,
        sql`select v.id from volunteers v where v.org_id <> ${orgA} and not exists (select 1 from
          volunteer_organisations vo where vo.volunteer_id = v.id and vo.org_id = ${orgA}) limit 1`,
      ),
    ],
    [
      'newcomers/:personId',
      await first(
        db,
        sql`select np.person_id as id from newcomer_profiles np where np.org_id <> ${orgA} and not exists
          (select 1 from person_grants g where g.person_id = np.person_id and g.recipient_org_id = ${orgA}) limit 1`,
      ),
    ],
    [
      'bookings/:id',
      await first(
        db,
        sql`select id from interpreter_bookings where org_id <> ${orgA}
          and provider_org_id is distinct from ${orgA} limit 1`,
      ),
    ],
    [
      'interventions/:id',
      await first(
        db,
        sql`select id from accompaniment_interventions where org_id <> ${orgA} and requester_org_id <> ${orgA} limit 1`,
      ),
    ],
    [
      'expenditure/:id',
      await first(
        db,
        sql`select id from expenditure_declarations where org_id <> ${orgA} and lead_org_id <> ${orgA} limit 1`,
      ),
    ],
    ['teams/:id', otherTeam.id],
    ['members/:memberId', otherTeam.memberId],
    ['events/:id', otherEvent],
    ['events/:eventId', otherEvent],
    [
      'registrations/:registrationId',
      await registration(otherEvent, orgB, 'Leakcheck Registrant', 'leakcheck@example.org'),
    ],
    // A proposal made at B's draft event: readable only with its event (initiatives/proposals.ts).
    [
      'initiative-proposals/:id',
      await first(
        db,
        sql`insert into initiative_proposals (event_id, org_id, title, language, created_by)
          values (${otherEvent}, ${orgB}, 'Leakcheck proposal', 'fr', ${b.userId}) returning id`,
      ),
    ],
    // Every demo offer of another organisation is published (network-visible): a draft is its own only.
    [
      'immersion-offers/:id',
      await first(
        db,
        sql`insert into immersion_offers (org_id, unit_id, status, themes, title_fr, languages, kinds)
          select u.org_id, u.id, 'draft', array['housing'], 'Leakcheck offer', array['fr'], array['short']
          from org_units u where u.org_id <> ${orgA} limit 1 returning id`,
      ),
    ],
    ['requests/:id', otherImmersion],
    [
      'logbook/:entryId',
      await first(
        db,
        sql`select id from immersion_logbook_entries where request_id = ${otherImmersion} limit 1`,
      ),
    ],
    // Every demo analysis has a published version: B starts one that is still a draft.
    [
      'analyses/:id',
      await first(
        db,
        sql`with a as (insert into obs_analyses (org_id, title_fr, title_nl, created_by)
            values (${orgB}, 'Leakcheck analyse', 'Leakcheck analyse', ${b.userId}) returning id, org_id)
          insert into obs_analysis_versions (analysis_id, org_id, number) select id, org_id, 1 from a
          returning analysis_id as id`,
      ),
    ],
    // A draft sheet is its organisation's only (network and public ones are readable by design).
    [
      'practices/:id',
      await first(
        db,
        sql`select id from practice_sheets where org_id <> ${orgA} and status = 'draft' limit 1`,
      ),
    ],
    [
      'formative/:id',
      await first(
        db,
        sql`select id from formative_partnerships where org_id <> ${orgA} and partner_org_id <> ${orgA} limit 1`,
      ),
    ],
    // A module is readable by its organisation and that organisation's formative partners.
    [
      'modules/:id',
      await first(
        db,
        sql`select m.id from formative_modules m where m.org_id <> ${orgA} and not exists (select 1 from
          formative_partnerships p where p.org_id = m.org_id and p.partner_org_id = ${orgA}) limit 1`,
      ),
    ],
    // Deliverables are listed network-wide by design; the path's only endpoint deletes, the owner's only.
    [
      'deliverables/:id',
      await first(db, sql`select id from accompaniment_deliverables where org_id <> ${orgA} limit 1`),
    ],
    ['contacts/:id', await first(db, sql`select id from outreach_contacts where org_id <> ${orgA} limit 1`)],
    [
      'shared-newcomers/:personId',
      await first(
        db,
        sql`select np.person_id as id from newcomer_profiles np where np.org_id <> ${orgA} and not exists
          (select 1 from person_grants g where g.person_id = np.person_id and g.recipient_org_id = ${orgA}) limit 1`,
      ),
    ],
    // Every demo report is of a programme A takes part in: one of a programme it is not a member of.
    [
      'reports/:id',
      await first(
        db,
        sql`with p as (${foreignProgramme}),
          r as (insert into progress_reports (programme_id, lead_org_id, period, starts_on, ends_on, due_on)
            select id, org_id, 'Leakcheck', current_date - 90, current_date, current_date + 30 from p
            returning id, programme_id, lead_org_id)
          insert into progress_report_versions (report_id, programme_id, lead_org_id, number, figures)
          select id, programme_id, lead_org_id, 1, '{}'::jsonb from r returning report_id as id`,
      ),
    ],
    // A download is its owner's only: one of B's referent.
    [
      'exports/:id',
      await first(
        db,
        sql`insert into exports (org_id, owner_user_id, kind, filename, content_type, body_enc, size_bytes,
          expires_at) values (${orgB}, ${b.userId}, 'matrix.leakcheck', 'leakcheck.csv', 'text/csv', 'x', 1,
          now() + interval '1 day') returning id`,
      ),
    ],
  ]);
  const { probes } = await childRecords({
    db,
    orgA,
    orgB,
    a,
    b,
    own,
    other,
    f,
    ownPerson,
    otherPerson,
    ownEvent,
    ownTeam,
    otherTeam,
  });

  const defined = (m: Map<string, string | undefined>) =>
    new Map([...m].filter((e): e is [string, string] => e[1] !== undefined));

  const auditRows = async (orgId?: string) => {
    const q = orgId
      ? sql<{ n: number }>`select count(*)::int as n from audit.log where chain = ${orgId}`
      : sql<{ n: number }>`select count(*)::int as n from audit.log`;
    return Number((await q.execute(db)).rows[0]?.n ?? 0);
  };

  const auditTail = async (orgId: string, k: number) =>
    (
      await sql<{
        s: string;
      }>`select action || ' ' || entity || ' by ' || coalesce(actor_user_id::text, '-') ||
        ' ' || coalesce(request_id, '') as s from audit.log where chain = ${orgId} order by seq desc limit ${k}`.execute(
        db,
      )
    ).rows.map((r) => r.s);

  const auditMark = async () =>
    Number(
      (await sql<{ n: string | null }>`select max(id)::text as n from audit.log`.execute(db)).rows[0]?.n ?? 0,
    );
  const auditOutside = async (orgId: string, after: number) =>
    (
      await sql<{ s: string }>`select action || ' ' || entity || ' in ' || chain || ' by ' ||
        coalesce(actor_user_id::text, '-') as s from audit.log
        where id > ${after} and chain <> ${orgId} order by id`.execute(db)
    ).rows.map((r) => r.s);

  return {
    orgA,
    auditMark,
    auditOutside,
    auditTail,
    orgB,
    callers,
    own: defined(own),
    other: defined(other),
    probes,
    grantedPersonId: granted.personId,
    expiredPersonId: expired.personId,
    secrets: ['Leakcheck', 'Roubaisienne'],
    expiredSecrets: ['Expiredmatrix', 'Perimee'],
    auditRows,
  };
}
