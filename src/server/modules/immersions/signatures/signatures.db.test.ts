import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { RequestView } from '../../../../common/immersions/request-schemas';
import type { SignatureLinkView } from '../../../../common/immersions/signature-schemas';
import { fixedClock } from '../../../../common/kernel/clock';
import { requestFixtures } from '../requests/fixtures.testing';

/**
 * The immersion agreement's signatures on both engines (issue 11, migration 0032): each side signs for its
 * own roles only, in one's session, by single-use link (the link reaches only the signer, opens the whole
 * agreement in the signer's language, works once) or on paper witnessed; the immersion starts only once
 * the current version is signed by all three, which everyone hears of; an amendment makes a new version
 * whose old links stop working; and the database refuses what the application would not do.
 */
let t: TestApp;
let fx: ReturnType<typeof requestFixtures>;
let p: Awaited<ReturnType<ReturnType<typeof requestFixtures>['people']>>;
let offer: { id: string; periodId: string };

const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';
const THIRD = 'coordination@cpas-mouscron.example';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07') });
  fx = requestFixtures(t);
  p = await fx.people();
  const programmeId = await fx.programme(p.lead, 'SIG-T', [p.visitor.orgId, p.host.orgId, p.third.orgId]);
  offer = await fx.offer(p.host, { programmeId, capacity: 3, period: ['2027-03-01', '2027-03-31'] });
});
afterAll(async () => t?.close());

/** A request both sides approved: agreed, awaiting its signatures. */
async function agreed(startsOn: string, endsOn: string): Promise<string> {
  const created = await (await t.login(VISITOR)).post('/api/immersions/requests', {
    offerId: offer.id,
    periodId: offer.periodId,
    programmeId: null,
    visitorUserId: null,
    kind: 'short',
    theme: 'youth',
    objectives: 'Zien hoe het team jongeren naar werk begeleidt.',
    schedule: null,
    startsOn,
    endsOn,
    days: null,
    submit: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const [who, action] of [
    [MANAGER, 'approve_manager'],
    [HOST, 'approve_host'],
  ] as const) {
    const r = await (await t.login(who)).post(`/api/immersions/requests/${id}/transition`, {
      action,
      reason: null,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}
const view = async (email: string, id: string) =>
  (await (await t.login(email)).get(`/api/immersions/requests/${id}`)).json() as RequestView;
const sign = async (email: string, id: string, body: Record<string, unknown>) =>
  (await t.login(email)).post(`/api/immersions/requests/${id}/signatures`, body);
const tokenIn = (text: string) => /#token=([\w-]+)/.exec(text)?.[1] ?? '';

describe('immersion agreement signatures', () => {
  let a: string;
  let token: string;

  beforeAll(async () => {
    a = await agreed('2027-03-02', '2027-03-04');
  });

  it('opens the three signatures once both approved, each side acting only for its own roles', async () => {
    // Each side's home page asks for its own signature.
    const home = async (email: string) =>
      (
        (await (await t.login(email)).get('/api/dashboard')).json() as { items: Array<{ key: string }> }
      ).items.map((i) => i.key);
    expect(await home(VISITOR)).toContain('immersions.requests.attention.sign_visitor');
    expect(await home(MANAGER)).toContain('immersions.requests.attention.sign_org');
    expect(await home(HOST)).toContain('immersions.requests.attention.sign_host');
    expect(await home(HOST)).not.toContain('immersions.requests.attention.sign_org');
    const v = await view(VISITOR, a);
    expect(v.request.nextActor).toBe('signers');
    expect(v.signatures).toMatchObject({ version: 1, open: true, fullySigned: false, canAmend: false });
    expect(v.signatures?.signatures.map((s) => [s.role, s.state, s.can.sign])).toEqual([
      ['visitor', 'not_asked', true],
      ['visitor_org', 'not_asked', false],
      ['host', 'not_asked', false],
    ]);
    expect((await view(MANAGER, a)).signatures?.signatures.map((s) => s.can)).toEqual([
      { sign: false, link: true, inPerson: true },
      { sign: true, link: true, inPerson: true },
      { sign: false, link: false, inPerson: false },
    ]);
    // The other side's roles, a professional for her organisation, a third organisation: refused.
    expect((await sign(HOST, a, { role: 'visitor_org', method: 'account', accept: true })).statusCode).toBe(
      403,
    );
    expect(
      (await sign(VISITOR, a, { role: 'visitor_org', method: 'account', accept: true })).statusCode,
    ).toBe(403);
    expect(
      (await sign(VISITOR, a, { role: 'visitor', method: 'link', signerName: 'X Y', email: 'x@y.example' }))
        .statusCode,
    ).toBe(403);
    expect((await sign(THIRD, a, { role: 'host', method: 'account', accept: true })).statusCode).toBe(404);
    // Signing needs the box ticked; a paper signature its witness's word and the signer's name.
    const unticked = await sign(VISITOR, a, { role: 'visitor', method: 'account' });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.json().error.fields[0].path).toBe('accept');
    const noWitness = await sign(HOST, a, {
      role: 'host',
      method: 'in_person',
      signerName: 'Directrice Fictive',
    });
    expect(noWitness.statusCode).toBe(400);
    const noName = await sign(HOST, a, { role: 'host', method: 'in_person', accept: true });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields[0].path).toBe('signerName');
    // The immersion cannot start unsigned.
    const start = await (await t.login(VISITOR)).post(`/api/immersions/requests/${a}/transition`, {
      action: 'start',
      reason: null,
    });
    expect(start.statusCode).toBe(409);
  });

  it('mails a single-use link to the signer only, in their side’s language, opening the whole agreement', async () => {
    t.mails.length = 0;
    const asked = await sign(MANAGER, a, {
      role: 'visitor_org',
      method: 'link',
      signerName: 'Voorzitter Verzonnen',
      email: 'voorzitter@ocmw-menen.example',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const [mail] = (await t.deliverMail()).filter((m) => m.to === 'voorzitter@ocmw-menen.example');
    expect(mail?.subject).toMatch(/^samen: inleefovereenkomst te ondertekenen/);
    token = tokenIn(mail?.text ?? '');
    expect(token.length).toBeGreaterThan(20);
    // The outbox (which administrators read) keeps the link redacted, the audit never the hash.
    const outbox = await sql<{ body: string }>`select body_text as body from mail_outbox
      where to_address = 'voorzitter@ocmw-menen.example'`.execute(fx.db);
    expect(outbox.rows.map((r) => r.body).join()).not.toContain(token);
    const audit = await sql<{
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }>`
      select before, after from audit.log where entity = 'immersion_signatures'`.execute(fx.db);
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const row of audit.rows)
      for (const side of [row.before, row.after])
        expect([undefined, null, '[redacted]']).toContain(side?.token_hash);
    const lookup = await t.anonymous.post('/api/immersions/signatures/lookup', { token });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const link = lookup.json() as SignatureLinkView;
    expect(link).toMatchObject({
      role: 'visitor_org',
      signerName: 'Voorzitter Verzonnen',
      language: 'nl',
      version: 1,
    });
    expect(link.title).toBe('Inleefovereenkomst');
    const text = JSON.stringify(link.blocks);
    expect(text).toContain('Zien hoe het team jongeren naar werk begeleidt.');
    expect(text).toContain('Voorzitter Verzonnen');
    expect(link.blocks.map((b) => b.id)).toContain('signatures');
    const pdf = await t.anonymous.post('/api/immersions/signatures/agreement.pdf', { token });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // A made-up token and a malformed body: the same 404 / a 400, never a hint.
    expect(
      (await t.anonymous.post('/api/immersions/signatures/lookup', { token: 'x'.repeat(43) })).statusCode,
    ).toBe(404);
    expect((await t.anonymous.post('/api/immersions/signatures/sign', { token })).statusCode).toBe(400);
    // The reader's own side sees the address; the host does not.
    const mine = (await view(MANAGER, a)).signatures?.signatures.find((s) => s.role === 'visitor_org');
    expect(mine).toMatchObject({ state: 'link_pending', email: 'voorzitter@ocmw-menen.example' });
    const theirs = (await view(HOST, a)).signatures?.signatures.find((s) => s.role === 'visitor_org');
    expect(theirs).toMatchObject({ state: 'link_pending', email: null, signerName: 'Voorzitter Verzonnen' });
  });

  it('collects the three signatures, tells everyone once complete, then lets the immersion start', async () => {
    expect((await sign(VISITOR, a, { role: 'visitor', method: 'account', accept: true })).statusCode).toBe(
      200,
    );
    // The visitor's signature is her confidentiality undertaking.
    expect((await view(HOST, a)).confidentialityAcceptedAt).not.toBeNull();
    expect((await sign(VISITOR, a, { role: 'visitor', method: 'account', accept: true })).statusCode).toBe(
      409,
    );
    const paper = await sign(HOST, a, {
      role: 'host',
      method: 'in_person',
      signerName: 'Directrice Fictive',
      accept: true,
    });
    expect(paper.statusCode, paper.body).toBe(200);
    await t.deliverMail();
    t.mails.length = 0;
    expect(
      (await t.anonymous.post('/api/immersions/signatures/sign', { token, accept: true })).statusCode,
    ).toBe(204);
    // Single use.
    expect(
      (await t.anonymous.post('/api/immersions/signatures/sign', { token, accept: true })).statusCode,
    ).toBe(404);
    expect((await t.anonymous.post('/api/immersions/signatures/lookup', { token })).statusCode).toBe(404);

    const v = await view(MANAGER, a);
    expect(v.signatures?.fullySigned).toBe(true);
    const items = (
      (await (await t.login(HOST)).get('/api/dashboard')).json() as {
        items: Array<{ key: string; link: string }>;
      }
    ).items;
    expect(items.some((i) => i.key === 'immersions.requests.attention.sign_host' && i.link.includes(a))).toBe(
      false,
    );
    expect(v.request.nextActor).toBe('visitor');
    expect(v.signatures?.signatures.map((s) => [s.role, s.method, s.recordedBy !== null])).toEqual([
      ['visitor', 'account', false],
      ['visitor_org', 'link', false],
      ['host', 'in_person', true],
    ]);
    const told = await t.deliverMail();
    const signedMails = told.filter((m) => /signée|ondertekend|signed/.test(m.subject));
    expect(signedMails.some((m) => m.to === VISITOR)).toBe(true);
    expect(signedMails.some((m) => m.to === HOST)).toBe(true);
    // The PDF prints the signatures.
    const pdf = await (await t.login(HOST)).download(`/api/immersions/requests/${a}/agreement.pdf?lang=fr`);
    expect(pdf.statusCode).toBe(200);

    await fx.setDates(a, '2026-12-01', '2026-12-03');
    const start = await (await t.login(VISITOR)).post(`/api/immersions/requests/${a}/transition`, {
      action: 'start',
      reason: null,
    });
    expect(start.statusCode, start.body).toBe(200);
    // Once started, nothing more is signed.
    expect(
      (await sign(MANAGER, a, { role: 'visitor_org', method: 'account', accept: true })).statusCode,
    ).toBe(409);
  });

  it('makes a new version on amendment: the old link stops working and all three sign again', async () => {
    const b = await agreed('2027-03-09', '2027-03-11');
    expect((await sign(VISITOR, b, { role: 'visitor', method: 'account', accept: true })).statusCode).toBe(
      200,
    );
    t.mails.length = 0;
    await sign(HOST, b, {
      role: 'host',
      method: 'link',
      signerName: 'Directrice Fictive',
      email: 'direction@ccas-tourcoing.example',
    });
    const old = tokenIn(
      (await t.deliverMail()).find((m) => m.to === 'direction@ccas-tourcoing.example')?.text ?? '',
    );
    expect(old.length).toBeGreaterThan(20);
    expect((await view(HOST, b)).signatures?.canAmend).toBe(true);
    const amendment = {
      objectives: 'Zien hoe het team jongeren naar werk begeleidt.',
      schedule: 'Dinsdag tot donderdag, 9u–16u.',
      startsOn: '2027-03-09',
      endsOn: '2027-03-11',
      days: null,
    };
    // The visitor herself does not amend; nothing changed is refused; dates outside the period too.
    expect(
      (await (await t.login(VISITOR)).put(`/api/immersions/requests/${b}/agreement`, amendment)).statusCode,
    ).toBe(403);
    const same = await (await t.login(HOST)).put(`/api/immersions/requests/${b}/agreement`, {
      ...amendment,
      schedule: null,
    });
    expect(same.statusCode).toBe(400);
    const outside = await (await t.login(HOST)).put(`/api/immersions/requests/${b}/agreement`, {
      ...amendment,
      startsOn: '2027-04-06',
      endsOn: '2027-04-08',
    });
    expect(outside.statusCode).toBe(400);
    t.mails.length = 0;
    const done = await (await t.login(HOST)).put(`/api/immersions/requests/${b}/agreement`, amendment);
    expect(done.statusCode, done.body).toBe(200);
    const v = await view(VISITOR, b);
    expect(v.schedule).toBe('Dinsdag tot donderdag, 9u–16u.');
    expect(v.signatures).toMatchObject({ version: 2, fullySigned: false });
    expect(v.signatures?.signatures.every((s) => s.state === 'not_asked')).toBe(true);
    expect(v.signatures?.earlier).toEqual([
      { version: 1, signatures: [expect.objectContaining({ role: 'visitor' })] },
    ]);
    expect((await t.anonymous.post('/api/immersions/signatures/lookup', { token: old })).statusCode).toBe(
      404,
    );
    const amended = (await t.deliverMail()).filter((m) => /gewijzigd|modifiée|amended/.test(m.subject));
    expect(amended.some((m) => m.to === VISITOR)).toBe(true);
    expect(amended.some((m) => m.to === HOST)).toBe(false);
  });

  it('holds in the database: each side writes its own roles, a signature is final, an unsigned immersion does not start', async () => {
    const c = await agreed('2027-03-16', '2027-03-18');
    const insert = (role: string, orgUserId: string) =>
      sql`insert into immersion_signatures (request_id, org_id, host_org_id, version, role, signer_name,
          requested_by, method, signed_at, recorded_by, witness_name)
        select id, org_id, host_org_id, agreement_version, ${role}, 'Iemand Anders', ${orgUserId}::uuid,
          'in_person', now(), ${orgUserId}::uuid, 'Getuige' from immersion_requests where id = ${c}::uuid`;
    await expect(
      fx.asOrg(p.host, (trx) => insert('visitor_org', p.host.userId).execute(trx)),
    ).rejects.toThrow();
    await expect(
      fx.asOrg(p.manager, (trx) => insert('host', p.manager.userId).execute(trx)),
    ).rejects.toThrow();
    // A session signature in someone else's name, a link signed without its token: refused.
    await expect(
      fx.asOrg(p.manager, (trx) =>
        sql`insert into immersion_signatures (request_id, org_id, host_org_id, version, role, signer_name,
            requested_by, method, signed_at, signer_user_id)
          select id, org_id, host_org_id, agreement_version, 'visitor', 'Iemand', ${p.manager.userId}::uuid,
            'account', now(), ${p.visitor.userId}::uuid from immersion_requests where id = ${c}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/session user/);
    expect(
      (await sign(MANAGER, c, { role: 'visitor_org', method: 'account', accept: true })).statusCode,
    ).toBe(200);
    await expect(
      fx.asOrg(p.manager, (trx) =>
        sql`update immersion_signatures set signer_name = 'Iemand Anders' where request_id = ${c}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/final/);
    await fx.setDates(c, '2026-12-01', '2026-12-03');
    await expect(
      fx.asOrg(p.visitor, (trx) =>
        sql`update immersion_requests set status = 'in_progress' where id = ${c}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/once its agreement is signed/);
    // A third organisation reads no signature.
    const third = await fx.asOrg(p.third, (trx) =>
      sql<{ n: number }>`select count(*)::int as n from immersion_signatures`.execute(trx),
    );
    expect(third.rows[0]?.n).toBe(0);
    const host = await fx.asOrg(p.host, (trx) =>
      sql<{
        n: number;
      }>`select count(*)::int as n from immersion_signatures where request_id = ${c}::uuid`.execute(trx),
    );
    expect(host.rows[0]?.n).toBe(1);
  });
});
