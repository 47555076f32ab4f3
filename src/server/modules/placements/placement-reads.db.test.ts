import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { followUpFixtures } from './followup/fixtures.testing';

const available = await engineAvailable();

interface ReadEntry {
  chain: string;
  entity: string;
  entity_id: string | null;
  actor_user_id: string | null;
  detail: Record<string, unknown> & { ids?: string[] };
}

/** The persons an entry names: a list's ids, or the one person of a shared read. */
const named = (e: ReadEntry) => [...(e.detail.ids ?? (e.entity_id ? [e.entity_id] : []))].sort();

/**
 * Issue 7, item 8: an agreement names its person (read by the home centre AND the host), its follow-up
 * reads the person's benefit for the stays-abroad alert: each request is one audited read in the person's
 * home chain, and a list of agreements one entry per home organisation, not one per row.
 */
describe.skipIf(!available)('reads of persons through placements are audited once, at home', () => {
  let t: TestApp;
  let f: ReturnType<typeof followUpFixtures>;
  type Member = Awaited<ReturnType<typeof f.member>>;
  let home: Member;
  let host: Member;
  let homeRef: Client;
  let tutor: Client;
  const a: Array<{ id: string; personId: string }> = [];

  const mark = async () =>
    Number(
      (await sql<{ n: number }>`select coalesce(max(id), 0) as n from audit.log`.execute(f.db)).rows[0]?.n,
    );
  const readsSince = async (since: number) =>
    (
      await sql<ReadEntry>`select chain, entity, entity_id, actor_user_id, detail from audit.log
        where id > ${since} and action = 'read' order by id`.execute(f.db)
    ).rows;
  /** Runs the request; returns its answer and the read entries it wrote. */
  const reading = async (request: () => Promise<LightMyRequestResponse>) => {
    const since = await mark();
    const response = await request();
    expect(response.statusCode, response.body).toBe(200);
    return { response, reads: await readsSince(since) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = followUpFixtures(t);
    home = await f.member('referent@cpas-mouscron.example');
    host = await f.member('tuteur@atelier-roubaix.example');
    const today = f.today();
    a.push(
      await f.createAgreement(home, host, {
        tutorUserId: host.userId,
        benefit: 'leefloon',
        ...f.runningPeriod(today),
      }),
    );
    a.push(await f.createAgreement(home, host, { tutorUserId: host.userId, ...f.runningPeriod(today) }));
    // An ended agreement: the host sees the participant code at most, without app.shared_person.
    const ended = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      ...f.runningPeriod(today),
    });
    await f.setStatus(home, ended.id, 'completed', today);
    a.push(ended);
    homeRef = await t.login('referent@cpas-mouscron.example');
    tutor = await t.login('tuteur@atelier-roubaix.example');
  });
  afterAll(async () => t?.close());

  it('audits an agreement as one read in the home chain, whichever side reads it', async () => {
    const [first, , ended] = a as [(typeof a)[0], (typeof a)[0], (typeof a)[0]];
    const byHome = await reading(() => homeRef.get(`/api/placements/${first.id}`));
    expect(byHome.response.json().personName).toBe('Nora Fictive');
    expect(byHome.reads).toHaveLength(1);
    expect(byHome.reads[0]).toMatchObject({
      chain: home.orgId,
      entity: 'persons',
      actor_user_id: home.userId,
    });
    expect(byHome.reads[0]!.detail).toMatchObject({ what: 'placement', placementId: first.id, side: 'home' });
    expect(named(byHome.reads[0]!)).toEqual([first.personId]);

    const byHost = await reading(() => tutor.get(`/api/placements/${first.id}`));
    expect(byHost.response.json().personName).toBe('Nora Fictive');
    expect(byHost.reads, JSON.stringify(byHost.reads)).toHaveLength(1);
    expect(byHost.reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: host.userId });
    expect(byHost.reads[0]!.detail).toMatchObject({ by_org: host.orgId });
    expect(named(byHost.reads[0]!)).toEqual([first.personId]);

    const endedByHost = await reading(() => tutor.get(`/api/placements/${ended.id}`));
    expect(endedByHost.response.json().personName).toBeNull();
    expect(endedByHost.reads).toHaveLength(1);
    expect(endedByHost.reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: host.userId });
    expect(endedByHost.reads[0]!.detail).toMatchObject({
      what: 'placement',
      side: 'host',
      by_org: host.orgId,
    });
  });

  it('audits the follow-up once, with the benefit read for the stays-abroad alert at home', async () => {
    const [first] = a;
    const byHome = await reading(() => homeRef.get(`/api/placements/${first!.id}/follow-up`));
    expect(byHome.reads).toHaveLength(1);
    expect(byHome.reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: home.userId });
    expect(byHome.reads[0]!.detail).toMatchObject({
      what: 'placement_follow_up',
      side: 'home',
      // The name shown on the follow-up (issue 9 #13), and the benefit.
      fields: ['identity', 'benefit'],
      ids: [first!.personId],
    });
    const byHost = await reading(() => tutor.get(`/api/placements/${first!.id}/follow-up`));
    expect(byHost.reads).toHaveLength(1);
    expect(byHost.reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: host.userId });
    expect(byHost.reads[0]!.detail).toMatchObject({
      what: 'placement_follow_up',
      side: 'host',
      by_org: host.orgId,
    });
    // The host reads the name only, as its grant's identity group allows.
    expect(byHost.reads[0]!.detail).toMatchObject({ fields: ['identity'] });
    const week = await reading(() => tutor.get(`/api/placements/${first!.id}/attendance`));
    expect(week.reads).toHaveLength(1);
    expect(week.reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: host.userId });
    expect(week.reads[0]!.detail).toMatchObject({ what: 'placement_attendance', ids: [first!.personId] });
  });

  it('audits a list of agreements as one entry per home organisation, not one per row', async () => {
    for (const [client, reader] of [
      [homeRef, home],
      [tutor, host],
    ] as const) {
      const { response, reads } = await reading(() => client.get('/api/placements?pageSize=50'));
      const items = response.json().items as Array<{ personId: string; homeOrg: { id: string } }>;
      for (const x of a) expect(items.map((i) => i.personId)).toContain(x.personId);
      const chains = [...new Set(items.map((i) => i.homeOrg.id))].sort();
      expect(reads.map((r) => r.chain).sort()).toEqual(chains);
      for (const r of reads) {
        expect(r).toMatchObject({ entity: 'persons', actor_user_id: reader.userId });
        expect(r.detail).toMatchObject({ what: 'placements', by_org: reader.orgId });
        const shown = items.filter((i) => i.homeOrg.id === r.chain).map((i) => i.personId);
        expect(named(r)).toEqual([...new Set(shown)].sort());
      }
    }
  });

  it('audits the agreement PDF as one read of the person at home (besides the export)', async () => {
    const [first] = a;
    for (const [client, reader] of [
      [homeRef, home],
      [tutor, host],
    ] as const) {
      const { reads } = await reading(() => client.download(`/api/placements/${first!.id}/agreement.pdf`));
      expect(reads, JSON.stringify(reads)).toHaveLength(1);
      expect(reads[0]).toMatchObject({ chain: home.orgId, actor_user_id: reader.userId });
      expect(named(reads[0]!)).toEqual([first!.personId]);
    }
  });

  it('names no person on the dashboard: no read to audit', async () => {
    const { reads } = await reading(() => homeRef.get('/api/dashboard'));
    expect(reads).toEqual([]);
  });
});
