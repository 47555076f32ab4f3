import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import type { VolunteerDetail, VolunteerPage } from '../../../common/volunteers/schemas';
import { withContext } from '../../platform/db/context';
import { referralFixtures } from '../people/referrals/fixtures.testing';

/**
 * The volunteer registry on both engines (migration 0045): another organisation neither reads nor writes a
 * volunteer (API and database), an organisation the volunteer works with reads it and records its own
 * assignments only; the Belgian declaration rule holds in the API and in the database; the public form
 * writes a pending registration only, answers alike whatever the e-mail, ignores a honeypot, is rate
 * limited; a coordinator validates.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
type Member = { userId: string; orgId: string };
let lille: Member;
let mouscron: Member;
let menen: Member;
let kortrijk: Member;

const LILLE = 'benevolat@ccas-lille.example';
const MOUSCRON = 'coordination@cpas-mouscron.example';
const MENEN = 'diensthoofd@ocmw-menen.example';
const KORTRIJK = 'trajectbegeleider@ocmw-kortrijk.example';

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  lille = await fx.member(LILLE);
  mouscron = await fx.member(MOUSCRON);
  menen = await fx.member(MENEN);
  kortrijk = await fx.member(KORTRIJK);
});
afterAll(async () => t?.close());

const idOf = async (email: string) => {
  const r = await sql<{ id: string }>`select id from volunteers where email = ${email}`.execute(
    t.db.engine.db,
  );
  return r.rows[0]!.id;
};
const LEA = 'lea.desmet@benevole.example';
const WIM = 'wim.voorbeeld@vrijwilliger.example';

describe('volunteers: another organisation cannot read or write them', () => {
  it('hides them through the API', async () => {
    const lea = await idOf(LEA);
    const own = await t.login(LILLE);
    const list = (await own.get('/api/volunteers')).json() as VolunteerPage;
    expect(list.items.map((v) => v.email)).toContain(LEA);
    const d = (await own.get(`/api/volunteers/${lea}`)).json() as VolunteerDetail;
    expect(d).toMatchObject({ canManage: true, benefitCentre: { id: mouscron.orgId } });
    // The volunteers demo's two free activities (5.5 h); other modules' demos may assign her too.
    const free = d.assignments.filter((a) => a.activityTitle);
    expect(free.reduce((s, a) => s + a.hours, 0)).toBe(5.5);
    expect(d.totalHours).toBe(d.assignments.reduce((s, a) => s + a.hours, 0));

    const other = await t.login(MENEN);
    expect(((await other.get('/api/volunteers')).json() as VolunteerPage).total).toBe(0);
    expect((await other.get(`/api/volunteers/${lea}`)).statusCode).toBe(404);
    expect((await other.post(`/api/volunteers/${lea}/status`, { action: 'deactivate' })).statusCode).toBe(
      404,
    );
    const assign = { activityTitle: 'Intrusion', assignedOn: '2026-03-01', hours: 1 };
    expect((await other.post(`/api/volunteers/${lea}/assignments`, assign)).statusCode).toBe(404);
    expect(
      (
        await other.post(`/api/volunteers/${lea}/declarations`, {
          centreOrgId: menen.orgId,
          declaredOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.post(`/api/volunteers/${lea}/organisations`, { orgId: menen.orgId })).statusCode,
    ).toBe(404);
    expect(
      (await other.post(`/api/volunteers/${lea}/trainings`, { title: 'Nope', followedOn: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    const ins = (await other.get('/api/volunteers/insurance')).json() as { items: unknown[] };
    expect(ins.items).toEqual([]);
    // Nobody without the permission, nobody anonymous.
    expect((await (await t.login(KORTRIJK)).get('/api/volunteers')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/volunteers')).statusCode).toBe(401);
  });

  it('hides them in the database: no row of any volunteer table, no change, no insert', async () => {
    const lea = await idOf(LEA);
    const tables = [
      'volunteers',
      'volunteer_organisations',
      'volunteer_trainings',
      'volunteer_benefit_declarations',
      'volunteer_assignments',
    ];
    await fx.asOrg(menen, async (trx) => {
      for (const table of [...tables, 'org_volunteer_insurance']) {
        const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
        expect(r.rows[0]!.n, table).toBe(0);
      }
      const u = await sql`update volunteers set name = 'Changed' where id = ${lea}`.execute(trx);
      expect(Number(u.numAffectedRows)).toBe(0);
      const d = await sql`delete from volunteer_assignments where volunteer_id = ${lea}`.execute(trx);
      expect(Number(d.numAffectedRows)).toBe(0);
      const i = await sql`update org_volunteer_insurance set insurer = 'X'`.execute(trx);
      expect(Number(i.numAffectedRows)).toBe(0);
    });
    const refused = [
      sql`insert into volunteer_organisations (volunteer_id, org_id) values (${lea}, ${menen.orgId})`,
      sql`insert into volunteer_trainings (volunteer_id, org_id, title, followed_on)
        values (${lea}, ${menen.orgId}, 'Intrusion', '2026-01-01')`,
      sql`insert into volunteer_assignments (volunteer_id, org_id, activity_title, assigned_on, hours)
        values (${lea}, ${menen.orgId}, 'Intrusion', '2026-03-01', 1)`,
      sql`insert into volunteer_benefit_declarations (volunteer_id, org_id, centre_org_id, declared_on,
        acknowledged_by) values (${lea}, ${menen.orgId}, ${mouscron.orgId}, '2026-01-01', ${menen.userId})`,
      sql`insert into org_volunteer_insurance (org_id, insurer, policy_number, valid_from)
        values (${lille.orgId}, 'Forged', 'F-1', '2026-01-01')`,
    ];
    for (const q of refused)
      await expect(fx.asOrg(menen, (trx) => q.execute(trx))).rejects.toThrow(/row-level security/);
    // Anonymous visitors read nothing either.
    await withContext(t.db.engine.db, { scope: 'public' }, async (trx) => {
      for (const table of tables) {
        const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
        expect(r.rows[0]!.n, table).toBe(0);
      }
    });
  });

  it('lets an organisation the volunteer works with read it and record its own assignments only', async () => {
    const wim = await idOf(WIM);
    await fx.asOrg(kortrijk, async (trx) => {
      const r = await sql<{ name: string }>`select name from volunteers where id = ${wim}`.execute(trx);
      expect(r.rows).toHaveLength(1);
      // The coordinating organisation's assignments are not Kortrijk's business.
      const a = await sql<{ n: number }>`select count(*)::int as n from volunteer_assignments`.execute(trx);
      expect(a.rows[0]!.n).toBe(0);
      const u = await sql`update volunteers set status = 'inactive' where id = ${wim}`.execute(trx);
      expect(Number(u.numAffectedRows)).toBe(0);
      const ins = await sql<{ insured: boolean }>`insert into volunteer_assignments (volunteer_id, org_id,
        activity_title, assigned_on, hours) values (${wim}, ${kortrijk.orgId}, 'Buurtfeest', '2026-05-02', 2)
        returning insured`.execute(trx);
      // Kortrijk recorded no insurance: accepted, flagged.
      expect(ins.rows[0]!.insured).toBe(false);
    });
    await expect(
      fx.asOrg(kortrijk, (trx) =>
        sql`insert into volunteer_organisations (volunteer_id, org_id) values (${wim}, ${menen.orgId})`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('the Belgian declaration rule', () => {
  it('refuses, in the API, an assignment before the acknowledged declaration, in the caller’s language', async () => {
    const lea = await idOf(LEA);
    const c = await t.login(LILLE);
    const before = await c.post(`/api/volunteers/${lea}/assignments`, {
      activityTitle: 'Permanence',
      assignedOn: '2026-02-01',
      hours: 2,
    });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({
      error: { code: 'volunteers.registry.errors.declaration_missing' },
    });
    // In the coordinator's language (French).
    expect(before.json().error.message).toMatch(/déclaré/);
    const onTheDay = await c.post(`/api/volunteers/${lea}/assignments`, {
      activityTitle: 'Permanence',
      assignedOn: '2026-02-02',
      hours: 1.5,
    });
    expect(onTheDay.statusCode, onTheDay.body).toBe(201);
    expect(onTheDay.json()).toMatchObject({ insured: true });
  });

  it('refuses it in the database too, whoever writes (a declaration to another centre does not count)', async () => {
    const lea = await idOf(LEA);
    const insert = (on: string) =>
      fx.asOrg(lille, (trx) =>
        sql`insert into volunteer_assignments (volunteer_id, org_id, activity_title, assigned_on, hours)
          values (${lea}, ${lille.orgId}, 'Direct', ${on}, 1)`.execute(trx),
      );
    await expect(insert('2026-01-31')).rejects.toThrow(/declaration_missing/);
    // The benefit moves to OCMW Kortrijk: the Mouscron declaration no longer covers anything.
    await fx.asOrg(lille, (trx) =>
      sql`update volunteers set benefit_centre_org_id = ${kortrijk.orgId} where id = ${lea}`.execute(trx),
    );
    await expect(insert('2026-06-01')).rejects.toThrow(/declaration_missing/);
    await fx.asOrg(lille, (trx) =>
      sql`update volunteers set benefit_centre_org_id = ${mouscron.orgId} where id = ${lea}`.execute(trx),
    );
    await insert('2026-06-01');
    // A French organisation is no benefit centre.
    await expect(
      fx.asOrg(lille, (trx) =>
        sql`update volunteers set benefit_centre_org_id = ${lille.orgId} where id = ${lea}`.execute(trx),
      ),
    ).rejects.toThrow(/Belgian/);
  });

  it('records a declaration through the API, after which the assignment passes', async () => {
    const c = await t.login(LILLE);
    const karim = await idOf('karim.exemple@benevole.example');
    expect(
      (await c.put(`/api/volunteers/${karim}/benefit-centre`, { centreOrgId: kortrijk.orgId })).statusCode,
    ).toBe(200);
    const body = { activityTitle: 'Atelier', assignedOn: '2026-06-10', hours: 2 };
    expect((await c.post(`/api/volunteers/${karim}/assignments`, body)).statusCode).toBe(400);
    const future = await c.post(`/api/volunteers/${karim}/declarations`, {
      centreOrgId: kortrijk.orgId,
      declaredOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const notACentre = await c.post(`/api/volunteers/${karim}/declarations`, {
      centreOrgId: lille.orgId,
      declaredOn: '2026-06-01',
    });
    expect(notACentre.json()).toMatchObject({
      error: { code: 'volunteers.registry.errors.not_belgian_centre' },
    });
    expect(
      (
        await c.post(`/api/volunteers/${karim}/declarations`, {
          centreOrgId: kortrijk.orgId,
          declaredOn: '2026-06-01',
        })
      ).statusCode,
    ).toBe(201);
    expect((await c.post(`/api/volunteers/${karim}/assignments`, body)).statusCode).toBe(201);
    const d = (await c.get(`/api/volunteers/${karim}`)).json() as VolunteerDetail;
    expect(d.declarations).toHaveLength(1);
    expect(d.totalHours).toBe(8);
  });
});

describe('public self-registration and validation', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    name: 'Inès Fictive',
    email: 'ines.fictive@benevole.example',
    languages: ['fr', 'nl'],
    skills: ['listening'],
    availability: 'Le mercredi',
    orgId: lille.orgId,
    consent: true,
    ...over,
  });
  const register = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/public/volunteers', payload: body as object });

  it('writes a pending registration and answers alike whatever the e-mail', async () => {
    const first = await register(form());
    const known = await register(form({ email: LEA }));
    expect(first.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(first.body);
    // A robot fills the honeypot: same answer, nothing stored.
    const bot = await register(form({ email: 'bot@spam.example', website: 'http://spam.example' }));
    expect(bot.body).toBe(first.body);
    const r = await sql<{ email: string; status: string; validated_by: string | null }>`select email, status,
      validated_by from volunteers where email in ('ines.fictive@benevole.example', 'bot@spam.example')`.execute(
      t.db.engine.db,
    );
    expect(r.rows).toEqual([
      { email: 'ines.fictive@benevole.example', status: 'pending', validated_by: null },
    ]);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit.log where entity = 'volunteers'
      and action = 'create' and after ->> 'email' = 'ines.fictive@benevole.example'`.execute(t.db.engine.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('refuses bad input with a clear 400 and nothing written', async () => {
    expect((await register(form({ consent: false }))).statusCode).toBe(400);
    expect((await register(form({ name: 'Bad\u0000name' }))).statusCode).toBe(400);
    expect((await register(form({ orgId: '00000000-0000-4000-8000-000000000000' }))).json()).toMatchObject({
      error: { code: 'volunteers.registry.errors.unknown_organisation' },
    });
    expect((await register(form({ languages: [] }))).statusCode).toBe(400);
  });

  it('lets the public scope insert pending rows only', async () => {
    await expect(
      withContext(t.db.engine.db, { scope: 'public' }, (trx) =>
        sql`insert into volunteers (org_id, name, email, status, consent_given_at, validated_by, validated_at)
          values (${lille.orgId}, 'Forged', 'forged@x.example', 'active', now(), ${lille.userId}, now())`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets the coordinator of the chosen organisation validate, once', async () => {
    const c = await t.login(LILLE);
    const pending = (await c.get('/api/volunteers?status=pending&language=nl')).json() as VolunteerPage;
    const ines = pending.items.find((v) => v.email === 'ines.fictive@benevole.example')!;
    expect(ines).toBeDefined();
    expect(
      (await (await t.login(MOUSCRON)).post(`/api/volunteers/${ines.id}/status`, { action: 'validate' }))
        .statusCode,
    ).toBe(404);
    expect((await c.post(`/api/volunteers/${ines.id}/status`, { action: 'validate' })).statusCode).toBe(200);
    expect((await c.post(`/api/volunteers/${ines.id}/status`, { action: 'validate' })).statusCode).toBe(409);
    const d = (await c.get(`/api/volunteers/${ines.id}`)).json() as VolunteerDetail;
    expect(d.status).toBe('active');
    expect(d.validatedAt).not.toBeNull();
  });

  it('is rate limited', async () => {
    const limited = await createTestApp({ seed: false, env: { LOGIN_RATE_LIMIT: '2' } });
    try {
      const send = () => limited.app.inject({ method: 'POST', url: '/api/public/volunteers', payload: {} });
      expect((await send()).statusCode).toBe(400);
      expect((await send()).statusCode).toBe(400);
      expect((await send()).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('pathways cannot make volunteering mandatory', () => {
  it('has no column that could type a commitment as an obligation', async () => {
    const r = await sql<{ table_name: string; column_name: string }>`select table_name, column_name
      from information_schema.columns where table_schema = 'public' and table_name like 'pathway%'`.execute(
      t.db.engine.db,
    );
    expect(r.rows.length).toBeGreaterThan(10);
    expect(
      r.rows.filter((c) => /oblig|mandator|required|condition|sanction|kind|type/.test(c.column_name)),
    ).toEqual([]);
  });
});
