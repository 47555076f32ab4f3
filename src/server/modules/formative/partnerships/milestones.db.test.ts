import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import type { PartnershipView } from '../../../../common/formative/schemas';
import type { ProgrammeDetail, ProgrammeList } from '../../../../common/network/programme-schemas';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

/**
 * The partnership's convention, funding order and hiring as its programme's milestones, and its signed
 * documents as the programme's documents (migration 0034), on both engines: one milestone per step, moved
 * when the date changes; the demo's FAMI partnership linked to the programme's real dates; both parties
 * read them, only the lead's coordinator writes them, no third organisation reads or writes any of it.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
type Member = { userId: string; orgId: string };
let lead: Member;
let trainee: Member;
let other: Member;
let coord: Client;
let programmeId: string;
let id: string;

const PDF = Buffer.from('%PDF-1.7\nconvention de partenariat fictive, aucune personne nommée\n');
const ORDER = Buffer.from('%PDF-1.7\narrêté de financement fictif\n');

const upload = (client: Client, url: string, filename: string, content: Buffer) => {
  const boundary = '----samen-formative-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
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
      'x-samen-language': 'fr',
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
    },
  });
};

const links = (partnershipId: string) =>
  fx.asOrg(lead, (trx) =>
    trx
      .selectFrom('formative_partnerships')
      .select([
        'convention_milestone_id',
        'funding_order_milestone_id',
        'hired_milestone_id',
        'convention_document_id',
        'funding_order_document_id',
      ])
      .where('id', '=', partnershipId)
      .executeTakeFirstOrThrow(),
  );

const milestones = async (c: Client, programme: string) =>
  ((await c.get(`/api/programmes/${programme}`)).json() as ProgrammeDetail).milestones;

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  lead = await fx.member('coordination@cpas-charleroi.example');
  trainee = await fx.member('stagiaire@cpas-binche.example');
  other = await fx.member('coordination@cpas-mouscron.example');
  coord = await t.login('coordination@cpas-charleroi.example');
});
afterAll(async () => t?.close());

describe('formative milestones and documents', () => {
  it('links the demo FAMI partnership to the programme’s real dates, without a second copy', async () => {
    const list = (await coord.get('/api/programmes')).json() as ProgrammeList;
    const fami = list.items.find((p) => p.acronym === 'FAMI Charleroi–Binche')!.id;
    const m = await milestones(coord, fami);
    expect(m.map((x) => x.occursOn)).toEqual(['2019-10-07', '2020-01-17', '2020-02-07']);
    const partnership = await fx.asOrg(lead, (trx) =>
      trx
        .selectFrom('formative_partnerships')
        .select('id')
        .where('programme_id', '=', fami)
        .executeTakeFirstOrThrow(),
    );
    expect(await links(partnership.id)).toMatchObject({
      convention_milestone_id: m[0]!.id,
      funding_order_milestone_id: m[1]!.id,
      hired_milestone_id: m[2]!.id,
    });
    // The live partnership's steps are milestones of its own (fictional) programme, in three languages.
    const suite = list.items.find((p) => p.acronym === 'Charleroi–Binche suite')!.id;
    const live = await milestones(coord, suite);
    expect(live.map((x) => [x.labelFr, x.labelNl, x.labelEn])).toEqual([
      [
        'Convention de partenariat Charleroi–Binche signée',
        'Partnerschapsovereenkomst Charleroi–Binche ondertekend',
        'Charleroi–Binche partnership agreement signed',
      ],
      [
        'Arrêté de financement du partenariat Charleroi–Binche reçu',
        'Financieringsbesluit voor het partnerschap Charleroi–Binche ontvangen',
        'Funding order for the Charleroi–Binche partnership received',
      ],
      [
        'Engagement de la ou du stagiaire du partenariat Charleroi–Binche',
        'Aanwerving van de stagiair van het partnerschap Charleroi–Binche',
        'Trainee of the Charleroi–Binche partnership hired',
      ],
    ]);
  });

  it('creates each milestone once and moves the same one when its date changes', async () => {
    const opts = (await coord.get('/api/formative/options')).json();
    const programme = opts.programmes.find(
      (p: { acronym: string }) => p.acronym === 'Charleroi–Binche suite',
    );
    programmeId = programme.id;
    const before = (await milestones(coord, programmeId)).length;
    const tutor = await fx.member('tutrice@cpas-charleroi.example');
    const unit = (await coord.get('/api/formative/modules'))
      .json()
      .units.find((u: { nameFr: string }) => u.nameFr === 'Service Action Migrants').id;
    const body = {
      programmeId,
      partnerOrgId: trainee.orgId,
      hostUnitId: unit,
      tutorUserId: tutor.userId,
      traineeEmail: 'stagiaire@cpas-binche.example',
      immersionStartsOn: '2027-01-04',
      immersionEndsOn: '2027-12-31',
      applicationStartsOn: '2028-01-03',
      applicationEndsOn: '2028-12-29',
      conventionOn: '2026-10-07',
      fundingOrderOn: null,
      hiredOn: null,
      plan: [{ moduleId: opts.modules[0].id, plannedHours: 100 }],
    };
    const created = await coord.post('/api/formative', body);
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const first = await links(id);
    expect(first.convention_milestone_id).not.toBeNull();
    expect([first.funding_order_milestone_id, first.hired_milestone_id]).toEqual([null, null]);
    expect(await milestones(coord, programmeId)).toHaveLength(before + 1);

    const { plan: _plan, programmeId: _p, partnerOrgId: _o, traineeEmail: _e, ...edit } = body;
    const moved = { ...edit, conventionOn: '2026-10-14', hiredOn: '2026-12-01' };
    expect((await coord.put(`/api/formative/${id}`, moved)).statusCode).toBe(200);
    // The same edit twice adds nothing.
    expect((await coord.put(`/api/formative/${id}`, moved)).statusCode).toBe(200);
    const second = await links(id);
    expect(second.convention_milestone_id).toBe(first.convention_milestone_id);
    const now = await milestones(coord, programmeId);
    expect(now).toHaveLength(before + 2);
    expect(now.find((m) => m.id === first.convention_milestone_id)?.occursOn).toBe('2026-10-14');
    expect(now.find((m) => m.id === second.hired_milestone_id)).toMatchObject({
      occursOn: '2026-12-01',
      labelFr: 'Engagement de la ou du stagiaire du partenariat Charleroi–Binche',
    });

    // Removed on the programme's page: the link goes, the next save puts the milestone back, once.
    await fx.asOrg(lead, (trx) =>
      trx.deleteFrom('programme_milestones').where('id', '=', second.hired_milestone_id!).execute(),
    );
    expect((await links(id)).hired_milestone_id).toBeNull();
    expect((await coord.put(`/api/formative/${id}`, moved)).statusCode).toBe(200);
    expect(await milestones(coord, programmeId)).toHaveLength(before + 2);
    // A cleared date removes its milestone.
    expect((await coord.put(`/api/formative/${id}`, { ...moved, hiredOn: null })).statusCode).toBe(200);
    expect(await milestones(coord, programmeId)).toHaveLength(before + 1);
    expect((await links(id)).hired_milestone_id).toBeNull();
    // The partner (a partner of the programme) reads them on the programme's page.
    const stag = await t.login('stagiaire@cpas-binche.example');
    expect((await milestones(stag, programmeId)).map((m) => m.id)).toContain(first.convention_milestone_id);
  });

  it('lets the lead’s coordinator attach the signed documents, which the partner downloads read-only', async () => {
    const url = `/api/formative/${id}/documents/convention`;
    const r = await upload(coord, url, 'Convention signée.pdf', PDF);
    expect(r.statusCode, r.body).toBe(201);
    const doc = r.json().document;
    expect(doc).toMatchObject({ filename: 'Convention signée.pdf', mediaType: 'application/pdf' });
    // The same file as the funding order: linked, not stored twice.
    const again = await upload(coord, `/api/formative/${id}/documents/funding_order`, 'copie.pdf', PDF);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().document.id).toBe(doc.id);
    const order = await upload(coord, `/api/formative/${id}/documents/funding_order`, 'arrete.pdf', ORDER);
    expect(order.statusCode, order.body).toBe(201);
    const programme = (await coord.get(`/api/programmes/${programmeId}`)).json() as ProgrammeDetail;
    expect(programme.documents.map((d) => d.filename).sort()).toEqual([
      'Convention signée.pdf',
      'arrete.pdf',
    ]);
    const v = (await coord.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(v.me.canAttach).toBe(true);
    expect(v.documents.map((d) => [d.kind, d.document?.filename])).toEqual([
      ['convention', 'Convention signée.pdf'],
      ['funding_order', 'arrete.pdf'],
    ]);

    // The partner sees and downloads them, and attaches nothing.
    const stag = await t.login('stagiaire@cpas-binche.example');
    const seen = (await stag.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(seen.me.canAttach).toBe(false);
    expect(seen.documents[0]!.document?.id).toBe(doc.id);
    const file = await stag.get(`/api/programmes/${programmeId}/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await upload(stag, url, 'x.pdf', ORDER)).statusCode).toBe(403);
    expect((await stag.del(url)).statusCode).toBe(403);
    // Nor does the tutor (the lead's staff without formative.manage).
    const tut = await t.login('tutrice@cpas-charleroi.example');
    expect((await upload(tut, url, 'x.pdf', ORDER)).statusCode).toBe(403);

    // Bad input: a translated 400, nothing changed.
    const bad = await upload(coord, url, 'page.pdf', Buffer.from('<html>pas un PDF</html>'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/type de fichier/i);
    const nothing = await t.app.inject({
      method: 'POST',
      url,
      payload: '{}',
      headers: {
        'content-type': 'application/json',
        'x-samen-language': 'fr',
        cookie: coord.cookie,
        'x-csrf-token': coord.csrf,
      },
    });
    expect(nothing.statusCode).toBe(400);
    expect((await coord.del(`/api/formative/${id}/documents/other`)).statusCode).toBe(400);
    expect((await links(id)).convention_document_id).toBe(doc.id);

    // Detached: gone from the partnership, still a document of the programme.
    expect((await coord.del(url)).statusCode).toBe(200);
    const after = (await coord.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(after.documents[0]!.document).toBeNull();
    const still = (await coord.get(`/api/programmes/${programmeId}`)).json() as ProgrammeDetail;
    expect(still.documents.map((d) => d.id)).toContain(doc.id);
  });

  it('lets no other organisation read or write the milestones, documents or links', async () => {
    const l = await links(id);
    const ids = [l.convention_milestone_id!];
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    expect((await mouscron.get(`/api/formative/${id}`)).statusCode).toBe(404);
    expect(
      (await upload(mouscron, `/api/formative/${id}/documents/convention`, 'x.pdf', ORDER)).statusCode,
    ).toBe(404);
    expect((await mouscron.del(`/api/formative/${id}/documents/funding_order`)).statusCode).toBe(404);
    const read = await fx.asOrg(other, (trx) =>
      trx.selectFrom('programme_milestones').select('id').where('id', 'in', ids).execute(),
    );
    expect(read).toEqual([]);
    const docs = await fx.asOrg(other, (trx) =>
      trx.selectFrom('programme_documents').select('id').where('programme_id', '=', programmeId).execute(),
    );
    expect(docs).toEqual([]);
    const moved = await fx.asOrg(other, (trx) =>
      sql`update programme_milestones set occurs_on = '2000-01-01' where id = ${ids[0]}::uuid`.execute(trx),
    );
    expect(Number(moved.numAffectedRows ?? 0)).toBe(0);
    const unlinked = await fx.asOrg(other, (trx) =>
      sql`update formative_partnerships set convention_milestone_id = null where id = ${id}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(unlinked.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into programme_milestones (programme_id, org_id, occurs_on, label_fr, label_nl)
          values (${programmeId}::uuid, ${lead.orgId}::uuid, '2026-01-01', 'Intrus', 'Indringer')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // The partner reads them but writes neither the milestones nor the partnership's links.
    const partnerMoved = await fx.asOrg(trainee, (trx) =>
      sql`update programme_milestones set occurs_on = '2000-01-01' where id = ${ids[0]}::uuid`.execute(trx),
    );
    expect(Number(partnerMoved.numAffectedRows ?? 0)).toBe(0);
    const partnerUnlinked = await fx.asOrg(trainee, (trx) =>
      sql`update formative_partnerships set convention_milestone_id = null where id = ${id}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(partnerUnlinked.numAffectedRows ?? 0)).toBe(0);
    expect((await links(id)).convention_milestone_id).toBe(ids[0]);
    // A partnership cannot point at another programme's milestone, even its lead's own.
    const foreign = await fx.asOrg(lead, (trx) =>
      trx
        .selectFrom('programme_milestones')
        .select('id')
        .where('programme_id', '<>', programmeId)
        .where('org_id', '=', lead.orgId)
        .executeTakeFirstOrThrow(),
    );
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`update formative_partnerships set funding_order_milestone_id = ${foreign.id}::uuid
          where id = ${id}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
