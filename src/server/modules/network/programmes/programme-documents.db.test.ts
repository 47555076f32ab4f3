import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { ProgrammeDetail, ProgrammeList } from '../../../../common/network/programme-schemas';
import { withContext } from '../../../platform/db/context';
import { COORDINATOR, type Fixture, openFixture, REFERENT } from './fixtures';

const available = await engineAvailable();
const MOUSCRON_COORDINATOR = 'coordination@cpas-mouscron.example';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('fictional convention, no person named\n'),
]);

/** Documents of a programme: the lead attaches, partners download, nobody else sees them. */
describe.skipIf(!available)('programme documents', () => {
  let app: TestApp;
  let orgs: Fixture['orgs'];
  let asAdmin: Fixture['asAdmin'];
  let suite: string;
  let charleroiBinche: string;
  let lead: Client;

  const upload = (client: Client, programmeId: string, filename: string, content: Buffer) => {
    const boundary = '----samen-doc-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.app.inject({
      method: 'POST',
      url: `/api/programmes/${programmeId}/documents`,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-samen-language': 'fr',
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
      },
    });
  };

  beforeAll(async () => {
    ({ app, orgs, asAdmin } = await openFixture());
    lead = await app.login(COORDINATOR);
    const list = (await lead.get('/api/programmes')).json() as ProgrammeList;
    suite = list.items.find((p) => p.acronym === 'SAM-E suite')!.id;
    charleroiBinche = list.items.find((p) => p.acronym === 'FAMI Charleroi–Binche')!.id;
  });
  afterAll(async () => app?.close());

  it('lets the lead attach a PDF, checksummed, that partners download and never see inline', async () => {
    const r = await upload(lead, suite, 'Convention de partenariat – signée.pdf', PDF);
    expect(r.statusCode, r.body).toBe(201);
    const doc = r.json();
    expect(doc).toMatchObject({
      filename: 'Convention de partenariat – signée.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const partner = await app.login(MOUSCRON_COORDINATOR);
    const seen = (await partner.get(`/api/programmes/${suite}`)).json() as ProgrammeDetail;
    expect(seen.documents.map((d) => d.id)).toEqual([doc.id]);
    const file = await partner.get(`/api/programmes/${suite}/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="Convention_de_partenariat___sign_e\.pdf"; filename\*=UTF-8''Convention%20de%20partenariat%20%E2%80%93%20sign%C3%A9e\.pdf$/,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-security-policy'])).toContain('sandbox');
    // The audit log records the upload with its checksum, not the content.
    const audit = await sql<{ after: Record<string, unknown> }>`select after from audit.log
      where entity = 'programme_documents' and action = 'create'`.execute(app.deps.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after).toMatchObject({ sha256: doc.sha256, filename: doc.filename });
    expect(audit.rows[0]!.after).not.toHaveProperty('content');
  });

  it('refuses a page disguised as a PDF, the same file twice and a non-lead, translated', async () => {
    const html = await upload(lead, suite, 'convention.pdf', Buffer.from('<html><script>alert(1)</script>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.code).toBe('network.programmes.errors.document_type');
    expect(html.json().error.message).toMatch(/^Ce type de fichier n'est pas accepté/);
    const again = await upload(lead, suite, 'copie.pdf', PDF);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('network.programmes.errors.document_duplicate');
    const partner = await app.login(MOUSCRON_COORDINATOR);
    expect((await upload(partner, suite, 'autre.pdf', Buffer.from('%PDF-1.4 other'))).statusCode).toBe(403);
    expect((await upload(await app.login(REFERENT), suite, 'a.pdf', PDF)).statusCode).toBe(403);
  });

  it('shows an organisation outside the programme neither the list nor the file', async () => {
    // Charleroi–Binche's lead is CPAS Charleroi: the platform admin attaches, Mouscron is no partner.
    const admin = await app.login('admin@samen.example');
    const r = await upload(admin, charleroiBinche, 'arrete.pdf', Buffer.from('%PDF-1.5 arrêté fictif'));
    expect(r.statusCode, r.body).toBe(201);
    const other = await app.login(REFERENT);
    const detail = (await other.get(`/api/programmes/${charleroiBinche}`)).json() as ProgrammeDetail;
    expect(detail.documents).toEqual([]);
    const file = await other.get(`/api/programmes/${charleroiBinche}/documents/${r.json().id}/file`);
    expect(file.statusCode).toBe(404);
    // Nor in SQL under the application role, where it can neither delete nor insert.
    const userId = await asAdmin(
      async (trx) =>
        (await trx.selectFrom('users').select('id').where('email', '=', REFERENT).executeTakeFirstOrThrow())
          .id,
    );
    const asMouscron = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
      withContext(app.deps.db, { userId, orgId: orgs.mouscron }, fn);
    const mine = await asMouscron((trx) =>
      trx
        .selectFrom('programme_documents')
        .select('id')
        .where('programme_id', '=', charleroiBinche)
        .execute(),
    );
    expect(mine).toEqual([]);
    const del = await asMouscron((trx) =>
      trx.deleteFrom('programme_documents').where('programme_id', '=', charleroiBinche).executeTakeFirst(),
    );
    expect(Number(del.numDeletedRows)).toBe(0);
    await expect(
      asMouscron((trx) =>
        trx
          .insertInto('programme_documents')
          .values({
            programme_id: charleroiBinche,
            org_id: orgs.mouscron!,
            filename: 'x.pdf',
            media_type: 'application/pdf',
            size_bytes: 5,
            sha256: 'a'.repeat(64),
            content: Buffer.from('%PDF-'),
          })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('lets the lead delete a document', async () => {
    const before = (await lead.get(`/api/programmes/${suite}`)).json() as ProgrammeDetail;
    const id = before.documents[0]!.id;
    expect(
      (await (await app.login(MOUSCRON_COORDINATOR)).del(`/api/programmes/${suite}/documents/${id}`))
        .statusCode,
    ).toBe(403);
    const r = await lead.del(`/api/programmes/${suite}/documents/${id}`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as ProgrammeDetail).documents).toEqual([]);
    expect((await lead.del(`/api/programmes/${suite}/documents/${id}`)).statusCode).toBe(404);
  });
});
