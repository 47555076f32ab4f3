import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { sealPending } from '../../../platform/keys/rotation';
import { peopleSubjectData } from '../subject-rights/providers';

const available = await engineAvailable();

const DEMO = 'Personne motivée pour un chantier à Roubaix ; disponible dès le mois prochain.';

/**
 * Migration 0075: a referral's message is sealed with the sender's key; the recipient opens it with the key
 * app.referral_keys() releases for the referrals addressed to it; nobody else gets a key. No message text in
 * the audit log; clear messages written before are sealed at start, through the guard that keeps a referral
 * as its sender wrote it.
 */
describe.skipIf(!available)('sealed referral messages and decline reasons', () => {
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
    const { org_id: senderOrg, recipient_org_id: recipientOrg } = await one<{
      org_id: string;
      recipient_org_id: string;
    }>(sql`select org_id, recipient_org_id from referrals where id = ${referralId}`);
    // Both parties' keys (migration 0078: the recipient's opens its decline reason for the sender).
    const parties = new Set([senderOrg, recipientOrg]);
    expect(new Set(await keys('referent@ccas-roubaix.example'))).toEqual(parties);
    expect(new Set(await keys('referent@cpas-mouscron.example'))).toEqual(parties);
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
  it('seals the recipient’s decline reason with its key, opens it for the sender, and keeps an erased one', async () => {
    const REASON = 'Plus de place sur le chantier avant le mois de mars';
    const status = await one<{ status: string; person_id: string }>(
      sql`select status, person_id from referrals where id = ${referralId}`,
    );
    expect(status.status).toBe('sent');
    const declined = await recipient.post(`/api/referrals/${referralId}/decline`, { reason: REASON });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().declineReason).toBe(REASON);
    const stored = await one<{ r: string }>(
      sql`select decline_reason as r from referrals where id = ${referralId}`,
    );
    expect(stored.r).toMatch(/^v2\.1\./);
    const page = await sender.get(`/api/referrals/${referralId}`);
    expect(page.json().declineReason).toBe(REASON);
    const outbox = await sender.get('/api/referrals?box=outbox');
    expect(outbox.json().items.find((i: { id: string }) => i.id === referralId)?.declineReason).toBe(REASON);
    expect(outbox.body).not.toMatch(/v2\.1\./);
    const logged = await one<{ n: number }>(sql`select count(*)::int as n from audit.log
      where entity = 'referrals' and (coalesce(before, '{}')::text || coalesce(after, '{}')::text
        || coalesce(detail, '{}')::text) like '%Plus de place%'`);
    expect(logged.n).toBe(0);

    // The sender's export opens it; its anonymisation leaves the erasure marker, shown as it is.
    const mouscron = await one<{ user: string; org: string }>(sql`select u.id as user, m.org_id as org
      from users u join memberships m on m.user_id = u.id where u.email = 'referent@cpas-mouscron.example'`);
    const provider = peopleSubjectData.find((p) => p.key === 'people.referrals')!;
    const sections = await withContext(t.deps.db, { userId: mouscron.user, orgId: mouscron.org }, (trx) =>
      provider.collect(trx, null, status.person_id, t.deps.secrets),
    );
    const row = sections.find((x) => x.key === 'people.referrals')?.rows.find((r) => r.status === 'declined');
    expect(row).toMatchObject({ declineReason: REASON });
    expect(row).not.toHaveProperty('recipient_org_id');

    // A reason written clear before 0078 is sealed at start with the recipient's key, through the guard.
    await sql`alter table referrals drop constraint referrals_decline_reason_sealed`.execute(owner());
    try {
      await sql`alter table referrals disable trigger referrals_guard`.execute(owner());
      await sql`update referrals set decline_reason = 'Refus écrit avant le scellement' where id = ${referralId}`.execute(
        owner(),
      );
      await sql`alter table referrals enable trigger referrals_guard`.execute(owner());
      expect((await sealPending(ownerSession(t), t.deps.secrets)).resealed['referrals.decline_reason']).toBe(
        1,
      );
    } finally {
      await sql`alter table referrals add constraint referrals_decline_reason_sealed check (decline_reason is null
        or decline_reason like 'v2.%' or decline_reason = '--') not valid`.execute(owner());
    }
    expect((await sender.get(`/api/referrals/${referralId}`)).json().declineReason).toBe(
      'Refus écrit avant le scellement',
    );

    // An anonymised person's declined referral keeps the erasure marker (the row check wants a reason): the
    // check admits it, both parties see it as it is, and the start's re-encryption leaves it alone.
    await sql`alter table referrals disable trigger referrals_guard`.execute(owner());
    try {
      await sql`update referrals set decline_reason = '--' where id = ${referralId}`.execute(owner());
      // Any other clear reason is refused by the check itself.
      await expect(
        sql`update referrals set decline_reason = 'en clair' where id = ${referralId}`.execute(owner()),
      ).rejects.toThrow(/referrals_decline_reason_sealed/);
    } finally {
      await sql`alter table referrals enable trigger referrals_guard`.execute(owner());
    }
    const report = await sealPending(ownerSession(t), t.deps.secrets);
    expect(report.resealed['referrals.decline_reason'] ?? 0).toBe(0);
    for (const c of [sender, recipient])
      expect((await c.get(`/api/referrals/${referralId}`)).json().declineReason).toBe('--');
  });
});
