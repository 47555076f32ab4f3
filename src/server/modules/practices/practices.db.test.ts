import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import type { AttentionItem } from '../../../common/dashboard/attention';
import type { PracticeDetail, PracticeInput, PracticePage } from '../../../common/practices/schemas';
import { PRACTICE_STATUSES } from '../../../common/practices/schemas';
import { practiceWorkflow } from '../../../common/practices/workflow';
import { withContext } from '../../platform/db/context';
import { referralFixtures } from '../people/referrals/fixtures.testing';
import { agreementFixtures } from '../placements/reminders/fixtures.testing';
import { draftPracticeFromSource } from '.';
import { practiceIndicatorRules } from './indicators/rules';

/**
 * The practice library on both engines (migration 0028): a draft is its organisation's alone (API and
 * database); only `practice.publish` holders publish; search in French and Dutch, accent-folded; the public
 * library shows public sheets only, without take-ups, and the contact only when the owner chose to; take-ups
 * are written by their organisation only and read by the network; the RCO116/RCR104 counts; translated 400s.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
let ax: ReturnType<typeof agreementFixtures>;
type Member = { userId: string; orgId: string };
let menenWriter: Member;
let menenPublisher: Member;
let mouscron: Member;
let kortrijk: Member;

const WRITER = 'maatschappelijk-werker@ocmw-menen.example';
const PUBLISHER = 'diensthoofd@ocmw-menen.example';
const MOUSCRON = 'coordination@cpas-mouscron.example';
const KORTRIJK = 'trajectbegeleider@ocmw-kortrijk.example';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('fictional leaflet, no person named\n')]);

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  ax = agreementFixtures(t);
  menenWriter = await fx.member(WRITER);
  menenPublisher = await fx.member(PUBLISHER);
  mouscron = await fx.member(MOUSCRON);
  kortrijk = await fx.member(KORTRIJK);
});
afterAll(async () => t?.close());

const sheet = (over: Partial<PracticeInput> = {}): PracticeInput => ({
  originalLanguage: 'nl',
  fr: null,
  nl: {
    title: 'Wijkloket voor nieuwkomers',
    context: null,
    description: 'Een wekelijks spreekuur in de wijk, met een tolk, voor wie pas in de stad woont.',
    objectives: null,
    targetPublic: null,
    partners: null,
    resources: null,
    results: null,
    difficulties: null,
    contact: 'Sociale dienst (fictief)',
  },
  themes: ['reception'],
  tags: ['wijkwerking'],
  partnerOrgIds: [],
  programmeId: null,
  contactEmail: 'wijkloket@ocmw-menen.example',
  contactPublic: false,
  ...over,
});

/** A multipart upload of one file in the field "file". */
function upload(client: Client, url: string, content: Buffer, name: string) {
  const boundary = '----samen-practice-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
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

async function create(client: Client, over: Partial<PracticeInput> = {}) {
  const r = await client.post('/api/practices', sheet(over));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; reference: string };
}

describe('practice sheets: drafts are the organisation’s alone', () => {
  let draftId: string;

  it('lets a writer create a draft, which no other organisation reads or changes (API)', async () => {
    const writer = await t.login(WRITER);
    const created = await create(writer);
    draftId = created.id;
    expect(created.reference).toMatch(/^BP-\d{4,}$/);
    const own = (await writer.get(`/api/practices/${draftId}`)).json() as PracticeDetail;
    expect(own).toMatchObject({ status: 'draft', own: true, originalLanguage: 'nl', fr: null });
    expect(own.nl?.title).toBe('Wijkloket voor nieuwkomers');

    const other = await t.login(MOUSCRON);
    expect((await other.get(`/api/practices/${draftId}`)).statusCode).toBe(404);
    expect((await other.put(`/api/practices/${draftId}`, sheet())).statusCode).toBe(404);
    expect(
      (await other.post(`/api/practices/${draftId}/transitions`, { action: 'publish' })).statusCode,
    ).toBe(404);
    expect((await other.del(`/api/practices/${draftId}`)).statusCode).toBe(404);
    expect((await upload(other, `/api/practices/${draftId}/attachments`, PDF, 'a.pdf')).statusCode).toBe(404);
    const list = (await other.get('/api/practices?q=wijkloket')).json() as PracticePage;
    expect(list.items.map((i) => i.id)).not.toContain(draftId);
    // Nor its take-up, nor anonymously.
    expect(
      (
        await other.post(`/api/practices/${draftId}/take-ups`, {
          status: 'planned',
          startsOn: '2027-01-04',
          endsOn: null,
          evidence: 'Plan',
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get(`/api/library/practices/${draftId}`)).statusCode).toBe(404);
  });

  it('keeps a draft and its attachments out of another organisation’s reach in the database', async () => {
    const writer = await t.login(WRITER);
    expect(
      (await upload(writer, `/api/practices/${draftId}/attachments`, PDF, 'folder.pdf')).statusCode,
    ).toBe(201);
    await fx.asOrg(mouscron, async (trx) => {
      const seen = await sql`select id from practice_sheets where id = ${draftId}`.execute(trx);
      expect(seen.rows).toHaveLength(0);
      const files = await sql`select id from practice_attachments where sheet_id = ${draftId}`.execute(trx);
      expect(files.rows).toHaveLength(0);
      const upd = await sql`update practice_sheets set title_nl = 'gekaapt' where id = ${draftId}`.execute(
        trx,
      );
      expect(Number(upd.numAffectedRows ?? 0)).toBe(0);
      const del = await sql`delete from practice_attachments where sheet_id = ${draftId}`.execute(trx);
      expect(Number(del.numAffectedRows ?? 0)).toBe(0);
    });
    // A sheet written in another organisation's name is refused by the policy.
    await expect(
      fx.asOrg(mouscron, (trx) =>
        sql`insert into practice_sheets (org_id, original_language, title_nl, description_nl, themes)
          values (${menenWriter.orgId}, 'nl', 'Vals', 'Vals', array['youth'])`.execute(trx),
      ),
    ).rejects.toThrow();
    // An attachment on another organisation's sheet too.
    await expect(
      fx.asOrg(mouscron, (trx) =>
        sql`insert into practice_attachments (sheet_id, org_id, filename, media_type, size_bytes, sha256, content)
          values (${draftId}, ${menenWriter.orgId}, 'x.pdf', 'application/pdf', 1, ${'a'.repeat(64)}, '\\x41'::bytea)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });

  it('lets only practice.publish holders publish, and refuses moves outside the workflow', async () => {
    const writer = await t.login(WRITER);
    const refused = await writer.post(`/api/practices/${draftId}/transitions`, { action: 'publish' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('practices.sheets.errors.transition_forbidden');
    const publisher = await t.login(PUBLISHER);
    const unknown = await publisher.post(`/api/practices/${draftId}/transitions`, { action: 'close_public' });
    expect(unknown.statusCode).toBe(400);
    expect(
      (await publisher.post(`/api/practices/${draftId}/transitions`, { action: 'publish' })).statusCode,
    ).toBe(200);
    // The database guard refuses a shortcut back to draft, whoever asks.
    await expect(
      fx.asOrg(menenPublisher, (trx) =>
        sql`update practice_sheets set status = 'draft' where id = ${draftId}`.execute(trx),
      ),
    ).rejects.toThrow(/workflow/);
    // Published: the writer may no longer edit nor delete it; the network reads it.
    expect((await writer.put(`/api/practices/${draftId}`, sheet())).statusCode).toBe(409);
    expect((await writer.del(`/api/practices/${draftId}`)).statusCode).toBe(409);
    const other = await t.login(MOUSCRON);
    const read = (await other.get(`/api/practices/${draftId}`)).json() as PracticeDetail;
    expect(read).toMatchObject({ status: 'network', own: false });
    expect(read.attachments.map((a) => a.filename)).toEqual(['folder.pdf']);
    const file = await other.get(`/api/practices/${draftId}/attachments/${read.attachments[0]!.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="folder\.pdf"/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    // Still not public.
    expect((await t.anonymous.get(`/api/library/practices/${draftId}`)).statusCode).toBe(404);
  });

  it('answers bad input with a translated 400, never a 500', async () => {
    const writer = await t.login(WRITER);
    const noOriginal = await writer.post('/api/practices', sheet({ originalLanguage: 'fr' }));
    expect(noOriginal.statusCode).toBe(400);
    expect(noOriginal.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'fr',
        code: 'practices.sheets.errors.original_missing',
        // In the writer's language (Dutch), whatever the request's header.
        message: 'Schrijf minstens de oorspronkelijke versie: een titel en een beschrijving.',
      }),
    ]);
    const self = await writer.post('/api/practices', sheet({ partnerOrgIds: [menenWriter.orgId] }));
    expect(self.json().error.fields[0].code).toBe('practices.sheets.errors.partner_is_owner');
    const unknownOrg = await writer.post(
      '/api/practices',
      sheet({ partnerOrgIds: ['00000000-0000-4000-8000-000000000001'] }),
    );
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.fields[0].code).toBe('practices.sheets.errors.partner_unknown');
    const badTheme = await writer.post('/api/practices', { ...sheet(), themes: ['nope'] });
    expect(badTheme.statusCode).toBe(400);
    const badTag = await writer.post('/api/practices', sheet({ tags: ['<script>'] }));
    expect(badTag.statusCode).toBe(400);
    const control = await writer.post('/api/practices', sheet({ tags: ['a\u0007b'] }));
    expect(control.statusCode).toBe(400);
    const badId = await writer.get('/api/practices/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const created = await create(writer);
    const badFile = await upload(
      writer,
      `/api/practices/${created.id}/attachments`,
      Buffer.from('MZ not a pdf'),
      'x.pdf',
    );
    expect(badFile.statusCode).toBe(400);
    expect(badFile.json().error).toMatchObject({ code: 'practices.sheets.errors.file_type' });
    expect(badFile.json().error.message).toMatch(/bestandstype/);
  });
});

describe('the library search and the public library', () => {
  it('finds sheets by words in French and in Dutch, accents folded, whatever the UI language', async () => {
    const reader = await t.login(KORTRIJK);
    const titles = async (q: string) =>
      ((await reader.get(`/api/practices?q=${encodeURIComponent(q)}`)).json() as PracticePage).items.map(
        (i) => i.titleFr ?? i.titleNl,
      );
    expect(await titles('primo-arrivants')).toContain('Accueil des primo-arrivants au guichet unique');
    expect(await titles('Nieuwkomers loket')).toContain('Accueil des primo-arrivants au guichet unique');
    expect(await titles('interpretariat')).toContain('Accueil des primo-arrivants au guichet unique');
    expect(await titles('schuldbemiddeling')).toContain('Budgetcafé: schuldbemiddeling in groep');
    expect(await titles('domiciliation')).toContain('Permanence bilingue de domiciliation');
    // Filters: theme, country of the owner, tag.
    const byTheme = (await reader.get('/api/practices?theme=debt_mediation')).json() as PracticePage;
    expect(byTheme.items.map((i) => i.titleNl)).toEqual(['Budgetcafé: schuldbemiddeling in groep']);
    const fr = (await reader.get('/api/practices?country=FR')).json() as PracticePage;
    expect(fr.items.every((i) => i.org.country === 'FR')).toBe(true);
    const tag = (
      await reader.get(`/api/practices?tag=${encodeURIComponent('Guichet Unique')}`)
    ).json() as PracticePage;
    expect(tag.items).toHaveLength(1);
    // Someone else's draft is never among the results (OCMW Menen's demo draft).
    const buddies = (await reader.get('/api/practices?q=buddywerking')).json() as PracticePage;
    expect(buddies.total).toBe(0);
  });

  it('shows only public sheets without sign-in, with no take-up, and the contact only when made public', async () => {
    const page = (await t.anonymous.get('/api/library/practices')).json() as PracticePage;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.status === 'public')).toBe(true);
    expect(page.items.map((i) => i.titleFr)).not.toContain('Permanence bilingue de domiciliation');
    const found = (await t.anonymous.get('/api/library/practices?q=onthaal')).json() as PracticePage;
    const reception = found.items.find((i) => i.titleFr === 'Accueil des primo-arrivants au guichet unique');
    expect(reception).toBeDefined();
    const detail = (
      await t.anonymous.get(`/api/library/practices/${reception!.id}`)
    ).json() as PracticeDetail;
    expect(detail.takeUps).toEqual([]);
    expect(detail.contactEmail).toBe('accueil@ccas-tourcoing.example');

    // A sheet opened to the public whose owner kept the contact for the network.
    const writer = await t.login(WRITER);
    const publisher = await t.login(PUBLISHER);
    const { id } = await create(writer, { nl: { ...sheet().nl!, title: 'Openbare fiche zonder contact' } });
    expect(
      (await publisher.post(`/api/practices/${id}/transitions`, { action: 'publish_public' })).statusCode,
    ).toBe(200);
    const open = (await t.anonymous.get(`/api/library/practices/${id}`)).json() as PracticeDetail;
    expect(open.status).toBe('public');
    expect(open.contactEmail).toBeNull();
    expect(open.nl?.contact).toBeNull();
    expect(open.nl?.title).toBe('Openbare fiche zonder contact');
    // A network sheet is not reachable through the public door, even for a signed-in caller.
    const network = (await writer.get('/api/practices?q=domiciliation')).json() as PracticePage;
    const mouscronSheet = network.items.find((i) => i.status === 'network')!;
    expect((await writer.get(`/api/library/practices/${mouscronSheet.id}`)).statusCode).toBe(404);
    // Withdrawn: gone from the public library and the network.
    expect(
      (await publisher.post(`/api/practices/${id}/transitions`, { action: 'withdraw' })).statusCode,
    ).toBe(200);
    expect((await t.anonymous.get(`/api/library/practices/${id}`)).statusCode).toBe(404);
    expect((await (await t.login(MOUSCRON)).get(`/api/practices/${id}`)).statusCode).toBe(404);
  });
});

describe('take-up follow-up', () => {
  let sheetId: string;
  let takeUpId: string;

  it('lets another organisation record its take-up, which the network and the owner read', async () => {
    const writer = await t.login(WRITER);
    const publisher = await t.login(PUBLISHER);
    sheetId = (await create(writer, { nl: { ...sheet().nl!, title: 'Fiche om over te nemen' } })).id;
    expect(
      (await publisher.post(`/api/practices/${sheetId}/transitions`, { action: 'publish' })).statusCode,
    ).toBe(200);
    const other = await t.login(MOUSCRON);
    const r = await other.post(`/api/practices/${sheetId}/take-ups`, {
      status: 'adopted',
      startsOn: '2026-06-01',
      endsOn: null,
      evidence: 'Mis en place au guichet de Mouscron (fictif).',
    });
    expect(r.statusCode, r.body).toBe(201);
    takeUpId = r.json().id;
    const ev = await upload(
      other,
      `/api/practices/${sheetId}/take-ups/${takeUpId}/evidence`,
      PDF,
      'note.pdf',
    );
    expect(ev.statusCode, ev.body).toBe(200);
    const again = await upload(
      other,
      `/api/practices/${sheetId}/take-ups/${takeUpId}/evidence`,
      PDF,
      'note.pdf',
    );
    expect(again.statusCode).toBe(409);

    const owner = (await writer.get(`/api/practices/${sheetId}`)).json() as PracticeDetail;
    expect(owner.takeUps).toEqual([
      expect.objectContaining({
        status: 'adopted',
        org: expect.objectContaining({ id: mouscron.orgId }),
        canDownloadEvidence: true,
      }),
    ]);
    expect((await writer.get(`/api/practices/${sheetId}/take-ups/${takeUpId}/evidence`)).statusCode).toBe(
      200,
    );
    const third = await t.login(KORTRIJK);
    const seen = (await third.get(`/api/practices/${sheetId}`)).json() as PracticeDetail;
    expect(seen.takeUps).toEqual([expect.objectContaining({ mine: false, canDownloadEvidence: false })]);
    // The evidence file is the recording organisation's and the owner's only.
    expect((await third.get(`/api/practices/${sheetId}/take-ups/${takeUpId}/evidence`)).statusCode).toBe(404);
  });

  it('lets no organisation write or remove another organisation’s take-up', async () => {
    const third = await t.login(KORTRIJK);
    const del = await third.del(`/api/practices/${sheetId}/take-ups/${takeUpId}`);
    expect(del.statusCode).toBe(403);
    expect(del.json().error.code).toBe('practices.takeups.errors.not_yours');
    await fx.asOrg(kortrijk, async (trx) => {
      const d = await sql`delete from practice_take_ups where id = ${takeUpId}`.execute(trx);
      expect(Number(d.numAffectedRows ?? 0)).toBe(0);
    });
    await expect(
      fx.asOrg(kortrijk, (trx) =>
        sql`insert into practice_take_ups (sheet_id, sheet_org_id, org_id, status, starts_on, evidence)
          values (${sheetId}, ${menenWriter.orgId}, ${mouscron.orgId}, 'adopted', '2026-06-01', 'Vals')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
    // The owner records no take-up of its own sheet; dates follow the rules (translated).
    const owner = await t.login(WRITER);
    const own = await owner.post(`/api/practices/${sheetId}/take-ups`, {
      status: 'adopted',
      startsOn: '2026-06-01',
      endsOn: null,
      evidence: 'Eigen',
    });
    expect(own.statusCode).toBe(409);
    const abandoned = await third.post(`/api/practices/${sheetId}/take-ups`, {
      status: 'abandoned',
      startsOn: '2026-06-01',
      endsOn: null,
      evidence: 'Gestopt',
    });
    expect(abandoned.statusCode).toBe(400);
    expect(abandoned.json().error.fields[0]).toMatchObject({
      path: 'endsOn',
      code: 'practices.takeups.errors.end_required',
      message: 'Geef aan wanneer de praktijk werd stopgezet.',
    });
    // Its own record: removed by itself.
    const mine = await third.post(`/api/practices/${sheetId}/take-ups`, {
      status: 'planned',
      startsOn: '2099-01-05',
      endsOn: null,
      evidence: 'Gepland voor later',
    });
    expect(mine.statusCode).toBe(201);
    expect((await third.del(`/api/practices/${sheetId}/take-ups/${mine.json().id}`)).statusCode).toBe(200);
  });
});

describe('indicators RCO116 and RCR104', () => {
  it('count jointly developed sheets and sheets taken up by another organisation, by definer functions', async () => {
    const programmeId = await ax.createProgramme(menenPublisher.orgId, 'PRAC-P');
    for (const org of [mouscron.orgId, kortrijk.orgId])
      await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
        values (${programmeId}::uuid, ${org}::uuid, ${menenPublisher.orgId}::uuid, 'partner')`.execute(fx.db);
    const writer = await t.login(WRITER);
    const publisher = await t.login(PUBLISHER);
    const joint = await create(writer, { programmeId, partnerOrgIds: [mouscron.orgId] });
    const alone = await create(writer, { programmeId });
    const draft = await create(writer, { programmeId, partnerOrgIds: [kortrijk.orgId] });
    for (const id of [joint.id, alone.id])
      expect(
        (await publisher.post(`/api/practices/${id}/transitions`, { action: 'publish' })).statusCode,
      ).toBe(200);
    // A programme the organisation is not in is refused.
    const foreign = await ax.createProgramme(mouscron.orgId, 'PRAC-X');
    const refused = await writer.post('/api/practices', sheet({ programmeId: foreign }));
    expect(refused.json().error.fields[0].code).toBe('practices.sheets.errors.programme_not_member');

    const other = await t.login(MOUSCRON);
    const third = await t.login(KORTRIJK);
    const takeUp = (c: Client, id: string, status: string) =>
      c.post(`/api/practices/${id}/take-ups`, {
        status,
        startsOn: '2026-06-01',
        endsOn: null,
        evidence: 'Vastgesteld',
      });
    expect((await takeUp(other, joint.id, 'adopted')).statusCode).toBe(201);
    expect((await takeUp(third, joint.id, 'adopted')).statusCode).toBe(201);
    expect((await takeUp(third, alone.id, 'trying')).statusCode).toBe(201);

    const [developed, takenUp] = practiceIndicatorRules;
    const scope = { programmeId, from: '2026-01-01', to: '2028-12-31', params: {} };
    await fx.asOrg(kortrijk, async (trx) => {
      expect(await developed!.count(trx, scope)).toEqual({
        total: 1,
        byPartner: [{ orgId: menenWriter.orgId, n: 1 }],
      });
      const rows = await developed!.records(trx, scope);
      expect(rows).toEqual([
        expect.objectContaining({ subject: joint.reference, personId: null, detail: '2' }),
      ]);
      expect(await takenUp!.count(trx, scope)).toEqual({
        total: 1,
        byPartner: [{ orgId: menenWriter.orgId, n: 1 }],
      });
      expect(await takenUp!.records(trx, scope)).toEqual([
        expect.objectContaining({ subject: joint.reference, startsOn: '2026-06-01', detail: '2' }),
      ]);
      // Outside the period: nothing.
      const before = { ...scope, from: '2025-01-01', to: '2025-12-31' };
      expect((await takenUp!.count(trx, before)).total).toBe(0);
      expect((await developed!.count(trx, before)).total).toBe(0);
    });
    // The counting rows are not readable as a whole through the `_all` functions.
    await expect(
      fx.asOrg(kortrijk, (trx) =>
        sql`select * from app.ind_practices_taken_up_all(${programmeId}::uuid, '2026-01-01', '2028-12-31')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/permission/);
    expect(draft.reference).toMatch(/^BP-/);
  });
});

describe('draftPracticeFromSource', () => {
  it('starts a draft of the organisation from another module’s record, marked with its source', async () => {
    const created = await fx.asOrg(menenWriter, (trx) =>
      draftPracticeFromSource(trx, {
        orgId: menenWriter.orgId,
        userId: menenWriter.userId,
        sourceKind: 'immersion_report',
        sourceId: '00000000-0000-4000-8000-0000000000aa',
        language: 'nl',
        fields: { title: 'Verwondering: één loket', description: 'Wat we in Tourcoing zagen.' },
      }),
    );
    const writer = await t.login(WRITER);
    const d = (await writer.get(`/api/practices/${created.id}`)).json() as PracticeDetail;
    expect(d).toMatchObject({
      status: 'draft',
      sourceKind: 'immersion_report',
      originalLanguage: 'nl',
      fr: null,
    });
    expect(d.nl?.title).toBe('Verwondering: één loket');
    // Another organisation cannot start a draft in Menen's name.
    await expect(
      fx.asOrg(mouscron, (trx) =>
        draftPracticeFromSource(trx, {
          orgId: menenWriter.orgId,
          userId: mouscron.userId,
          sourceKind: 'immersion_report',
          sourceId: null,
          language: 'fr',
          fields: { title: 'Faux', description: 'Faux' },
        }),
      ),
    ).rejects.toThrow();
  });
});

describe('the dashboard', () => {
  it("tells a practice.publish holder how many of its organisation's drafts wait, and nobody else", async () => {
    const items = async (email: string) =>
      ((await (await t.login(email)).get('/api/dashboard')).json().items as AttentionItem[]).filter((i) =>
        i.key.startsWith('practices.'),
      );
    const drafts = await fx.asOrg(menenPublisher, async (trx) =>
      Number(
        (
          await sql<{ n: string }>`select count(*)::text as n from practice_sheets
          where org_id = ${menenPublisher.orgId} and status = 'draft'`.execute(trx)
        ).rows[0]!.n,
      ),
    );
    expect(drafts).toBeGreaterThan(0);
    expect(await items(PUBLISHER)).toEqual([
      expect.objectContaining({
        key: 'practices.sheets.attention.drafts',
        count: drafts,
        link: '/app/practices?mine=1',
      }),
    ]);
    // The writer cannot publish; another organisation's publisher does not see Menen's drafts.
    expect(await items(WRITER)).toEqual([]);
    expect(await items(MOUSCRON)).toEqual([]);
  });
});

describe('the sheet guard of migration 0028', () => {
  it('allows exactly the moves of the workflow, and a sheet is created as a draft', async () => {
    const allowed = new Set(practiceWorkflow.moves('owner').map((m) => `${m.from}>${m.to}`));
    // The shortest path to each status along the workflow, to start each attempt from it.
    const path: Record<string, string[]> = {
      draft: [],
      network: ['network'],
      public: ['public'],
      withdrawn: ['network', 'withdrawn'],
    };
    const admin = { platformAdmin: true, userId: menenPublisher.userId, orgId: menenPublisher.orgId };
    const accepted: string[] = [];
    for (const from of PRACTICE_STATUSES)
      for (const to of PRACTICE_STATUSES) {
        if (from === to) continue;
        const ok = await withContext(fx.db, admin, async (trx) => {
          const r = await sql<{
            id: string;
          }>`insert into practice_sheets (org_id, original_language, title_nl,
              description_nl, themes) values (${menenPublisher.orgId}, 'nl', 'Guard', 'Guard', array['youth'])
            returning id`.execute(trx);
          const id = r.rows[0]!.id;
          for (const step of path[from]!)
            await sql`update practice_sheets set status = ${step} where id = ${id}`.execute(trx);
          await sql`savepoint move`.execute(trx);
          try {
            await sql`update practice_sheets set status = ${to} where id = ${id}`.execute(trx);
            return true;
          } catch {
            await sql`rollback to savepoint move`.execute(trx);
            return false;
          } finally {
            await sql`delete from practice_sheets where id = ${id} and status = 'draft'`.execute(trx);
          }
        });
        if (ok) accepted.push(`${from}>${to}`);
      }
    expect(accepted.sort()).toEqual([...allowed].sort());
    await expect(
      withContext(fx.db, admin, (trx) =>
        sql`insert into practice_sheets (org_id, original_language, title_nl, description_nl, themes, status)
          values (${menenPublisher.orgId}, 'nl', 'Direct', 'Direct', array['youth'], 'public')`.execute(trx),
      ),
    ).rejects.toThrow(/draft/);
  });
});
