import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { rotateKeys, sealPending } from '../../../platform/keys/rotation';
import { referralFixtures } from '../referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * ADR 0039, migration 0074: a pathway note is sealed with its home organisation's key. The home reads its
 * notes; a partner holding a grant of the 'pathway' group reads the notes that are not confidential, with
 * the key released for those persons only (app.persons_keys); anyone else gets no key. No note text in the
 * audit log; clear rows written before are sealed at start, a restricted person's included.
 */
describe.skipIf(!available)('sealed pathway notes', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let home: Client;
  let partner: Client;
  let outsider: Client;
  let personId: string;
  let pathwayId: string;
  const owner = () => t.db.engine.db;
  const one = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(owner())).rows[0]!;
  const NOTE = 'Dettes de loyer évoquées ; rendez-vous au service de médiation de dettes';

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    const mouscron = await f.member('referent@cpas-mouscron.example');
    const roubaix = await f.member('referent@ccas-roubaix.example');
    home = await t.login('referent@cpas-mouscron.example');
    partner = await t.login('referent@ccas-roubaix.example');
    outsider = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    personId = await f.createPerson(mouscron, { firstName: 'Nadia', lastName: 'Scellée', withPathway: true });
    pathwayId = (await one<{ id: string }>(sql`select id from pathways where person_id = ${personId}`)).id;
    await f.createConsent(mouscron, personId, {
      categories: ['identity', 'pathway'],
      recipients: [roubaix.orgId],
    });
    const r = await home.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity', 'pathway'],
    });
    expect(r.statusCode, r.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('stores ciphertext only (demo notes included) and keeps the text out of the audit log', async () => {
    const written = await home.post(`/api/pathways/${pathwayId}/notes`, {
      notedOn: new Date().toISOString().slice(0, 10),
      body: NOTE,
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json().notes.map((n: { body: string }) => n.body)).toContain(NOTE);
    const counts = await one<{ clear: number; sealed: number }>(sql`select
      count(*) filter (where body not like 'v2.%')::int as clear,
      count(*) filter (where body like 'v2.1.%')::int as sealed from pathway_notes`);
    expect(counts.clear).toBe(0);
    expect(counts.sealed).toBeGreaterThan(10);
    const logged = await one<{ n: number }>(sql`select count(*)::int as n from audit.log
      where entity = 'pathway_notes' and (detail::text like '%médiation de dettes%'
        or detail::text like '%v2.1.%')`);
    expect(logged.n).toBe(0);
  });

  it('opens the notes for the home, and the shared ones for the partner, in the page and the list', async () => {
    const own = await home.get(`/api/pathways/${pathwayId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().notes.map((n: { body: string }) => n.body)).toEqual(
      expect.arrayContaining([NOTE, 'Entretien de suivi ordinaire', 'CONFIDENTIAL-NOTE-TEXT']),
    );
    const shared = await partner.get(`/api/shared/people/${personId}`);
    expect(shared.statusCode, shared.body).toBe(200);
    const notes = shared.json().pathways[0].notes.map((n: { body: string }) => n.body);
    expect(notes).toEqual(expect.arrayContaining([NOTE, 'Entretien de suivi ordinaire']));
    expect(shared.body).not.toMatch(/CONFIDENTIAL-NOTE|v2\.1\./);
    const list = await partner.get('/api/shared/people');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === personId);
    expect(item.pathways[0].notes.map((n: { body: string }) => n.body)).toContain(NOTE);
    expect(list.body).not.toMatch(/v2\.1\./);
  });

  it('releases the keys to the home and the pathway grantee only', async () => {
    const orgOf = async (email: string) => f.member(email);
    const keys = async (email: string, ids: string[]) =>
      f.asOrg(await orgOf(email), async (trx) =>
        (
          await sql<{ org_id: string }>`select org_id from app.persons_keys(${ids}::uuid[])`.execute(trx)
        ).rows.map((r) => r.org_id),
      );
    const mouscron = (await orgOf('referent@cpas-mouscron.example')).orgId;
    expect(new Set(await keys('referent@cpas-mouscron.example', [personId]))).toEqual(new Set([mouscron]));
    expect(new Set(await keys('referent@ccas-roubaix.example', [personId]))).toEqual(new Set([mouscron]));
    expect(await keys('trajectbegeleider@ocmw-kortrijk.example', [personId])).toEqual([]);
    // Another Mouscron person, not shared with Roubaix: nothing.
    const other = await one<{ id: string }>(sql`select p.id from persons p where p.org_id = ${mouscron}
      and p.id <> ${personId} and not exists (select 1 from person_grants g where g.person_id = p.id) limit 1`);
    expect(await keys('referent@ccas-roubaix.example', [other.id])).toEqual([]);
    expect((await outsider.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
  });

  it('seals at start what was written before, for a restricted person too, and refuses a user’s write', async () => {
    // The referral fixture's persons carry a made-up national-id ciphertext (to prove it never leaks); no
    // key opens it, so the re-encryption would stop on it.
    await sql`update persons set national_id_enc = null, national_id_bidx = null
      where national_id_enc like 'v1.SECRET-%'`.execute(owner());
    await sql`alter table pathway_notes drop constraint pathway_notes_body_sealed`.execute(owner());
    try {
      const note = await one<{ id: string }>(sql`select id from pathway_notes where pathway_id = ${pathwayId}
        and not confidential order by noted_on limit 1`);
      await sql`update pathway_notes set body = 'Note écrite avant le scellement' where id = ${note.id}`.execute(
        owner(),
      );
      await sql`update persons set restricted_at = now(), restriction_reason = 'Contestation (test)'
        where id = ${personId}`.execute(owner());
      const report = await sealPending(ownerSession(t), t.deps.secrets);
      expect(report.resealed['pathway_notes.body']).toBe(1);
    } finally {
      await sql`alter table pathway_notes add constraint pathway_notes_body_sealed
        check (body like 'v2.%') not valid`.execute(owner());
    }
    const refused = await home.post(`/api/pathways/${pathwayId}/notes`, {
      notedOn: new Date().toISOString().slice(0, 10),
      body: 'Pendant la limitation',
    });
    expect(refused.statusCode).toBe(409);
    await sql`update persons set restricted_at = null, restriction_reason = null where id = ${personId}`.execute(
      owner(),
    );
    const page = await home.get(`/api/pathways/${pathwayId}`);
    expect(page.json().notes.map((n: { body: string }) => n.body)).toContain(
      'Note écrite avant le scellement',
    );
  });

  it('rotates the keys of a restricted person’s national identifier, which nobody may otherwise change', async () => {
    const created = await home.post('/api/people', {
      firstName: 'Ysaline',
      lastName: 'Limitée',
      birthDate: '1985-07-30',
      nationalId: '85.07.30-033.28',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().person.id as string;
    await sql`update persons set restricted_at = now(), restriction_reason = 'Contestation (test)'
      where id = ${id}`.execute(owner());
    const report = await rotateKeys(ownerSession(t), t.deps.secrets, { orgKeys: true });
    expect(report.resealed['persons.national_id_enc']).toBeGreaterThanOrEqual(1);
    const row = await one<{ enc: string }>(sql`select national_id_enc as enc from persons where id = ${id}`);
    expect(row.enc).toMatch(/^v2\.2\./);
    // A user still cannot change the restricted record.
    const changed = await home.patch(`/api/people/${id}`, { nationalId: null });
    expect([409, 423]).toContain(changed.statusCode);
    expect(
      (await one<{ enc: string }>(sql`select national_id_enc as enc from persons where id = ${id}`)).enc,
    ).toBe(row.enc);
  });
});
