import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { PlacementView, SignatureLinkView } from '../../../../common/placements/agreement-schemas';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { agreementFixtures, HOME_ADMIN, HOME_REFERENT, HOST_COORDINATOR, PARKS } from './fixtures.testing';

const available = await engineAvailable();

/** Signatures by e-mailed single-use link (no session) and in person, and the positions they take. */
describe.skipIf(!available)('placement agreements: signatures', () => {
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

  const lookup = (token: string) => t.anonymous.post('/api/signatures/lookup', { token });
  const sign = (token: string) => t.anonymous.post('/api/signatures/sign', { token, accept: true });
  const requestLink = (id: string, email = 'signataire@personnes.example') =>
    referent.post(`/api/placements/${id}/signatures`, {
      role: 'person',
      method: 'link',
      signerName: 'Ulla Fictivaert',
      email,
    });

  it('takes a position of the offer once sent for signature', async () => {
    const free = async () =>
      ((await referent.get(`/api/offers/${f.offers[PARKS]}`)).json() as OfferDetail).freePositions;
    const before = await free();
    const d = await f.draft(referent, await f.person('Vera'));
    expect(await free()).toBe(before);
    await f.step(referent, d.id, 'send_for_signature');
    expect(await free()).toBe(before - 1);
    await f.step(referent, d.id, 'cancel', 'Plus de place');
    expect(await free()).toBe(before);
  });

  it('signs once through the e-mailed link, without a session', async () => {
    const d = await f.draft(referent, await f.person('Ulla'));
    const early = await requestLink(d.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('placements.agreements.errors.not_awaiting_signatures');
    await f.step(referent, d.id, 'send_for_signature');
    const noMail = await referent.post(`/api/placements/${d.id}/signatures`, {
      role: 'person',
      method: 'link',
      signerName: 'Ulla Fictivaert',
    });
    expect(noMail.statusCode).toBe(400);
    expect(noMail.json().error.fields[0]).toMatchObject({
      path: 'email',
      code: 'placements.agreements.errors.email_required',
    });

    const r = await requestLink(d.id);
    expect(r.statusCode, r.body).toBe(201);
    const pending = (r.json() as PlacementView).signatures[0];
    expect(pending).toMatchObject({ role: 'person', method: null, signedAt: null, linkPending: true });
    const mail = (await f.mails('placements.agreements.signature_request')).at(-1);
    expect(mail).toMatchObject({ to_address: 'signataire@personnes.example', locale: 'fr' });
    expect(mail?.body_text).not.toMatch(/Ulla|Fictivaert/);
    const token = await f.lastToken();
    const stored = await sql<{ token_hash: Buffer }>`select token_hash from placement_signatures
      where placement_id = ${d.id}`.execute(f.db);
    expect(Buffer.from(stored.rows[0]!.token_hash).toString('utf8')).not.toContain(token);

    const seen = await lookup(token);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json() as SignatureLinkView).toMatchObject({
      role: 'person',
      signerName: 'Ulla Fictivaert',
      language: 'fr',
      personName: 'Ulla Fictivaert',
      hostOrgName: 'Atelier Solidaire du Canal (fictif)',
      siteName: 'Atelier du Pile',
      hoursPerWeek: 30,
    });
    expect((await t.anonymous.post('/api/signatures/sign', { token })).statusCode).toBe(400);
    expect((await sign(token)).statusCode).toBe(204);
    expect((await sign(token)).statusCode).toBe(404);
    const gone = await lookup(token);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('placements.agreements.errors.link_invalid');
    const v = (await referent.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(v.signatures[0]).toMatchObject({ role: 'person', method: 'link', linkPending: false });
    expect(v.signatures[0]?.signedAt).not.toBeNull();
    // A signature given is not asked again.
    const again = await requestLink(d.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('placements.agreements.errors.already_signed');
  });

  it('refuses unknown, replaced, expired and outdated links', async () => {
    expect((await lookup('x'.repeat(43))).statusCode).toBe(404);
    expect((await sign('x'.repeat(43))).statusCode).toBe(404);

    const d = await f.draft(referent, await f.person('Wout'));
    await f.step(referent, d.id, 'send_for_signature');
    await requestLink(d.id);
    const first = await f.lastToken();
    // Asking again replaces the pending link: the first one stops working.
    await requestLink(d.id, 'autre@personnes.example');
    const second = await f.lastToken();
    expect((await lookup(first)).statusCode).toBe(404);
    expect((await lookup(second)).statusCode).toBe(200);

    await f.asOrg(f.home, (trx) =>
      sql`update placement_signatures set token_expires_at = now() - interval '1 minute'
        where placement_id = ${d.id}`.execute(trx),
    );
    expect((await lookup(second)).statusCode).toBe(404);
    expect((await sign(second)).statusCode).toBe(404);

    // A link of version 1 stops working when a change of substance makes version 2.
    await requestLink(d.id);
    const v1 = await f.lastToken();
    expect((await lookup(v1)).statusCode).toBe(200);
    const amended = await referent.patch(`/api/placements/${d.id}`, { hoursPerWeek: 28 });
    expect(amended.json()).toMatchObject({ version: 2, status: 'awaiting_signatures' });
    expect((await lookup(v1)).statusCode).toBe(404);
    expect((await sign(v1)).statusCode).toBe(404);
  });

  it('collects no signature, by link or in person, on an agreement that could no longer be validated', async () => {
    const d = await f.draft(referent, await f.person('Yann'));
    await f.step(referent, d.id, 'send_for_signature');
    await requestLink(d.id);
    const token = await f.lastToken();
    // Time passes: the start is now past (issue 9: all three signed, then the host could not validate).
    await f.shiftDates(d.id, -20);
    const inPerson = await referent.post(`/api/placements/${d.id}/signatures`, {
      role: 'home_referent',
      method: 'in_person',
      signerName: 'Sacha Référente',
    });
    expect(inPerson.statusCode).toBe(409);
    expect(inPerson.json().error.code).toBe('placements.agreements.errors.signing_blocked');
    expect(inPerson.json().error.message).toContain('La date de début est déjà passée');
    expect(f.guardCodes(inPerson.json())).toEqual(['start_not_past']);
    const host = await hostC.post(`/api/placements/${d.id}/signatures`, {
      role: 'host_representative',
      method: 'in_person',
      signerName: 'Ariane Direction',
    });
    expect(host.statusCode).toBe(409);
    expect((await requestLink(d.id, 'autre@personnes.example')).statusCode).toBe(409);
    // The link sent before still opens the agreement, but signing through it is refused, in the page's language.
    const byLink = await t.app.inject({
      method: 'POST',
      url: '/api/signatures/sign',
      payload: { token, accept: true },
      headers: { 'x-samen-language': 'nl' },
    });
    expect(byLink.statusCode).toBe(409);
    expect(byLink.json().error.code).toBe('placements.agreements.errors.signing_blocked');
    expect(byLink.json().error.message).toContain('De begindatum is al voorbij');
    const v = (await referent.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(v.signatures.filter((x) => x.signedAt)).toEqual([]);
    expect(v.actions.find((a) => a.action === 'submit_for_review')?.blockedBy).toEqual([
      'all_signed',
      'start_not_past',
    ]);
    // Dates put right (a change of substance: a new version), the same parties may sign.
    const fixed = await referent.patch(`/api/placements/${d.id}`, { startsOn: f.future(3) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'awaiting_signatures', version: 2 });
    expect((await f.signAll(referent, hostC, d.id)).signatures.every((x) => x.signedAt)).toBe(true);
  });

  it('refuses the home review once the start has passed, before the host is asked', async () => {
    const admin = await t.login(HOME_ADMIN);
    const d = await f.draft(referent, await f.person('Zoé'));
    await f.step(referent, d.id, 'send_for_signature');
    await f.signAll(referent, hostC, d.id);
    await f.step(referent, d.id, 'submit_for_review');
    await f.shiftDates(d.id, -20);
    const r = await f.act(admin, d.id, 'approve_home');
    expect(r.statusCode).toBe(409);
    expect(f.guardCodes(r.json())).toEqual(['start_not_past']);
  });

  it('writes the host representative’s link in the host’s language and audits the signature', async () => {
    const d = await f.draft(referent, await f.person('Xavier'));
    await f.step(referent, d.id, 'send_for_signature');
    const r = await hostC.post(`/api/placements/${d.id}/signatures`, {
      role: 'host_representative',
      method: 'link',
      signerName: 'Ariane Direction',
      email: 'direction@atelier-roubaix.example',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await f.mails('placements.agreements.signature_request')).at(-1)?.locale).toBe('fr');
    const token = await f.lastToken();
    expect((await sign(token)).statusCode).toBe(204);
    const entries = await sql<{ action: string; after: { method?: string } | null }>`
      select action, after from audit.log where entity = 'placement_signatures' and chain = ${f.home.orgId}
      order by id desc limit 1`.execute(f.db);
    expect(entries.rows[0]).toMatchObject({ action: 'update', after: { method: 'link' } });
  });
});
