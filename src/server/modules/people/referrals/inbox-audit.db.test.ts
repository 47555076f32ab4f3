import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from './fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };
interface ReadEntry {
  chain: string;
  entity: string;
  entity_id: string | null;
  actor_user_id: string | null;
  detail: { what?: string; box?: string; page?: number; count?: number; ids?: string[]; by_org?: string };
}
type Item = { id: string; status: string; sender: { id: string }; person: { id: string } | null };

/**
 * Issue 15: a page of received referrals is one audited read naming the persons shown and the list, not
 * one entry per person; persons the page does not show (another recipient's, a declined referral's,
 * another organisation's) are never named. The entry stays in the home organisation's chain, so a page
 * mixing senders gives one entry per sender.
 */
describe.skipIf(!available)('the received-referral list is audited as one read naming its persons', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Member;
  let roubaix: Member;
  let kortrijk: Member;
  let homeRef: Client;
  let roubaixRef: Client;
  let kortrijkRef: Client;
  const received: string[] = [];
  let elsewhere: string;
  let declined: string;

  const mark = async () =>
    Number(
      (await sql<{ n: number }>`select coalesce(max(id), 0) as n from audit.log`.execute(f.db)).rows[0]?.n,
    );
  const readsSince = async (since: number) =>
    (
      await sql<ReadEntry>`select chain, entity, entity_id, actor_user_id, detail from audit.log
        where id > ${since} and action = 'read' order by id`.execute(f.db)
    ).rows;
  const refer = async (from: Client, personId: string, to: string) => {
    const r = await from.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: to,
      purpose: 'referral',
      fields: ['identity'],
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const inbox = async () => {
    const r = await roubaixRef.get('/api/referrals?box=inbox&pageSize=50');
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items as Item[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    mouscron = await f.member('referent@cpas-mouscron.example');
    roubaix = await f.member('referent@ccas-roubaix.example');
    kortrijk = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    homeRef = await t.login('referent@cpas-mouscron.example');
    roubaixRef = await t.login('referent@ccas-roubaix.example');
    kortrijkRef = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    const person = async (firstName: string, recipients: string[]) => {
      const id = await f.createPerson(mouscron, { firstName, lastName: 'Fictive-Desmet' });
      await f.createConsent(mouscron, id, { categories: ['identity'], recipients });
      return id;
    };
    for (const name of ['Léa', 'Noé', 'Inès']) {
      const id = await person(name, [roubaix.orgId]);
      await refer(homeRef, id, roubaix.orgId);
      received.push(id);
    }
    // Referred to another recipient: Roubaix's list never names this person.
    elsewhere = await person('Hugo', [kortrijk.orgId]);
    await refer(homeRef, elsewhere, kortrijk.orgId);
    // Received, then declined: the grant ends, so the list shows the referral without the person.
    declined = await person('Zoé', [roubaix.orgId]);
    const refusal = await roubaixRef.post(
      `/api/referrals/${await refer(homeRef, declined, roubaix.orgId)}/decline`,
      {
        reason: 'Plus de place cette saison',
      },
    );
    expect(refusal.statusCode, refusal.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('writes exactly one entry for N received referrals, naming the N persons and the list', async () => {
    const since = await mark();
    const items = await inbox();
    const shown = [...new Set(items.flatMap((i) => (i.person ? [i.person.id] : [])))];
    expect(shown).toEqual(expect.arrayContaining(received));
    expect(items.every((i) => i.sender.id === mouscron.orgId)).toBe(true);
    expect(items.some((i) => i.status === 'declined' && i.person === null)).toBe(true);
    const reads = await readsSince(since);
    expect(reads, JSON.stringify(reads)).toHaveLength(1);
    const [entry] = reads;
    expect(entry).toMatchObject({
      chain: mouscron.orgId,
      entity: 'persons',
      entity_id: null,
      actor_user_id: roubaix.userId,
    });
    expect(entry!.detail).toMatchObject({
      what: 'referrals',
      box: 'inbox',
      page: 1,
      count: shown.length,
      by_org: roubaix.orgId,
    });
    expect([...(entry!.detail.ids ?? [])].sort()).toEqual([...shown].sort());
    expect(entry!.detail.ids).not.toContain(elsewhere);
    expect(entry!.detail.ids).not.toContain(declined);
  });

  it('never names a person the page does not show, and never writes one entry per person', async () => {
    // A second sender: its person is read in its own (home) chain, Mouscron's entry stays Mouscron's.
    const kortrijkPerson = await f.createPerson(kortrijk, { firstName: 'Mila', lastName: 'Fictive-Peeters' });
    await f.createConsent(kortrijk, kortrijkPerson, {
      categories: ['identity'],
      recipients: [roubaix.orgId],
    });
    await refer(kortrijkRef, kortrijkPerson, roubaix.orgId);
    const since = await mark();
    const items = await inbox();
    const bySender = new Map<string, string[]>();
    for (const i of items)
      if (i.person) bySender.set(i.sender.id, [...(bySender.get(i.sender.id) ?? []), i.person.id]);
    const reads = await readsSince(since);
    expect(reads.map((e) => e.chain).sort()).toEqual([kortrijk.orgId, mouscron.orgId].sort());
    for (const e of reads) {
      expect(e.detail).toMatchObject({ what: 'referrals', box: 'inbox', by_org: roubaix.orgId });
      expect([...(e.detail.ids ?? [])].sort()).toEqual([...(bySender.get(e.chain) ?? [])].sort());
    }
    const named = reads.flatMap((e) => e.detail.ids ?? []);
    expect(named).toEqual(expect.arrayContaining([...received, kortrijkPerson]));
    expect(named).not.toContain(elsewhere);
    expect(named).not.toContain(declined);
    expect(reads.length).toBeLessThan(named.length);
  });
});
