import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { queueMail } from '../../../platform/mail';
import { pdfText } from '../pdf/fixtures.testing';
import { agreementFixtures, HOME_REFERENT, HOST_COORDINATOR } from './fixtures.testing';
import { pendingLink } from './sign-by-link.testing';

const available = await engineAvailable();

/** The PDF with its compressed streams inflated, so that the test can read its text back. */
function inflated(pdf: Buffer): Buffer {
  const raw = pdf.toString('latin1');
  const out: Buffer[] = [];
  let at = 0;
  for (const m of raw.matchAll(/<<((?:(?!>>\nstream\n)[\s\S])*?)>>\nstream\n/g)) {
    const dict = m[1] ?? '';
    if (!/\/Filter \/FlateDecode/.test(dict)) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const from = (m.index ?? 0) + m[0].length;
    const plain = inflateSync(pdf.subarray(from, from + length));
    const newDict = dict
      .replace(/\/Filter \/FlateDecode\s*/, '')
      .replace(/\/Length \d+/, `/Length ${plain.length}`);
    out.push(pdf.subarray(at, m.index ?? 0), Buffer.from(`<<${newDict}>>\nstream\n`, 'latin1'), plain);
    at = from + length;
  }
  out.push(pdf.subarray(at));
  return Buffer.concat(out);
}

/**
 * Issue 9, items 3 and 6: when the last signature is in, every party is mailed the signed agreement as a
 * PDF — its own copy (ADR 0013), each recipient in their language — kept encrypted in the outbox only
 * until delivered (ADR 0014).
 */
describe.skipIf(!available)('placement agreements: the signed copy by mail', () => {
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

  const copies = async (id: string) =>
    (
      await sql<{
        to_address: string;
        locale: string;
        org_id: string;
        body_text: string;
        attachment_name: string | null;
        attachment_enc: string | null;
        status: string;
      }>`select to_address, locale, org_id, body_text, attachment_name, attachment_enc, status
        from mail_outbox where template = 'placements.agreements.signed_copy'
          and body_text like ${`%${(id.replace(/-/g, '').slice(0, 8)).toUpperCase()}%`}
        order by to_address`.execute(f.db)
    ).rows;

  it('mails every party its own signed copy once the last signature is given by link', async () => {
    const d = await f.draft(referent, await f.person('Maud'));
    await f.asOrg(f.home, (trx) =>
      sql`update placements set language = 'nl' where id = ${d.id}`.execute(trx),
    );
    await f.step(referent, d.id, 'send_for_signature');
    const inPerson = await referent.post(`/api/placements/${d.id}/signatures`, {
      role: 'home_referent',
      method: 'in_person',
      signerName: 'Sacha Référente',
    });
    expect(inPerson.statusCode, inPerson.body).toBe(201);
    const host = await hostC.post(`/api/placements/${d.id}/signatures`, {
      role: 'host_representative',
      method: 'in_person',
      signerName: 'Ariane Direction',
    });
    expect(host.statusCode, host.body).toBe(201);
    await f.mails('placements.agreements.signed_copy');
    expect(await copies(d.id)).toEqual([]);

    const token = await pendingLink(f, d.id, 'person', 'Maud Fictivaert', 'maud@personnes.example');
    expect((await t.anonymous.post('/api/signatures/sign', { token, accept: true })).statusCode).toBe(204);

    await f.mails('placements.agreements.signed_copy');
    const queued = await copies(d.id);
    const byAddress = new Map(queued.map((m) => [m.to_address, m]));
    // The person in the agreement's language, the referent; the host's representative's side: its validators.
    expect(byAddress.get('maud@personnes.example')).toMatchObject({ locale: 'nl', org_id: f.home.orgId });
    expect(byAddress.get(HOME_REFERENT)).toMatchObject({ org_id: f.home.orgId });
    expect(byAddress.get(HOST_COORDINATOR)).toMatchObject({ locale: 'fr', org_id: f.host.orgId });
    for (const m of queued) {
      expect(m.attachment_name).toMatch(/^convention-[0-9A-F]{8}\.pdf$|^overeenkomst-[0-9A-F]{8}\.pdf$/);
      // Nobody reading the outbox reads the person's name; the file was erased once delivered.
      expect(m.body_text).not.toMatch(/Maud|Fictivaert/);
      expect(m.status).toBe('sent');
      expect(m.attachment_enc).toBeNull();
    }
    expect(byAddress.get('maud@personnes.example')?.body_text).toMatch(/ondertekend/);

    // The job run above delivered them (to the tests' sink).
    await t.deliverMail();
    const delivered = (to: string) =>
      t.mails.find(
        (m) =>
          m.to === to && m.attachment && m.subject.includes(queued[0]!.body_text.match(/[0-9A-F]{8}/)![0]),
      );
    const homePdf = delivered('maud@personnes.example')?.attachment;
    const hostPdf = delivered(HOST_COORDINATOR)?.attachment;
    expect(homePdf?.contentType).toBe('application/pdf');
    expect(homePdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(hostPdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The home centre's copy names the benefit the person keeps; the host's, not granted it, does not.
    const homeText = pdfText(inflated(homePdf!.content));
    const hostText = pdfText(inflated(hostPdf!.content));
    expect(homeText).toMatch(/leefloon|revenu d’intégration/);
    expect(hostText).not.toMatch(/leefloon|revenu d’intégration|PIIS|7 jours consécutifs/);
    expect(homeText).toContain('Maud');
  });

  it('keeps an attachment encrypted in the outbox until delivered, then erases it', async () => {
    const pdf = Buffer.from('%PDF-1.7 Fictive Personne');
    await withContext(t.deps.db, { orgId: f.home.orgId, userId: f.home.userId }, (trx) =>
      queueMail(trx, {
        to: 'kept@personnes.example',
        language: 'fr',
        template: 'placements.agreements.signed_copy',
        params: { home: 'A', host: 'B', reference: 'ENCRYPTD', version: 1 },
        attachment: { filename: 'convention-ENCRYPTD.pdf', contentType: 'application/pdf', content: pdf },
        secretKey: t.deps.secrets.secretKey,
        orgId: f.home.orgId,
      }),
    );
    const row = async () =>
      (
        await sql<{
          attachment_name: string;
          attachment_enc: string | null;
        }>`select attachment_name, attachment_enc
          from mail_outbox where to_address = 'kept@personnes.example'`.execute(f.db)
      ).rows[0];
    const stored = await row();
    expect(stored?.attachment_name).toBe('convention-ENCRYPTD.pdf');
    expect(stored?.attachment_enc).toMatch(/^v1\./);
    expect(stored?.attachment_enc).not.toContain(pdf.toString('base64'));
    expect(stored?.attachment_enc).not.toContain('Fictive');
    const sent = await t.deliverMail();
    expect(sent.find((m) => m.to === 'kept@personnes.example')?.attachment).toEqual({
      filename: 'convention-ENCRYPTD.pdf',
      contentType: 'application/pdf',
      content: pdf,
    });
    expect((await row())?.attachment_enc).toBeNull();
  });

  it('also when the last signature is given in person, and only once', async () => {
    const d = await f.draft(referent, await f.person('Noor'));
    await f.step(referent, d.id, 'send_for_signature');
    await f.signAll(referent, hostC, d.id);
    await f.mails('placements.agreements.signed_copy');
    const queued = await copies(d.id);
    expect(queued.map((m) => m.to_address).sort()).toEqual(
      [...new Set(queued.map((m) => m.to_address))].sort(),
    );
    expect(queued.some((m) => m.to_address === HOME_REFERENT)).toBe(true);
    expect(queued.some((m) => m.to_address === HOST_COORDINATOR)).toBe(true);
    // The next moves do not send it again.
    await f.step(referent, d.id, 'submit_for_review');
    await f.mails('placements.agreements.signed_copy');
    expect((await copies(d.id)).length).toBe(queued.length);
  });
});
