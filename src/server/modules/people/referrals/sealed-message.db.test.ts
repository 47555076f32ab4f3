import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { sealPending } from '../../../platform/keys/rotation';

const available = await engineAvailable();

const DEMO = 'Personne motivée pour un chantier à Roubaix ; disponible dès le mois prochain.';

/**
 * Migration 0075: a referral's message is sealed with the sender's key; the recipient opens it with the key
 * app.referral_keys() releases for the referrals addressed to it; nobody else gets a key. No message text in
 * the audit log; clear messages written before are sealed at start, through the guard that keeps a referral
 * as its sender wrote it.
 */
describe.skipIf(!available)('sealed referral messages', () => {
  let t: TestApp;
  let sender: Client;
  let recipient: Client;
  let outsider: Client;
  let referralId: string;
  const owner = () => t.db.engine.db;
  const one = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(owner())).rows[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    sender = await t.login('referent@cpas-mouscron.example');
    recipient = await t.login('referent@ccas-roubaix.example');
    outsider = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    referralId = (await one<{ id: string }>(sql`select id from referrals where message is not null limit 1`))
      .id;
  });
  afterAll(async () => t?.close());

  it('stores the demo message sealed and opens it for the sender and the recipient, in the page and the box', async () => {
    const stored = await one<{ message: string }>(
      sql`select message from referrals where id = ${referralId}`,
    );
    expect(stored.message).toMatch(/^v2\.1\./);
    for (const c of [sender, recipient]) {
      const r = await c.get(`/api/referrals/${referralId}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().message).toBe(DEMO);
    }
    const inbox = await recipient.get('/api/referrals?box=inbox');
    expect(inbox.json().items.find((i: { id: string }) => i.id === referralId)?.message).toBe(DEMO);
    const outbox = await sender.get('/api/referrals?box=outbox');
    expect(outbox.json().items.find((i: { id: string }) => i.id === referralId)?.message).toBe(DEMO);
    expect(outbox.body).not.toMatch(/v2\.1\./);
  });

  it('releases the sender’s key to the two parties only', async () => {
    const keys = async (email: string) => {
      const m = await one<{ user: string; org: string }>(sql`select u.id as user, m.org_id as org from users u
        join memberships m on m.user_id = u.id where u.email = ${email}`);
      return withContext(t.deps.db, { userId: m.user, orgId: m.org }, async (trx) =>
        (
          await sql<{
            org_id: string;
          }>`select org_id from app.referral_keys(${[referralId]}::uuid[])`.execute(trx)
        ).rows.map((r) => r.org_id),
      );
    };
    const senderOrg = (
      await one<{ org_id: string }>(sql`select org_id from referrals where id = ${referralId}`)
    ).org_id;
    expect(new Set(await keys('referent@ccas-roubaix.example'))).toEqual(new Set([senderOrg]));
    expect(new Set(await keys('referent@cpas-mouscron.example'))).toEqual(new Set([senderOrg]));
    expect(await keys('trajectbegeleider@ocmw-kortrijk.example')).toEqual([]);
    expect((await outsider.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
  });

  it('keeps the message out of the audit log, and seals at start what was written before', async () => {
    const logged = await one<{ n: number }>(sql`select count(*)::int as n from audit.log
      where entity = 'referrals' and (detail::text like '%chantier à Roubaix%' or detail::text like '%v2.1.%')`);
    expect(logged.n).toBe(0);
    await sql`alter table referrals drop constraint referrals_message_sealed`.execute(owner());
    try {
      // As the row was before migration 0075 (the guard, which lets only a sealed value through, is lifted
      // for this one write).
      await sql`alter table referrals disable trigger referrals_guard`.execute(owner());
      await sql`update referrals set message = 'Message écrit avant le scellement' where id = ${referralId}`.execute(
        owner(),
      );
      await sql`alter table referrals enable trigger referrals_guard`.execute(owner());
      // This file writes no fixture persons: every sealed value of the demo opens with the platform key.
      const report = await sealPending(ownerSession(t), t.deps.secrets);
      expect(report.resealed['referrals.message']).toBe(1);
    } finally {
      await sql`alter table referrals add constraint referrals_message_sealed
        check (message is null or message like 'v2.%') not valid`.execute(owner());
    }
    expect(
      (await one<{ m: string }>(sql`select message as m from referrals where id = ${referralId}`)).m,
    ).toMatch(/^v2\.1\./);
    expect((await recipient.get(`/api/referrals/${referralId}`)).json().message).toBe(
      'Message écrit avant le scellement',
    );
    // The guard still keeps the referral as written for everyone else: the recipient cannot change it.
    const roubaix = await one<{
      user: string;
      org: string;
    }>(sql`select u.id as user, m.org_id as org from users u
      join memberships m on m.user_id = u.id where u.email = 'referent@ccas-roubaix.example'`);
    await expect(
      withContext(t.deps.db, { userId: roubaix.user, orgId: roubaix.org }, (trx) =>
        sql`update referrals set message = 'v2.1.forged' where id = ${referralId}`.execute(trx),
      ),
    ).rejects.toThrow(/may only decide/);
  });
});
