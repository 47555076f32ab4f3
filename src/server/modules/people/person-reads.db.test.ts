import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { referralFixtures } from './referrals/fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };
interface ReadEntry {
  chain: string;
  org_id: string | null;
  entity: string;
  entity_id: string | null;
  actor_user_id: string | null;
  detail: Record<string, unknown> & { ids?: string[] };
}

/**
 * Issue 7, item 8: every read of a person's record is audited, once per request, in the person's HOME
 * organisation's chain (whoever reads), naming the persons shown; a list of N persons is one entry.
 */
describe.skipIf(!available)('reads of persons in the people module are audited once, at home', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Member;
  let roubaix: Member;
  let homeRef: Client;
  let roubaixRef: Client;
  let kortrijkRef: Client;
  let lucie: string;
  let marc: string;

  /** The id of the last audit entry: reads are looked for after it. */
  const mark = async () =>
    Number(
      (await sql<{ n: number }>`select coalesce(max(id), 0) as n from audit.log`.execute(f.db)).rows[0]?.n,
    );
  /** Every "read" entry written since the mark, in any chain (read as the database owner). */
  const readsSince = async (since: number) =>
    (
      await sql<ReadEntry>`select chain, org_id, entity, entity_id, actor_user_id, detail from audit.log
        where id > ${since} and action = 'read' order by id`.execute(f.db)
    ).rows;
  /** Runs the request and expects exactly one read entry, in the home chain, naming exactly these persons. */
  const expectOneRead = async (
    request: () => Promise<{ statusCode: number; body: string }>,
    e: { home: Member; reader: Member; what: string; ids: readonly string[] },
  ) => {
    const since = await mark();
    const r = await request();
    expect(r.statusCode, r.body).toBe(200);
    const reads = await readsSince(since);
    expect(reads, JSON.stringify(reads)).toHaveLength(1);
    const [entry] = reads;
    expect(entry).toMatchObject({
      chain: e.home.orgId,
      org_id: e.home.orgId,
      entity: 'persons',
      actor_user_id: e.reader.userId,
    });
    expect(entry!.detail).toMatchObject({
      what: e.what,
      by_org: e.reader.orgId,
      by_user: e.reader.userId,
      count: e.ids.length,
    });
    expect([...(entry!.detail.ids ?? [])].sort()).toEqual([...e.ids].sort());
    return { response: r, entry: entry! };
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    mouscron = await f.member('referent@cpas-mouscron.example');
    roubaix = await f.member('referent@ccas-roubaix.example');
    await sql`update organisations set email = 'accueil@ccas-roubaix.example' where id = ${roubaix.orgId}`.execute(
      f.db,
    );
    homeRef = await t.login('referent@cpas-mouscron.example');
    roubaixRef = await t.login('referent@ccas-roubaix.example');
    kortrijkRef = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    lucie = await f.createPerson(mouscron, { firstName: 'Lucie', lastName: 'Fictivelle', withPathway: true });
    marc = await f.createPerson(mouscron, { firstName: 'Marc', lastName: 'Fictivelle' });
    // The fixture's national id is a stand-in that the home centre's record could not decrypt.
    await sql`update persons set national_id_enc = null where id in (${lucie}, ${marc})`.execute(f.db);
    for (const id of [lucie, marc]) {
      await f.createConsent(mouscron, id, { categories: ['identity'], recipients: [roubaix.orgId] });
      const r = await homeRef.post(`/api/people/${id}/referrals`, {
        recipientOrgId: roubaix.orgId,
        purpose: 'referral',
        fields: ['identity'],
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('audits a caseload page as one entry naming every person shown, without the search terms', async () => {
    const since = await mark();
    const r = await homeRef.get('/api/people?pageSize=3');
    const shown = r.json().items.map((i: { id: string }) => i.id);
    expect(shown).toHaveLength(3);
    const reads = await readsSince(since);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ chain: mouscron.orgId, entity: 'persons' });
    expect(reads[0]!.detail).toMatchObject({ what: 'caseload', count: 3, by_user: mouscron.userId });
    expect([...(reads[0]!.detail.ids ?? [])].sort()).toEqual([...shown].sort());

    const { entry } = await expectOneRead(
      () => homeRef.get('/api/people?q=Fictivelle&birthDate=1988-04-12'),
      {
        home: mouscron,
        reader: mouscron,
        what: 'caseload',
        ids: [lucie, marc],
      },
    );
    expect(entry.detail.filters).toEqual(['q', 'birthDate']);
    expect(JSON.stringify(entry)).not.toMatch(/Fictivelle|1988-04-12/);
    // Nothing shown, nothing read.
    const none = await mark();
    expect((await homeRef.get('/api/people?q=Personne-Inconnue')).json().items).toEqual([]);
    expect(await readsSince(none)).toEqual([]);
  });

  it('audits the record, its consents, its pathways and the referral preview, once each', async () => {
    const one = { home: mouscron, reader: mouscron, ids: [lucie] };
    const { entry } = await expectOneRead(() => homeRef.get(`/api/people/${lucie}`), {
      ...one,
      what: 'record',
    });
    expect(entry.entity_id).toBe(lucie);
    await expectOneRead(() => homeRef.get(`/api/people/${lucie}/consents`), { ...one, what: 'consents' });
    await expectOneRead(() => homeRef.get(`/api/people/${lucie}/pathways`), { ...one, what: 'pathways' });
    await expectOneRead(() => homeRef.get(`/api/people/${lucie}/referral-preview`), {
      ...one,
      what: 'referral_preview',
    });
    await expectOneRead(
      () =>
        homeRef.get(
          `/api/people/${lucie}/referral-preview?recipientOrgId=${roubaix.orgId}&purpose=referral&fields=identity`,
        ),
      { ...one, what: 'referral_preview' },
    );
  });

  it('audits the possible duplicates a creation check shows', async () => {
    const since = await mark();
    const r = await homeRef.post('/api/people/duplicates', {
      firstName: 'Lucie',
      lastName: 'Fictivelle',
      birthDate: '1988-04-12',
    });
    expect(r.statusCode, r.body).toBe(200);
    const shown = r.json().duplicates.map((d: { id: string }) => d.id);
    expect(shown).toContain(lucie);
    const reads = await readsSince(since);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ chain: mouscron.orgId, actor_user_id: mouscron.userId });
    expect(reads[0]!.detail).toMatchObject({ what: 'duplicate_check', count: shown.length });
    expect([...(reads[0]!.detail.ids ?? [])].sort()).toEqual([...shown].sort());
  });

  it('leaves no read behind when the person is another organisation’s', async () => {
    const since = await mark();
    for (const url of [
      `/api/people/${lucie}`,
      `/api/people/${lucie}/consents`,
      `/api/people/${lucie}/pathways`,
    ])
      expect((await kortrijkRef.get(url)).statusCode).toBe(404);
    expect((await kortrijkRef.get(`/api/people/${lucie}/referral-preview`)).statusCode).toBe(404);
    expect(await readsSince(since)).toEqual([]);
  });

  it('audits the sender’s referrals list as one entry, and one referral as one', async () => {
    const since = await mark();
    const r = await homeRef.get('/api/referrals?box=outbox&pageSize=50');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as Array<{ id: string; person: { id: string } | null }>;
    const shown = [...new Set(items.flatMap((i) => (i.person ? [i.person.id] : [])))];
    expect(shown).toEqual(expect.arrayContaining([lucie, marc]));
    const reads = await readsSince(since);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ chain: mouscron.orgId, actor_user_id: mouscron.userId });
    expect(reads[0]!.detail).toMatchObject({ what: 'referrals', box: 'outbox', count: shown.length });
    expect([...(reads[0]!.detail.ids ?? [])].sort()).toEqual(shown.sort());
    const first = items.find((i) => i.person?.id === lucie)!;
    await expectOneRead(() => homeRef.get(`/api/referrals/${first.id}`), {
      home: mouscron,
      reader: mouscron,
      what: 'referrals',
      ids: [lucie],
    });
  });

  it('audits the received referrals and the shared persons as one entry per list, in the home chain', async () => {
    type Item = {
      id: string;
      person?: { id: string } | null;
      sender?: { id: string };
      homeOrg?: { id: string };
    };
    for (const url of ['/api/referrals?box=inbox&pageSize=50', '/api/shared/people?pageSize=50']) {
      const since = await mark();
      const r = await roubaixRef.get(url);
      expect(r.statusCode, r.body).toBe(200);
      // Who each row shows, by the person's home organisation.
      const shown = new Map<string, Set<string>>();
      for (const i of r.json().items as Item[]) {
        const person = 'person' in i ? i.person?.id : i.id;
        const homeOrg = i.sender?.id ?? i.homeOrg?.id;
        if (person && homeOrg) shown.set(homeOrg, (shown.get(homeOrg) ?? new Set()).add(person));
      }
      expect([...(shown.get(mouscron.orgId) ?? [])], url).toEqual(expect.arrayContaining([lucie, marc]));
      const reads = await readsSince(since);
      // One entry per home organisation whose persons the page shows, naming them all.
      expect(reads.map((e) => e.chain).sort(), `${url}: ${JSON.stringify(reads)}`).toEqual(
        [...shown.keys()].sort(),
      );
      for (const e of reads) {
        expect(e).toMatchObject({ entity: 'persons', actor_user_id: roubaix.userId });
        expect([...(e.detail.ids ?? [])].sort()).toEqual([...(shown.get(e.chain) ?? [])].sort());
      }
    }
  });

  it('audits one shared person read by the recipient once, in the home chain', async () => {
    const since = await mark();
    expect((await roubaixRef.get(`/api/shared/people/${lucie}`)).statusCode).toBe(200);
    const reads = await readsSince(since);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      chain: mouscron.orgId,
      entity_id: lucie,
      actor_user_id: roubaix.userId,
    });
  });
});
