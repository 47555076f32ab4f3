import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { SignatureLinkView } from '../../../../common/placements/agreement-schemas';
import { agreementFixtures, HOME_REFERENT, HOST_COORDINATOR } from './fixtures.testing';
import { pendingLink } from './sign-by-link.testing';

const available = await engineAvailable();

/**
 * Issue 9, item 6: the signer reads the whole agreement behind the link — their party's copy, in their
 * language — and may download it as a PDF while the link is pending; signing is said to be blocked before
 * they try.
 */
describe.skipIf(!available)('placement agreements: what a signature link shows', () => {
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
  const pdf = (token: string) => t.anonymous.post('/api/signatures/agreement.pdf', { token });
  const sign = (token: string) => t.anonymous.post('/api/signatures/sign', { token, accept: true });
  const text = (v: SignatureLinkView) => JSON.stringify(v.document);
  const heading = (v: SignatureLinkView, id: string) => v.document.blocks.find((b) => b.id === id)?.heading;

  /** An agreement awaiting signatures; `nl`: written in Dutch (the host, in France, reads French). */
  async function awaiting(name: string, nl = false) {
    const d = await f.draft(referent, await f.person(name));
    if (nl)
      await f.asOrg(f.home, (trx) =>
        sql`update placements set language = 'nl' where id = ${d.id}`.execute(trx),
      );
    await f.step(referent, d.id, 'send_for_signature');
    return d.id;
  }
  /** A pending link, written as requestSignature leaves it (the mailing of links is tested elsewhere). */
  const link = (id: string, role: 'person' | 'host_representative') =>
    pendingLink(f, id, role, role === 'person' ? 'Ilse Fictivaert' : 'Ariane Direction');

  it('shows the person every article of the home centre’s copy, in the agreement’s language', async () => {
    const id = await awaiting('Ilse', true);
    const r = await lookup(await link(id, 'person'));
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as SignatureLinkView;
    expect(v.language).toBe('nl');
    expect(v.blocked).toEqual([]);
    // Every article (whatever their number: others may be added), not the summary the page used to show.
    expect(v.document.blocks.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'title',
        'parties',
        'person',
        'purpose',
        'terms',
        'schedule',
        'benefit',
        'stays_abroad',
        'insurance',
        'obligations',
        'data',
        'interruption',
        'signatures',
        'footer',
      ]),
    );
    expect(heading(v, 'benefit')).toMatch(/^Artikel \d+ – Geen vergoeding, behoud van inkomen$/);
    expect(heading(v, 'stays_abroad')).toMatch(/^Artikel \d+ – Verblijf in het buitenland$/);
    expect(heading(v, 'data')).toMatch(/^Artikel \d+ – Gegevensbescherming$/);
    // The home centre's copy names the benefit the person keeps; one language only: the signer's.
    expect(text(v)).toMatch(/leefloon/);
    expect(text(v)).not.toMatch(/Article \d/);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'placements' and entity_id = ${id} and action = 'read'
        and detail ->> 'via' = 'signature_link'`.execute(f.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('shows the host’s representative the host’s copy, in the host’s language, without what it was not granted', async () => {
    const id = await awaiting('Joris', true);
    const v = (await lookup(await link(id, 'host_representative'))).json() as SignatureLinkView;
    expect(v.language).toBe('fr');
    expect(heading(v, 'benefit')).toMatch(/^Article \d+ – Absence de rémunération$/);
    // Without the `benefit` and `contract` field groups: no benefit, no stays-abroad rule, no contract.
    expect(v.document.blocks.map((b) => b.id)).not.toContain('stays_abroad');
    expect(text(v)).not.toMatch(/PIIS|revenu d’intégration|leefloon|7 jours consécutifs/);
    expect(text(v)).not.toMatch(/Artikel \d/);
    expect(v.document.blocks.map((b) => b.id)).toContain('data');
  });

  it('says before signing that the agreement can no longer be signed', async () => {
    const id = await awaiting('Kato');
    const token = await link(id, 'person');
    await f.shiftDates(id, -20);
    const v = (await lookup(token)).json() as SignatureLinkView;
    expect(v.blocked).toEqual(['start_not_past']);
    expect((await sign(token)).statusCode).toBe(409);
  });

  it('serves the PDF only while the link is pending, and tells nothing for a bad token', async () => {
    const id = await awaiting('Lien');
    const token = await link(id, 'person');
    const r = await pdf(token);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="convention-[0-9A-F]{8}\.pdf"$/);
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const exported = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'placements' and entity_id = ${id} and action = 'export'
        and detail ->> 'via' = 'signature_link'`.execute(f.db);
    expect(exported.rows[0]?.n).toBe(1);

    const unknown = await pdf('x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('placements.agreements.errors.link_invalid');
    expect((await pdf('short')).statusCode).toBe(400);
    // Spent: the same answer as an unknown token; the signed copy is mailed, not served.
    expect((await sign(token)).statusCode).toBe(204);
    const spent = await pdf(token);
    expect(spent.statusCode).toBe(404);
    expect(spent.json()).toEqual(unknown.json());
  });
});
