import { sql } from 'kysely';
import { MEMBERSHIP_ROLES, type Role } from '../../src/common/access/permissions';
import { referralFixtures } from '../../src/server/modules/people/referrals/fixtures.testing';
import type { Client, TestApp } from '../support/app';

/**
 * The access matrix's world (issue 16), on the demo network: organisation A (CPAS Mouscron) holds one
 * caller per role; organisation B (CCAS Roubaix) holds records A has nothing to do with, a person it
 * shared with A through the sharing door (a referral under consent), and one whose grant has expired.
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
  /** The same → an id of organisation B unrelated to A. */
  other: Map<string, string>;
  grantedPersonId: string;
  expiredPersonId: string;
  /** Strings only B's records hold (names, codes, note text): no answer to A may contain them. */
  secrets: string[];
  /** Strings only the expired-grant person holds. */
  expiredSecrets: string[];
  auditRows: (orgId?: string) => Promise<number>;
  /** The last k entries of a chain (action, entity, actor), to name what moved. */
  auditTail: (orgId: string, k: number) => Promise<string[]>;
}

const first = async (db: TestApp['db']['engine']['db'], q: ReturnType<typeof sql<{ id: string }>>) => {
  try {
    return (await q.execute(db)).rows[0]?.id;
  } catch {
    return undefined;
  }
};

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
  ]);
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

  return {
    orgA,
    auditTail,
    orgB,
    callers,
    own: defined(own),
    other: defined(other),
    grantedPersonId: granted.personId,
    expiredPersonId: expired.personId,
    secrets: ['Leakcheck', 'Roubaisienne'],
    expiredSecrets: ['Expiredmatrix', 'Perimee'],
    auditRows,
  };
}
