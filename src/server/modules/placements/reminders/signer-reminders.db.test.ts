import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { fixedClock } from '../../../../common/kernel/clock';
import { addDays } from '../../../../common/placements/dates';
import { addWorkingDays, isWorkingDay } from '../../../../common/placements/reminder-rules';
import { agreementFixtures, HOME_REFERENT, HOST_COORDINATOR } from '../agreements/fixtures.testing';
import { runSignerReminders } from './signer-reminders';

const available = await engineAvailable();

/**
 * Issue 9, item 3: each signer whose link still works is reminded after 2 working days, then weekly,
 * with a fresh link replacing the pending one; never twice the same day, never once signed, replaced by a
 * new version, or expired.
 */
describe.skipIf(!available)('placement agreements: reminding the signers', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let id: string;
  /** A working day from which the test's days are counted (the clock of each run is fixed there). */
  let day: string;

  const ADDRESSES = ['ines@personnes.example', 'referent@cpas-mouscron.example', HOST_COORDINATOR];

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    await t.login(HOST_COORDINATOR);
    day = isWorkingDay(f.today) ? f.today : addWorkingDays(f.today, 1);
    const d = await f.draft(referent, await f.person('Ines'));
    id = d.id;
    const r = await referent.post(`/api/placements/${id}/transitions`, {
      action: 'send_for_signature',
      invitations: {
        person: { signerName: 'Ines Fictivaert', email: ADDRESSES[0] },
        home_referent: { signerName: 'Sacha Référente', email: ADDRESSES[1] },
        host_representative: true,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    await f.mails('placements.agreements.signature_request');
    // The demo's own pending links (its agreement awaiting signatures invites the same host director)
    // lapse, so that only this agreement's links are due in the test's days: a lapsed link is never
    // reminded.
    await sql`update placement_signatures set token_expires_at = now() - interval '1 day'
      where placement_id <> ${id}::uuid and signed_at is null and token_hash is not null`.execute(f.db);
    // Sent 3 working days before `day`: due on `day` (2 full working days waited in between).
    const sentOn = addWorkingDays(day, -3);
    await sql`update placement_signatures
      set requested_at = (${sentOn}::date + time '09:30') at time zone 'Europe/Brussels'
      where placement_id = ${id}::uuid`.execute(f.db);
  });
  afterAll(async () => t?.close());

  /** This agreement's reminder mails so far. */
  const reminders = async () =>
    (await f.mails('placements.agreements.signature_reminder')).filter((m) =>
      ADDRESSES.includes(m.to_address),
    );
  const counts = async () =>
    (
      await sql<{ role: string; signer_reminders: number }>`select role, signer_reminders
        from placement_signatures where placement_id = ${id}::uuid and signed_at is null order by role`.execute(
        f.db,
      )
    ).rows;
  const run = async (on: string) => {
    const before = (await reminders()).length;
    await runSignerReminders({
      db: f.db,
      config: { publicUrl: 'https://samen.test' },
      clock: fixedClock(on),
      secretKey: t.deps.secrets.secretKey,
    });
    return (await reminders()).slice(before);
  };
  const tokenFor = (to: string, mails: { to: string; text: string }[]) =>
    /#token=([A-Za-z0-9_-]+)/.exec(mails.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1];
  const lookup = (token: string) => t.anonymous.post('/api/signatures/lookup', { token });

  it('reminds nobody before 2 full working days', async () => {
    expect(await run(addWorkingDays(day, -1))).toEqual([]);
  });

  it('reminds every signer once on the day, with a fresh link in their language, and audits it', async () => {
    // The invitation's link, as the person received it.
    await t.deliverMail();
    const oldToken = tokenFor(ADDRESSES[0] as string, [...t.mails]);
    expect(oldToken).toBeTruthy();
    // The person reads Dutch (the agreement's language); the staff read their organisation's language.
    await f.asOrg(f.home, (trx) =>
      sql`update placements set language = 'nl' where id = ${id}::uuid`.execute(trx),
    );
    const sent = await run(day);
    expect(sent.map((m) => [m.to_address, m.locale]).sort()).toEqual(
      ADDRESSES.map((a, i) => [a, i === 0 ? 'nl' : 'fr']).sort(),
    );
    expect(sent.find((m) => m.locale === 'nl')?.subject).toContain('herinnering');
    // The host's signer's reminder is in the host's outbox, the home centre's in its own.
    expect(sent.find((m) => m.to_address === HOST_COORDINATOR)?.org_id).toBe(f.orgs['atelier-roubaix']);
    expect(sent.find((m) => m.to_address === ADDRESSES[0])?.org_id).toBe(f.home.orgId);
    for (const m of sent) expect(m.body_text).not.toMatch(/#token=|Ines|Fictivaert/);
    expect(sent.find((m) => m.locale === 'fr')?.body_text).toContain('[lien envoyé au seul destinataire]');
    expect((await counts()).map((c) => c.signer_reminders)).toEqual([1, 1, 1]);
    // The reminder's link replaces the first one: the first stops working, the new one opens the agreement.
    await t.deliverMail();
    const fresh = tokenFor(ADDRESSES[0] as string, [...t.mails]);
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(oldToken);
    expect((await lookup(fresh as string)).statusCode).toBe(200);
    expect((await lookup(oldToken as string)).statusCode).toBe(404);
    // Audited by the signatures table's trigger, the token's hash redacted.
    const audit = await sql<{ after: Record<string, unknown> }>`select after from audit.log
      where entity = 'placement_signatures' and after ? 'signer_reminders' order by seq desc limit 1`.execute(
      f.db,
    );
    expect(audit.rows[0]?.after).toMatchObject({ signer_reminders: 1, token_hash: '[redacted]' });
  });

  it('never reminds twice the same day, then reminds weekly', async () => {
    expect(await run(day)).toEqual([]);
    expect(await run(addDays(day, 6))).toEqual([]);
    expect((await run(addDays(day, 7))).length).toBe(3);
    expect((await counts()).map((c) => c.signer_reminders)).toEqual([2, 2, 2]);
  });

  it('reminds no signature given, no expired link, and nothing of a replaced version', async () => {
    // The person signs (in person); the host's link expires.
    const signed = await referent.post(`/api/placements/${id}/signatures`, {
      role: 'person',
      method: 'in_person',
      signerName: 'Ines Fictivaert',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    await sql`update placement_signatures set token_expires_at = now() - interval '1 minute'
      where placement_id = ${id}::uuid and role = 'host_representative'`.execute(f.db);
    const third = await run(addDays(day, 14));
    expect(third.map((m) => m.to_address)).toEqual([ADDRESSES[1]]);
    // A change of substance makes version 2: the links of version 1 are reminded no more.
    const amended = await referent.patch(`/api/placements/${id}`, { hoursPerWeek: 28 });
    expect(amended.json()).toMatchObject({ version: 2, status: 'awaiting_signatures' });
    expect(await run(addDays(day, 21))).toEqual([]);
  });
});
