import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import type { SignatureInvitees } from '../../../../common/placements/invitation-schemas';
import { agreementFixtures, HOME_REFERENT, HOST_COORDINATOR } from './fixtures.testing';

const available = await engineAvailable();

/** Issue 9, item 3: "send for signature" invites every signatory at once, each with their own link. */
describe.skipIf(!available)('placement agreements: inviting every signatory at once', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let hostC: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    hostC = await t.login(HOST_COORDINATOR);
  });
  afterAll(async () => t?.close());

  const invitations = {
    person: { signerName: 'Iris Fictivaert', email: 'iris@personnes.example' },
    home_referent: { signerName: 'Sacha Référente', email: 'referent@cpas-mouscron.example' },
    host_representative: true,
  };
  const send = (id: string, body: Record<string, unknown>) =>
    referent.post(`/api/placements/${id}/transitions`, { action: 'send_for_signature', ...body });
  const view = async (id: string) => (await referent.get(`/api/placements/${id}`)).json() as PlacementView;
  const links = (v: PlacementView) =>
    v.signatures.filter((s) => s.linkPending).map((s) => [s.role, s.signerName, s.email]);

  it('proposes the signatories with the addresses the home centre knows, to the home centre only', async () => {
    const id = await f.person('Iris');
    await f.asOrg(f.home, (trx) =>
      sql`update persons set email = 'iris@personnes.example' where id = ${id}::uuid`.execute(trx),
    );
    const d = await f.draft(referent, id);
    const r = await referent.get(`/api/placements/${d.id}/signature-invitees`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json() as SignatureInvitees).toEqual({
      person: { signerName: 'Iris Fictivaert', email: 'iris@personnes.example' },
      home_referent: { signerName: expect.any(String), email: HOME_REFERENT },
    });
    const host = await hostC.get(`/api/placements/${d.id}/signature-invitees`);
    expect(host.statusCode).toBe(403);
    expect(host.json().error.code).toBe('placements.agreements.errors.wrong_side');
    // Reading the person's address is an audited read of the person.
    const reads = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where detail->>'purpose' = 'signature_invitation'`.execute(f.db);
    expect(reads.rows[0]?.n).toBeGreaterThan(0);
  });

  it('sends each signatory their own link at once, the host’s at its known signatory’s address', async () => {
    const d = await f.draft(referent, await f.person('Joris'));
    const before = (await f.mails('placements.agreements.signature_request')).length;
    const r = await send(d.id, { invitations });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'awaiting_signatures' });

    const mails = (await f.mails('placements.agreements.signature_request')).slice(before);
    expect(mails.map((m) => [m.to_address, m.org_id]).sort()).toEqual(
      [
        ['direction@atelier-roubaix.example', f.orgs['atelier-roubaix']],
        ['iris@personnes.example', f.home.orgId],
        ['referent@cpas-mouscron.example', f.home.orgId],
      ].sort(),
    );
    for (const m of mails) expect(m.body_text).not.toMatch(/#token=|Joris|Fictivaert/);
    expect(links(await view(d.id)).sort()).toEqual(
      [
        ['home_referent', 'Sacha Référente', 'referent@cpas-mouscron.example'],
        // The home centre does not read the host's staff address; the host does.
        ['host_representative', expect.any(String), null],
        ['person', 'Iris Fictivaert', 'iris@personnes.example'],
      ].sort(),
    );
    const seenByHost = (await hostC.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(seenByHost.signatures.find((s) => s.role === 'host_representative')?.email).toBe(
      'direction@atelier-roubaix.example',
    );
    expect(seenByHost.signatures.find((s) => s.role === 'home_referent')?.email).toBeNull();
    // Each signer received a different link, in clear only in the mail they receive.
    const delivered = (await t.deliverMail()).filter((m) => /\/sign#token=/.test(m.text));
    const tokens = new Set(delivered.map((m) => /#token=(\S+)/.exec(m.text)?.[1]));
    expect(tokens.size).toBe(delivered.length);
  });

  it('leaves out whoever signs in person, and the host when not asked for', async () => {
    const d = await f.draft(referent, await f.person('Kato'));
    const r = await send(d.id, { invitations: { person: invitations.person } });
    expect(r.statusCode, r.body).toBe(200);
    await f.mails('placements.agreements.signature_request');
    expect(links(await view(d.id)).map(([role]) => role)).toEqual(['person']);
    // Without invitations, sending asks nobody (as before): the signatures are requested one by one.
    const plain = await f.draft(referent, await f.person('Lou'));
    expect((await send(plain.id, {})).statusCode).toBe(200);
    await f.mails('placements.agreements.signature_request');
    expect((await view(plain.id)).signatures).toEqual([]);
  });

  it('does not override a host signatory the host already asked', async () => {
    const d = await f.draft(referent, await f.person('Mira'));
    const before = (await f.mails('placements.agreements.signature_request')).length;
    await send(d.id, { invitations: { host_representative: true } });
    // The host asks its own signatory before the invitation (which runs after the sending) went out.
    const own = await hostC.post(`/api/placements/${d.id}/signatures`, {
      role: 'host_representative',
      method: 'link',
      signerName: 'Ariane Direction',
      email: 'signature@atelier-roubaix.example',
    });
    expect(own.statusCode, own.body).toBe(201);
    const mails = (await f.mails('placements.agreements.signature_request')).slice(before);
    expect(mails.map((m) => m.to_address)).toEqual(['signature@atelier-roubaix.example']);
    expect(links(await view(d.id))).toEqual([['host_representative', 'Ariane Direction', null]]);
  });

  it('refuses invitations with any other move, and a malformed address', async () => {
    const d = await f.draft(referent, await f.person('Nils'));
    const wrong = await referent.post(`/api/placements/${d.id}/transitions`, {
      action: 'cancel',
      reason: 'Plus de place',
      invitations,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('placements.agreements.errors.invitations_unexpected');
    const bad = await send(d.id, {
      invitations: { person: { signerName: 'Nils Fictivaert', email: 'pas-une-adresse' } },
    });
    expect(bad.statusCode).toBe(400);
    expect((await view(d.id)).status).toBe('draft');
  });
});
