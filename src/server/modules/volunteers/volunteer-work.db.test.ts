import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import type { VolunteerDetail } from '../../../common/volunteers/schemas';
import { referralFixtures } from '../people/referrals/fixtures.testing';

/**
 * The coordinator's edit of a volunteer and the assignments to events and initiatives, on both engines:
 * only the coordinating organisation edits (another reads nothing, one the volunteer works with reads but
 * does not edit), bad input is a translated 400 that changes nothing, every change is audited; an
 * assignment is for exactly one event, initiative or activity, by an organisation taking part in it (the
 * API and migration 0049's trigger), with at most 24 hours a day; this year's hours are summed.
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

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  lille = await fx.member(LILLE);
  mouscron = await fx.member(MOUSCRON);
  menen = await fx.member(MENEN);
  kortrijk = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
});
afterAll(async () => t?.close());

const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(t.db.engine.db)).rows[0]!;
const idOf = async (email: string) =>
  (await one(sql<{ id: string }>`select id from volunteers where email = ${email}`)).id;
const KARIM = 'karim.exemple@benevole.example';
const LEA = 'lea.desmet@benevole.example';
const WIM = 'wim.voorbeeld@vrijwilliger.example';

const edit = (over: Record<string, unknown> = {}) => ({
  name: 'Karim Exemple-Martin',
  email: 'Karim.Exemple@Benevole.example',
  phone: '+33 6 00 00 00 01',
  languages: ['fr', 'ar', 'nl'],
  skills: ['digital_help'],
  availability: 'Samedi matin\net mercredi après-midi',
  organisationIds: [] as string[],
  ...over,
});

describe('editing a volunteer', () => {
  it('lets the coordinating organisation change the record and its organisations, audited', async () => {
    const karim = await idOf(KARIM);
    const c = await t.login(LILLE);
    const r = await c.put(`/api/volunteers/${karim}`, edit({ organisationIds: [mouscron.orgId] }));
    expect(r.statusCode, r.body).toBe(200);
    const d = (await c.get(`/api/volunteers/${karim}`)).json() as VolunteerDetail;
    expect(d).toMatchObject({
      name: 'Karim Exemple-Martin',
      email: 'karim.exemple@benevole.example',
      phone: '+33 6 00 00 00 01',
      languages: ['fr', 'ar', 'nl'],
      skills: ['digital_help'],
      availability: 'Samedi matin\net mercredi après-midi',
      organisations: [{ id: mouscron.orgId }],
    });
    expect(await fx.auditCount(lille.orgId, 'update', karim)).toBeGreaterThan(0);
    const audit = await one(sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'volunteer_organisations' and action = 'create' and after ->> 'volunteer_id' = ${karim}`);
    expect(audit.n).toBe(1);
    // Mouscron now reads Karim, but does not edit him; Menen neither reads nor edits.
    const m = await t.login(MOUSCRON);
    expect((await m.get(`/api/volunteers/${karim}`)).statusCode).toBe(200);
    const refused = await m.put(`/api/volunteers/${karim}`, edit({ name: 'Pris par Mouscron' }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('volunteers.registry.errors.not_coordinator');
    const other = await t.login(MENEN);
    expect((await other.put(`/api/volunteers/${karim}`, edit({ name: 'Intrus' }))).statusCode).toBe(404);
    // The whole list: leaving Mouscron out removes it; phone and availability may be cleared.
    const cleared = await c.put(
      `/api/volunteers/${karim}`,
      edit({ phone: null, availability: null, organisationIds: [] }),
    );
    expect(cleared.statusCode).toBe(200);
    const after = (await c.get(`/api/volunteers/${karim}`)).json() as VolunteerDetail;
    expect(after).toMatchObject({ phone: null, availability: null, organisations: [] });
    expect((await m.get(`/api/volunteers/${karim}`)).statusCode).toBe(404);
  });

  it('cannot be done in the database by another organisation', async () => {
    const karim = await idOf(KARIM);
    await fx.asOrg(menen, async (trx) => {
      const u = await sql`update volunteers set name = 'Changed' where id = ${karim}`.execute(trx);
      expect(Number(u.numAffectedRows)).toBe(0);
    });
  });

  it('refuses bad input with a translated 400 and changes nothing', async () => {
    const karim = await idOf(KARIM);
    const c = await t.login(LILLE);
    const before = await one(sql`select * from volunteers where id = ${karim}`);
    const bad = [
      edit({ name: 'Bad\u0000name' }),
      edit({ name: 'Bell\u0007' }),
      edit({ availability: 'Samedi\u001b[2J' }),
      edit({ phone: 'call me' }),
      edit({ email: 'not-an-email' }),
      edit({ languages: [] }),
      edit({ languages: ['klingon'] }),
      edit({ skills: ['juggling'] }),
      edit({ organisationIds: ['not-a-uuid'] }),
      edit({ status: 'active' }),
    ];
    for (const body of bad) {
      const r = await c.put(`/api/volunteers/${karim}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    const blank = await c.put(`/api/volunteers/${karim}`, edit({ name: '   a   ' }));
    expect(blank.json().error).toMatchObject({ code: 'volunteers.work.errors.name_blank' });
    const unknown = await c.put(
      `/api/volunteers/${karim}`,
      edit({ organisationIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknown.json().error).toMatchObject({ code: 'volunteers.registry.errors.unknown_organisation' });
    expect(unknown.json().error.message).toMatch(/organisation/i);
    expect(await one(sql`select * from volunteers where id = ${karim}`)).toEqual(before);
  });

  it('lets the recording organisation remove a training, and no other', async () => {
    const lea = await idOf(LEA);
    const c = await t.login(LILLE);
    const added = await c.post(`/api/volunteers/${lea}/trainings`, {
      title: 'Premiers secours',
      followedOn: '2026-03-01',
    });
    expect(added.statusCode).toBe(201);
    const { id } = added.json() as { id: string };
    expect((await (await t.login(MENEN)).del(`/api/volunteers/${lea}/trainings/${id}`)).statusCode).toBe(404);
    expect((await c.del(`/api/volunteers/${lea}/trainings/${id}`)).statusCode).toBe(200);
    const d = (await c.get(`/api/volunteers/${lea}`)).json() as VolunteerDetail;
    expect(d.trainings.map((x) => x.title)).not.toContain('Premiers secours');
    expect(d.trainings.every((x) => x.canRemove)).toBe(true);
  });
});

/** An event of Menen's (Lille and Mouscron take no part) and Lille's past forum (partners Kortrijk, Mouscron). */
async function events() {
  const lilleForum = await one(sql<{ id: string }>`select id from forum_events
    where org_id = ${lille.orgId} and starts_at < now() order by starts_at limit 1`);
  const menenEvent = await one(sql<{ id: string }>`insert into forum_events (org_id, kind, title_fr, title_nl,
      starts_at, ends_at, venue, languages, capacity, audiences, status, published_at)
    values (${menen.orgId}, 'thematic_forum', 'Rencontre de Menin', 'Ontmoeting Menen',
      '2026-04-10T08:00:00Z', '2026-04-10T11:00:00Z', 'Stadhuis Menen', array['nl'], 20,
      array['volunteers'], 'published', now()) returning id`);
  return { lilleForum: lilleForum.id, menenEvent: menenEvent.id };
}

/** An initiative led by Lille with CPAS Mouscron as partner (migration 0049). */
async function initiative() {
  const i = await one(sql<{ id: string }>`insert into initiatives (org_id, title_fr, title_nl)
    values (${lille.orgId}, 'Jardin partagé transfrontalier', 'Grensoverschrijdende samentuin') returning id`);
  await sql`insert into initiative_partners (initiative_id, partner_org_id, org_id)
    values (${i.id}, ${mouscron.orgId}, ${lille.orgId})`.execute(t.db.engine.db);
  return i.id;
}

describe('assignments to events and initiatives', () => {
  it('assigns to an event the organisation takes part in, shown with its title and in the summary', async () => {
    const lea = await idOf(LEA);
    const { lilleForum, menenEvent } = await events();
    const c = await t.login(LILLE);
    const ok = await c.post(`/api/volunteers/${lea}/assignments`, {
      eventId: lilleForum,
      assignedOn: '2026-04-20',
      hours: 4.5,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const notOurs = await c.post(`/api/volunteers/${lea}/assignments`, {
      eventId: menenEvent,
      assignedOn: '2026-04-10',
      hours: 2,
    });
    expect(notOurs.json().error).toMatchObject({ code: 'volunteers.work.errors.event_not_taking_part' });
    expect(notOurs.json().error.message).toMatch(/n’organise pas cet événement/);
    const d = (await c.get(`/api/volunteers/${lea}`)).json() as VolunteerDetail;
    const a = d.assignments.find((x) => x.eventId === lilleForum)!;
    expect(a.eventTitle).toMatch(/^Forum transfrontalier/);
    expect(d.summary.year).toBe(Number(new Date().toISOString().slice(0, 4)));
    // Mouscron, a partner of the forum, assigns Wim to it.
    const wim = await idOf(WIM);
    const m = await t.login(MOUSCRON);
    const partner = await m.post(`/api/volunteers/${wim}/assignments`, {
      eventId: lilleForum,
      assignedOn: '2026-04-20',
      hours: 3,
    });
    expect(partner.statusCode, partner.body).toBe(201);
  });

  it('assigns to an initiative only an organisation taking part in it (API and database)', async () => {
    const init = await initiative();
    const lea = await idOf(LEA);
    const wim = await idOf(WIM);
    const c = await t.login(LILLE);
    const led = await c.post(`/api/volunteers/${lea}/assignments`, {
      initiativeId: init,
      assignedOn: '2026-05-06',
      hours: 2,
    });
    expect(led.statusCode, led.body).toBe(201);
    // Mouscron is a partner: it assigns Wim.
    const m = await t.login(MOUSCRON);
    expect(
      (
        await m.post(`/api/volunteers/${wim}/assignments`, {
          initiativeId: init,
          assignedOn: '2026-05-06',
          hours: 1,
        })
      ).statusCode,
    ).toBe(201);
    // Menen is not: Wim works with it from now on, but it takes no part in the initiative.
    expect((await m.post(`/api/volunteers/${wim}/organisations`, { orgId: menen.orgId })).statusCode).toBe(
      200,
    );
    const refused = await (await t.login(MENEN)).post(`/api/volunteers/${wim}/assignments`, {
      initiativeId: init,
      assignedOn: '2026-05-06',
      hours: 1,
    });
    expect(refused.json().error).toMatchObject({ code: 'volunteers.work.errors.initiative_not_taking_part' });
    // Kortrijk (Wim works with it) writing straight to the database is refused by the 0049 trigger.
    await expect(
      fx.asOrg(kortrijk, (trx) =>
        sql`insert into volunteer_assignments (volunteer_id, org_id, initiative_id, assigned_on, hours)
          values (${wim}, ${kortrijk.orgId}, ${init}, '2026-05-06', 1)`.execute(trx),
      ),
    ).rejects.toThrow(/initiative_not_partner/);
    const unknown = await c.post(`/api/volunteers/${lea}/assignments`, {
      initiativeId: '00000000-0000-4000-8000-000000000000',
      assignedOn: '2026-05-06',
      hours: 1,
    });
    expect(unknown.json().error).toMatchObject({ code: 'volunteers.work.errors.unknown_initiative' });
    const d = (await c.get(`/api/volunteers/${lea}`)).json() as VolunteerDetail;
    expect(d.assignments.find((x) => x.initiativeId === init)?.initiativeTitle).toBe(
      'Jardin partagé transfrontalier',
    );
  });

  it('takes exactly one target, positive hours within a day, and changes nothing otherwise', async () => {
    const init = await initiative();
    const { lilleForum } = await events();
    const lea = await idOf(LEA);
    const c = await t.login(LILLE);
    const count = async () =>
      (
        await one(sql<{ n: number }>`select count(*)::int as n from volunteer_assignments
        where volunteer_id = ${lea}`)
      ).n;
    const before = await count();
    const day = { assignedOn: '2026-06-15' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...day, hours: 1 }, 'volunteers.registry.errors.event_or_activity'],
      [{ ...day, hours: 1, activityTitle: '   ' }, 'volunteers.registry.errors.event_or_activity'],
      [
        { ...day, hours: 1, eventId: lilleForum, activityTitle: 'Aussi' },
        'volunteers.work.errors.only_one_target',
      ],
      [
        { ...day, hours: 1, eventId: lilleForum, initiativeId: init },
        'volunteers.work.errors.only_one_target',
      ],
      [
        { ...day, hours: 1, initiativeId: init, activityTitle: 'Aussi' },
        'volunteers.work.errors.only_one_target',
      ],
      [{ ...day, hours: 0, activityTitle: 'Zéro' }, 'errors.validation'],
      [{ ...day, hours: -2, activityTitle: 'Négatif' }, 'errors.validation'],
      [{ ...day, hours: 25, activityTitle: 'Trop' }, 'errors.validation'],
      [{ ...day, hours: 1.1, activityTitle: 'Pas un quart' }, 'errors.validation'],
      [{ ...day, hours: 1, activityTitle: 'Bip\u0007' }, 'validation.control_characters'],
    ];
    for (const [body, code] of cases) {
      const r = await c.post(`/api/volunteers/${lea}/assignments`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.json()), JSON.stringify(body)).toContain(code);
    }
    // 20 h, then 4 h the same day (24 h) pass; a further quarter hour does not.
    for (const hours of [20, 4])
      expect(
        (await c.post(`/api/volunteers/${lea}/assignments`, { ...day, hours, activityTitle: 'Nuit' }))
          .statusCode,
      ).toBe(201);
    const over = await c.post(`/api/volunteers/${lea}/assignments`, {
      ...day,
      hours: 0.25,
      activityTitle: 'Nuit',
    });
    expect(over.json().error).toMatchObject({ code: 'volunteers.work.errors.day_overfull' });
    expect(over.json().error.message).toMatch(/24/);
    expect(await count()).toBe(before + 2);
    // The database holds "never both an event and an initiative" too.
    await expect(
      fx.asOrg(lille, (trx) =>
        sql`insert into volunteer_assignments (volunteer_id, org_id, event_id, initiative_id, assigned_on, hours)
          values (${lea}, ${lille.orgId}, ${lilleForum}, ${init}, '2026-06-16', 1)`.execute(trx),
      ),
    ).rejects.toThrow(/volunteer_assignments_one_subject/);
  });

  it('sums this year’s hours per organisation and per event / initiative / activity', async () => {
    const karim = await idOf(KARIM);
    const c = await t.login(LILLE);
    const d = (await c.get(`/api/volunteers/${karim}`)).json() as VolunteerDetail;
    const year = d.summary.year;
    const own = d.assignments.filter((a) => a.assignedOn.startsWith(`${year}-`));
    expect(d.summary.total).toBe(own.reduce((s, a) => s + a.hours, 0));
    if (year === 2026) {
      // The demo: two Saturday workshops of 3 h, one line.
      expect(d.summary.byOrganisation).toEqual([
        { org: expect.objectContaining({ id: lille.orgId }), hours: d.summary.total },
      ]);
      expect(d.summary.byActivity).toContainEqual({
        kind: 'activity',
        id: null,
        title: 'Atelier numérique du samedi',
        hours: 6,
      });
    }
  });
});
