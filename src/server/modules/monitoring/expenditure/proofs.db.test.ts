import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import type { ProofList } from '../../../../common/monitoring/expenditure-proof-endpoints';
import type { ItemInput } from '../../../../common/monitoring/expenditure-schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Proof files of expenditure items on both engines (migration 0023): the declaring partner attaches and
 * downloads them while the declaration is a draft; the lead reads them only once it is submitted; another
 * partner of the same programme neither reads nor writes them (API and database); bad files are refused
 * with a translated error and nothing is stored; nothing is removed once submitted.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let partner: { userId: string; orgId: string };
let other: { userId: string; orgId: string };

const FIN = 'financien@ocmw-kortrijk.example';
const LEAD = 'coordination@udccas-nord.example';
const OTHER = 'coordination@cpas-mouscron.example';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('fictional invoice NB-1, no person named\n'),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('img'),
]);

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member(LEAD);
  partner = await fx.member(FIN);
  other = await fx.member(OTHER);
  programmeId = await fx.createProgramme(lead.orgId, 'EXP-P');
  for (const org of [partner.orgId, other.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
});
afterAll(async () => t?.close());

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  category: 'travel',
  actionId: null,
  description: 'Treinreizen Kortrijk–Rijsel',
  supplier: 'NMBS',
  invoiceNumber: 'NB-1',
  invoiceDate: '2025-05-12',
  paidOn: '2025-06-02',
  amount: '386.40',
  proofRef: null,
  ...over,
});

/** A multipart upload; `disposition` replaces the file part's Content-Disposition parameters. */
function upload(client: Client, url: string, content: Buffer, name: string, disposition?: string) {
  const boundary = '----samen-proof-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition ?? `filename="${name}"`}\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-samen-language': 'nl',
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
    },
  });
}

const countProofs = async () =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from expenditure_proofs`.execute(fx.db)).rows[0]!.n,
  );

describe('expenditure proof files', () => {
  let declId: string;
  let itemId: string;
  let secondItem: string;
  let proofId: string;
  const proofsUrl = () => `/api/expenditure/${declId}/items/${itemId}/proofs`;

  it('lets the declaring partner upload a proof, checksummed, and download it as an attachment', async () => {
    const fin = await t.login(FIN);
    declId = (await fin.post(`/api/programmes/${programmeId}/expenditure`, { period: '2025' })).json().id;
    itemId = (await fin.post(`/api/expenditure/${declId}/items`, item())).json().id;
    secondItem = (await fin.post(`/api/expenditure/${declId}/items`, item({ amount: '12.00' }))).json().id;
    const r = await upload(fin, proofsUrl(), PDF, 'Factuur NMBS – mei.pdf');
    expect(r.statusCode, r.body).toBe(201);
    const proof = r.json();
    expect(proof).toMatchObject({
      itemId,
      filename: 'Factuur NMBS – mei.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(proof.sha256).toMatch(/^[0-9a-f]{64}$/);
    proofId = proof.id;
    const png = await upload(fin, `/api/expenditure/${declId}/items/${secondItem}/proofs`, PNG, 'ticket.png');
    expect(png.statusCode, png.body).toBe(201);
    const list = (await fin.get(`/api/expenditure/${declId}/proofs`)).json() as ProofList;
    expect(list.proofs.map((p) => [p.itemId, p.filename])).toEqual([
      [itemId, 'Factuur NMBS – mei.pdf'],
      [secondItem, 'ticket.png'],
    ]);
    const file = await fin.get(`/api/expenditure/${declId}/proofs/${proofId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="Factuur_NMBS___mei\.pdf"/,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-security-policy'])).toContain('sandbox');
    // The same file twice on an item is refused; the audit log has the checksum, never the content.
    const again = await upload(fin, proofsUrl(), PDF, 'kopie.pdf');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('monitoring.expenditure.errors.proof_duplicate');
    const audit = await sql<{ after: Record<string, unknown> }>`select after from audit.log
      where entity = 'expenditure_proofs' and action = 'create'`.execute(fx.db);
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]!.after).toMatchObject({ sha256: proof.sha256 });
    expect(audit.rows[0]!.after).not.toHaveProperty('content');
  });

  it('refuses a bad file with a translated error and stores nothing', async () => {
    const fin = await t.login(FIN);
    const before = await countProofs();
    const cases: Array<[Buffer, string, string | undefined, string]> = [
      [Buffer.from('<html><script>alert(1)</script>'), 'factuur.pdf', undefined, 'proof_type'],
      [PDF, 'factuur.html', undefined, 'proof_type'],
      [Buffer.from('MZ\x90\x00'), 'factuur.exe', undefined, 'proof_type'],
      [Buffer.alloc(0), 'leeg.pdf', undefined, 'proof_empty'],
      [
        Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]),
        'groot.pdf',
        undefined,
        'proof_size',
      ],
      [PDF, '', "filename*=UTF-8''fac%07tuur.pdf", 'proof_name'],
      [PDF, '', 'filename="fac\x07tuur.pdf"', 'proof_name'],
    ];
    for (const [content, name, disposition, code] of cases) {
      const r = await upload(fin, proofsUrl(), content, name, disposition);
      expect(r.statusCode, `${name} ${disposition}: ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect(r.json().error.code, disposition ?? name).toBe(`monitoring.expenditure.errors.${code}`);
      expect(r.json().error.message).not.toContain('monitoring.expenditure');
    }
    // A line break in the encoded name makes the parser drop the file part: refused all the same.
    const broken = await upload(fin, proofsUrl(), PDF, '', "filename*=UTF-8''fac%0Atuur.pdf");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toMatch(/^monitoring\.expenditure\.errors\.proof_(name|missing)$/);
    expect(await countProofs()).toBe(before);
    // Without a file part, and to an item that is not the declaration's.
    const none = await fin.post(proofsUrl(), {});
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
    const foreign = await upload(
      fin,
      `/api/expenditure/${declId}/items/${crypto.randomUUID()}/proofs`,
      PNG,
      'x.png',
    );
    expect(foreign.statusCode).toBe(404);
    expect(await countProofs()).toBe(before);
  });

  it('hides the proofs of a draft from the lead and from another partner, even by guessing an id', async () => {
    for (const email of [LEAD, OTHER]) {
      const c = await t.login(email);
      const missing = await c.get(`/api/expenditure/${declId}/proofs/${crypto.randomUUID()}/file`);
      expect(missing.statusCode).toBe(404);
      const guessed = await c.get(`/api/expenditure/${declId}/proofs/${proofId}/file`);
      expect(guessed.statusCode).toBe(404);
      expect(guessed.json().error.code).toBe(missing.json().error.code);
      expect((await c.get(`/api/expenditure/${declId}/proofs`)).statusCode).toBe(404);
      expect((await upload(c, proofsUrl(), PNG, 'intrus.png')).statusCode).toBe(404);
      expect((await c.del(`/api/expenditure/${declId}/proofs/${proofId}`)).statusCode).toBe(404);
    }
    for (const who of [lead, other]) {
      const rows = await fx.asOrg(who, (trx) => sql`select id from expenditure_proofs`.execute(trx));
      expect(rows.rows).toHaveLength(0);
      const del = await fx.asOrg(who, (trx) => sql`delete from expenditure_proofs`.execute(trx));
      expect(Number(del.numAffectedRows ?? 0)).toBe(0);
    }
    // Inserting for the partner's item (or pretending it is the other's own) is refused by the database.
    for (const orgId of [partner.orgId, other.orgId])
      await expect(
        fx.asOrg(other, (trx) =>
          sql`insert into expenditure_proofs (item_id, declaration_id, org_id, lead_org_id, filename,
            media_type, size_bytes, sha256, content) values (${itemId}::uuid, ${declId}::uuid,
            ${orgId}::uuid, ${lead.orgId}::uuid, 'x.pdf', 'application/pdf', 1, ${'a'.repeat(64)},
            '\\x25'::bytea)`.execute(trx),
        ),
      ).rejects.toThrow(/row-level security|read-only|not the item/);
    expect(await countProofs()).toBe(2);
  });

  it('shows the proofs to the lead once submitted, and refuses any change by anyone then', async () => {
    const fin = await t.login(FIN);
    expect((await fin.post(`/api/expenditure/${declId}/submit`)).statusCode).toBe(200);
    const coord = await t.login(LEAD);
    const list = (await coord.get(`/api/expenditure/${declId}/proofs`)).json() as ProofList;
    expect(list.proofs).toHaveLength(2);
    const file = await coord.get(`/api/expenditure/${declId}/proofs/${proofId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // The lead neither adds nor removes; the partner no longer does either.
    expect((await upload(coord, proofsUrl(), PNG, 'lead.png')).statusCode).toBe(403);
    expect((await coord.del(`/api/expenditure/${declId}/proofs/${proofId}`)).statusCode).toBe(403);
    expect((await upload(fin, proofsUrl(), PNG, 'laat.png')).statusCode).toBe(409);
    const del = await fin.del(`/api/expenditure/${declId}/proofs/${proofId}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('monitoring.expenditure.errors.read_only');
    // Another partner still sees nothing.
    const mouscron = await t.login(OTHER);
    expect((await mouscron.get(`/api/expenditure/${declId}/proofs/${proofId}/file`)).statusCode).toBe(404);
    // In the database: the guard refuses the owner's delete, RLS the lead's.
    await expect(
      fx.asOrg(partner, (trx) =>
        sql`delete from expenditure_proofs where id = ${proofId}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/read-only once submitted/);
    const byLead = await fx.asOrg(lead, (trx) =>
      sql`delete from expenditure_proofs where id = ${proofId}::uuid`.execute(trx),
    );
    expect(Number(byLead.numAffectedRows ?? 0)).toBe(0);
    expect(await countProofs()).toBe(2);
  });

  it('lets the partner remove a proof again once the lead re-opens the declaration', async () => {
    const coord = await t.login(LEAD);
    expect(
      (await coord.post(`/api/expenditure/${declId}/reopen`, { reason: 'Factuur ontbreekt' })).statusCode,
    ).toBe(200);
    expect((await coord.get(`/api/expenditure/${declId}/proofs`)).statusCode).toBe(404);
    const fin = await t.login(FIN);
    expect((await fin.del(`/api/expenditure/${declId}/proofs/${proofId}`)).statusCode).toBe(200);
    expect((await fin.del(`/api/expenditure/${declId}/proofs/${proofId}`)).statusCode).toBe(404);
    // At most 10 files per item.
    for (let n = 1; n < 10; n++) {
      const r = await upload(fin, proofsUrl(), Buffer.concat([PNG, Buffer.from([n])]), `bon-${n}.png`);
      expect(r.statusCode, r.body).toBe(201);
    }
    const tenth = await upload(fin, proofsUrl(), Buffer.concat([PNG, Buffer.from('x')]), 'bon-10.png');
    expect(tenth.statusCode, tenth.body).toBe(201);
    const eleventh = await upload(fin, proofsUrl(), Buffer.concat([PNG, Buffer.from('y')]), 'bon-11.png');
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error.code).toBe('monitoring.expenditure.errors.proof_limit');
    expect(eleventh.json().error.message).toContain('10');
    // Removing an item removes its proofs.
    for (const i of [itemId, secondItem])
      expect((await fin.del(`/api/expenditure/${declId}/items/${i}`)).statusCode).toBe(200);
    expect(await countProofs()).toBe(0);
  });
});
