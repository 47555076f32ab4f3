import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { Clock } from '../../../../common/kernel/clock';
import type { PlacementPage } from '../../../../common/placements/agreement-schemas';
import { HOST_ACCESS_GRACE_DAYS, hostAccessEnd } from '../../../../common/placements/followup-rules';
import type { AttendanceWeekView, FollowUpView } from '../../../../common/placements/followup-schemas';
import { withContext } from '../../../platform/db/context';
import { agreementFixtures } from '../agreements/fixtures.testing';
import { followUpFixtures } from './fixtures.testing';

const available = await engineAvailable();

/**
 * Issue 9, items 13 and 14, on both engines: the host's tutor sees the trainee's name where the grant
 * carries the identity group (and only the participant code otherwise), and the host's access ends by rule
 * at the placement's end plus the grace, whatever the consent says and whether or not anyone closes it.
 */
describe.skipIf(!available)('what the host sees of the trainee, and until when', () => {
  let t: TestApp;
  let f: ReturnType<typeof followUpFixtures>;
  type Member = Awaited<ReturnType<typeof f.member>>;
  let home: Member;
  let host: Member;
  let tutor: Client;
  // The app's day moves with the test; sessions keep the real time.
  let day = '2026-11-20';
  const clock: Clock = { now: () => new Date(), today: () => day };
  const period = { startsOn: '2026-09-01', endsOn: '2027-02-05' };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = followUpFixtures(t);
    home = await f.member('referent@cpas-mouscron.example');
    host = await f.member('tuteur@atelier-roubaix.example');
    tutor = await t.login('tuteur@atelier-roubaix.example');
  });
  afterAll(async () => t?.close());

  const grantOf = async (placementId: string) =>
    (
      await sql<{ expires_on: string | null; revoked_at: Date | null }>`select expires_on::text as expires_on,
        revoked_at from person_grants where source = 'placement' and source_id = ${placementId}::uuid`.execute(
        f.db,
      )
    ).rows[0]!;
  const hostList = async () => {
    const r = await tutor.get('/api/placements?side=host&pageSize=50');
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as PlacementPage;
  };
  const followUp = async (id: string) => {
    const r = await tutor.get(`/api/placements/${id}/follow-up`);
    expect(r.statusCode, r.body).toBe(200);
    return { view: r.json() as FollowUpView, body: r.body };
  };
  const sheet = async (id: string) => {
    const r = await tutor.get(`/api/placements/${id}/attendance?week=2026-11-16`);
    expect(r.statusCode, r.body).toBe(200);
    return { view: r.json() as AttendanceWeekView, body: r.body };
  };
  /** The person as the host's database context sees them on a given day (app.shared_person audits). */
  const sharedAsHost = (personId: string, today: string) =>
    withContext(f.db, { userId: host.userId, orgId: host.orgId, today }, async (trx) => {
      const r = await sql<{ p: unknown }>`select app.shared_person(${personId}::uuid) as p`.execute(trx);
      return r.rows[0]?.p ?? null;
    });

  it('names the trainee to the tutor when identity is granted: agreements list, attendance sheet, follow-up', async () => {
    const { id } = await f.createAgreement(home, host, { tutorUserId: host.userId, ...period });
    const item = (await hostList()).items.find((i) => i.id === id);
    expect(item).toMatchObject({ side: 'host', personName: 'Nora Fictive' });
    expect(item?.participantCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const s = await sheet(id);
    expect(s.view.person).toEqual({ name: 'Nora Fictive', participantCode: item?.participantCode });
    const fu = await followUp(id);
    expect(fu.view.person).toEqual({ name: 'Nora Fictive', participantCode: item?.participantCode });
    // The read of the name is audited in the home centre's chain, naming the identity group.
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where chain = ${home.orgId} and action = 'read' and detail ->> 'what' = 'placement_attendance'
        and detail -> 'fields' @> '["identity"]'::jsonb`.execute(f.db);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThan(0);
    // The host sees no more of the person than the grant: no birth date, no contact.
    expect(fu.body).not.toMatch(/1988-04-12|fictif\.example/);
  });

  it('shows the participant code only, never the name, when identity is not granted', async () => {
    const { id } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      fields: ['languages'],
      ...period,
    });
    const item = (await hostList()).items.find((i) => i.id === id);
    expect(item?.personName).toBeNull();
    expect(item?.participantCode).toBeTruthy();
    const s = await sheet(id);
    expect(s.view.person).toEqual({ name: null, participantCode: item?.participantCode });
    const fu = await followUp(id);
    expect(fu.view.person).toEqual({ name: null, participantCode: item?.participantCode });
    for (const body of [s.body, fu.body]) expect(body).not.toMatch(/Nora|Fictive/);
    // The database function itself answers no name to the host, but does to the home centre.
    const names = (m: Member) =>
      withContext(
        f.db,
        { userId: m.userId, orgId: m.orgId, today: day },
        async (trx) =>
          (await sql`select * from app.placement_person_names(${[id]}::uuid[])`.execute(trx)).rows.length,
      );
    expect(await names(host)).toBe(0);
    expect(await names(home)).toBe(1);
  });

  it(`ends the host's access ${HOST_ACCESS_GRACE_DAYS} days after the end, by rule, though the consent runs on`, async () => {
    const { id, personId } = await f.createAgreement(home, host, { tutorUserId: host.userId, ...period });
    const last = hostAccessEnd(period);
    expect(last).toBe('2027-03-07');
    expect((await grantOf(id)).expires_on).toBe(last);

    // The last day of the grace: the tutor still sees the trainee, and the list says until when.
    day = last;
    const list = (await tutor.get('/api/shared/people?pageSize=100')).json() as {
      items: Array<{ id: string; grantedUntil: string | null; firstName?: string }>;
    };
    expect(list.items.find((p) => p.id === personId)).toMatchObject({
      grantedUntil: last,
      firstName: 'Nora',
    });
    expect((await followUp(id)).view.person.name).toBe('Nora Fictive');
    expect(await sharedAsHost(personId, last)).not.toBeNull();

    // The day after: nothing, though nobody closed the placement and the consent has no end.
    day = '2027-03-08';
    const after = (await tutor.get('/api/shared/people?pageSize=100')).json() as {
      items: Array<{ id: string }>;
    };
    expect(after.items.map((p) => p.id)).not.toContain(personId);
    expect((await tutor.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
    expect((await hostList()).items.find((i) => i.id === id)?.personName).toBeNull();
    const fu = await followUp(id);
    expect(fu.view.person.name).toBeNull();
    expect(fu.body).not.toMatch(/Nora|Fictive/);
    expect(await sharedAsHost(personId, '2027-03-08')).toBeNull();
    day = '2026-11-20';
  });

  it('moves the end with the placement’s dates and its interruption, and no one lengthens it by hand', async () => {
    const { id } = await f.createAgreement(home, host, { tutorUserId: host.userId, ...period });
    const asHome = (q: ReturnType<typeof sql>) => f.asOrg(home, (trx) => q.execute(trx));
    await asHome(sql`update placements set ends_on = '2027-01-15' where id = ${id}::uuid`);
    expect((await grantOf(id)).expires_on).toBe('2027-02-14');
    await asHome(sql`update placements set ends_on = '2027-03-31' where id = ${id}::uuid`);
    expect((await grantOf(id)).expires_on).toBe('2027-04-30');
    // A hand-written expiry is recomputed from the placement.
    await asHome(sql`update person_grants set expires_on = '2030-01-01'
      where source = 'placement' and source_id = ${id}::uuid`);
    expect((await grantOf(id)).expires_on).toBe('2027-04-30');
    // The interruption day counts, not the planned end.
    await asHome(sql`update placements set ended_on = '2026-12-01' where id = ${id}::uuid`);
    expect((await grantOf(id)).expires_on).toBe('2026-12-31');
    // The host interrupting it: the grant ends at once (closing the placement revokes it).
    await withContext(f.db, { userId: host.userId, orgId: host.orgId, today: day }, (trx) =>
      sql`update placements set status = 'interrupted', ended_on = '2026-11-19' where id = ${id}::uuid`.execute(
        trx,
      ),
    );
    expect((await grantOf(id)).revoked_at).not.toBeNull();
  });

  it('never outlives the consent when the consent ends first', async () => {
    const { id } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      consentExpiresOn: '2027-01-31',
      ...period,
    });
    expect((await grantOf(id)).expires_on).toBe('2027-01-31');
  });

  it('is set when the referent drafts an agreement through the API', async () => {
    const a = await agreementFixtures(t);
    const referent = await t.login('referent@cpas-mouscron.example');
    const personId = await a.person('Iris');
    const r = await referent.post('/api/placements', {
      personId,
      hostOrgId: host.orgId,
      siteName: 'Atelier du Pile',
      municipalityCode: 'FR-59512',
      startsOn: '2026-12-07',
      endsOn: '2027-03-05',
      sharedFields: ['identity', 'languages'],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await grantOf(r.json().id)).expires_on).toBe(hostAccessEnd({ endsOn: '2027-03-05' }));
  });

  it('counts the same grace in SQL as in the web', async () => {
    const r = await sql<{ d: number }>`select app.placement_host_access_grace_days() as d`.execute(f.db);
    expect(Number(r.rows[0]?.d)).toBe(HOST_ACCESS_GRACE_DAYS);
  });
});
