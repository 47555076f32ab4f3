import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { sealPending } from '../../../platform/keys/rotation';
import { accompanimentSubjectData } from '../subject-data';

const available = await engineAvailable();

const MESSAGE = 'Famille arrivée récemment, hébergée côté français';
const OUTCOME = 'Premier entretien familial avec interprète';

/**
 * ADR 0037: the free text two organisations share about a family in accompaniment — the request's message
 * (La Vie Active's) and the interventions' outcomes (CRéSaM's team) — is sealed with its writer's key; the
 * other party of the request opens it with keys released for that request; nobody else gets a key.
 */
describe.skipIf(!available)('sealed texts of requests to mobile teams', () => {
  let t: TestApp;
  let requester: Client;
  let team: Client;
  let requestId: string;
  let orgs: { lva: string; cresam: string; wereldhuis: string };
  let users: { lva: string; wereldhuis: string };
  const owner = () => t.db.engine.db;
  const session = () => ownerSession(t);
  const idOf = async (table: 'users' | 'organisations', column: 'email', value: string) =>
    (
      await sql<{
        id: string;
      }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(owner())
    ).rows[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    requester = await t.login('accompagnement@lavieactive.example');
    team = await t.login('coordination@cresam.example');
    users = {
      lva: await idOf('users', 'email', 'accompagnement@lavieactive.example'),
      wereldhuis: await idOf('users', 'email', 'begeleider@wereldhuis.example'),
    };
    const orgOf = async (userId: string) =>
      (
        await sql<{ id: string }>`select org_id as id from memberships where user_id = ${userId}`.execute(
          owner(),
        )
      ).rows[0]!.id;
    orgs = {
      lva: await orgOf(users.lva),
      cresam: await orgOf(await idOf('users', 'email', 'coordination@cresam.example')),
      wereldhuis: await orgOf(users.wereldhuis),
    };
    requestId = (
      await sql<{ id: string }>`select id from accompaniment_requests where org_id = ${orgs.lva}
        and team_org_id = ${orgs.cresam}`.execute(owner())
    ).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  it('stores ciphertext only, and keeps the text out of the audit log', async () => {
    const raw = await sql<{ message: string; outcomes: string[] }>`select r.message,
        array(select i.outcome from accompaniment_interventions i where i.request_id = r.id
          and i.outcome is not null) as outcomes
      from accompaniment_requests r where r.id = ${requestId}`.execute(owner());
    const { message, outcomes } = raw.rows[0]!;
    expect(message).toMatch(/^v2\.1\./);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) expect(o).toMatch(/^v2\.1\./);
    expect(JSON.stringify(raw.rows)).not.toContain('Famille');
    const logged = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity in ('accompaniment_requests', 'accompaniment_interventions')
        and (detail::text like '%Famille%' or detail::text like '%entretien%' or detail::text like '%v2.1.%')`.execute(
      owner(),
    );
    expect(logged.rows[0]!.n).toBe(0);
  });

  it('shows each party the other’s text, in clear, on the request page', async () => {
    for (const party of [requester, team]) {
      const r = await party.get(`/api/accompaniment/requests/${requestId}`);
      expect(r.statusCode, r.body).toBe(200);
      const v = r.json();
      expect(v.message).toContain(MESSAGE);
      expect(v.interventions.map((i: { outcome: string | null }) => i.outcome).join(' ')).toContain(OUTCOME);
    }
  });

  it('releases the request’s keys to its two parties only, never an index key', async () => {
    const keysAs = (orgId: string, userId: string) =>
      withContext(
        t.deps.db,
        { orgId, userId },
        async (trx) =>
          (
            await sql<{ org_id: string; purpose: string }>`select org_id, purpose
            from app.request_party_keys(${requestId}::uuid)`.execute(trx)
          ).rows,
      );
    const party = await keysAs(orgs.lva, users.lva);
    expect(new Set(party.map((k) => k.org_id))).toEqual(new Set([orgs.lva, orgs.cresam]));
    expect(party.every((k) => k.purpose === 'data')).toBe(true);
    expect(await keysAs(orgs.wereldhuis, users.wereldhuis)).toEqual([]);
    // Without a signed-in context (a system task, a public link), nothing either.
    const system = await withContext(t.deps.db, { scope: 'system' }, async (trx) =>
      sql`select * from app.request_party_keys(${requestId}::uuid)`.execute(trx),
    );
    expect(system.rows).toEqual([]);
    // And the third organisation does not see the request at all.
    const other = await t.login('begeleider@wereldhuis.example');
    expect((await other.get(`/api/accompaniment/requests/${requestId}`)).statusCode).toBe(404);
  });

  it('gives the person’s own organisation the message in a subject-data export', async () => {
    const personId = (
      await sql<{ id: string }>`select person_id as id from accompaniment_request_persons
        where request_id = ${requestId} limit 1`.execute(owner())
    ).rows[0]!.id;
    const sections = await withContext(t.deps.db, { orgId: orgs.lva, userId: users.lva }, (trx) =>
      accompanimentSubjectData.collect(trx, null, personId, t.deps.secrets),
    );
    const requests = sections.find((s) => s.key === 'accompaniment.requests');
    expect(String(requests?.rows[0]?.message)).toContain(MESSAGE);
  });

  it('refuses clear text, and seals at start what was written before, a text shaped like "v2." included', async () => {
    await expect(
      sql`update accompaniment_requests set message = 'en clair' where id = ${requestId}`.execute(owner()),
    ).rejects.toThrow(/accompaniment_requests_message_sealed/);
    // The rows as they were before migration 0071: clear text (the check is lifted for the test only).
    await sql`alter table accompaniment_requests drop constraint accompaniment_requests_message_sealed`.execute(
      owner(),
    );
    try {
      await sql`update accompaniment_requests set message = 'v2. Deuxième demande : suivi en tigrinya'
        where id = ${requestId}`.execute(owner());
      const report = await sealPending(session(), t.deps.secrets);
      expect(report.resealed['accompaniment_requests.message']).toBe(1);
    } finally {
      await sql`alter table accompaniment_requests add constraint accompaniment_requests_message_sealed
        check (message is null or message like 'v2.%') not valid`.execute(owner());
    }
    const stored = (
      await sql<{
        message: string;
      }>`select message from accompaniment_requests where id = ${requestId}`.execute(owner())
    ).rows[0]!.message;
    expect(stored).toMatch(/^v2\.1\./);
    expect((await team.get(`/api/accompaniment/requests/${requestId}`)).json().message).toBe(
      'v2. Deuxième demande : suivi en tigrinya',
    );
  });
});
