import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { Language } from '../../../../common/i18n/locales';
import type { RequestList } from '../../../../common/immersions/request-schemas';
import type { Actor } from '../../../platform/actor';
import { withContext } from '../../../platform/db/context';
import { pdfText } from '../../placements/pdf/fixtures.testing';
import { requestFixtures } from '../requests/fixtures.testing';
import { exportAgreementPdf } from './agreement-pdf';

const available = await engineAvailable();

const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';
const THIRD = 'coordination@cpas-mouscron.example';

type Member = { userId: string; orgId: string };

/**
 * The immersion agreement PDF on both engines, on the demo's Menen → Tourcoing immersions: the visitor's
 * organisation and the host get it, each in its own language by default; a third organisation gets the
 * 404 the request gives it, and so does the host while the request is still with the visitor's manager.
 */
describe.skipIf(!available)('immersion agreement PDF', () => {
  let t: TestApp;
  let fx: ReturnType<typeof requestFixtures>;
  let p: Awaited<ReturnType<ReturnType<typeof requestFixtures>['people']>>;
  let completed: string;
  let withManager: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = requestFixtures(t);
    p = await fx.people();
    const mine = (
      await (await t.login(VISITOR)).get('/api/immersions/requests?scope=mine')
    ).json() as RequestList;
    completed = mine.items.find((i) => i.status === 'completed')?.id ?? '';
    withManager = mine.items.find((i) => i.status === 'awaiting_manager')?.id ?? '';
  });
  afterAll(async () => t?.close());

  const pdfUrl = (id: string, lang?: string) =>
    `/api/immersions/requests/${id}/agreement.pdf${lang ? `?lang=${lang}` : ''}`;
  const actor = (m: Member): Actor => ({
    userId: m.userId,
    sessionId: randomUUID(),
    email: 'test@samen.example',
    displayName: 'Test',
    orgId: m.orgId,
    orgCountry: 'BE',
    roles: ['coordinator'],
    platformAdmin: false,
    language: 'en',
    csrfToken: '',
    mfaSetupRequired: false,
    requestId: randomUUID(),
  });
  /** The PDF as the route builds it, uncompressed, for its text. */
  const textFor = async (m: Member, id: string, lang?: Language) =>
    // Lines joined back into one run of words: the checks do not depend on where lines break.
    pdfText(
      (
        await withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, (trx) =>
          exportAgreementPdf(trx, actor(m), id, lang, { compress: false }),
        )
      ).pdf,
    ).replace(/\s+/g, ' ');
  const exports = async (id: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from audit.log
          where action = 'export' and entity = 'immersion_requests' and entity_id = ${id}`.execute(fx.db)
      ).rows[0]?.n ?? 0,
    );

  it('gives the visitor’s organisation the agreement in Dutch by default, and audits the download', async () => {
    expect(completed).not.toBe('');
    const before = await exports(completed);
    const r = await (await t.login(VISITOR)).download(pdfUrl(completed));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toContain('no-store');
    const ref = completed.replace(/-/g, '').slice(0, 8).toUpperCase();
    expect(r.headers['content-disposition']).toContain(
      `attachment; filename="inleefovereenkomst-${ref}.pdf"`,
    );
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await exports(completed)).toBe(before + 1);

    const text = await textFor(p.visitor, completed);
    expect(text).toContain('Inleefovereenkomst');
    expect(text).toContain('Zien hoe het CCAS Tourcoing jongeren begeleidt naar werk');
    expect(text).toContain('Lotte Uitwisseling');
    expect(text).toContain('Artikel 4 – Vertrouwelijkheid en beroepsgeheim');
    expect(text).toMatch(/Aanvaard door Lotte Uitwisseling op/);
    expect(text).toContain('Atelier collectif « CV et entretien »');
    expect(text).not.toContain('Werkdocument');
  });

  it('gives the host the same agreement in French by default, and in Dutch when asked', async () => {
    const host = await t.login(HOST);
    const fr = await host.download(pdfUrl(completed));
    expect(fr.statusCode, fr.body).toBe(200);
    expect(fr.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fr.headers['content-disposition']).toMatch(/filename="convention-immersion-[0-9A-F]{8}\.pdf"/);
    const nl = await host.download(pdfUrl(completed, 'nl'));
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-disposition']).toMatch(/filename="inleefovereenkomst-[0-9A-F]{8}\.pdf"/);

    const french = await textFor(p.host, completed);
    expect(french).toContain('Convention d’immersion');
    expect(french).toContain('Les parties');
    expect(french).toContain('Structure d’accueil');
    expect(french).toContain('Zien hoe het CCAS Tourcoing jongeren begeleidt naar werk');
    const dutch = await textFor(p.host, completed, 'nl');
    expect(dutch).toContain('De partijen');
    expect(dutch).toContain('Onthaalorganisatie');
    expect(dutch).toContain('Goedkeuringen');
    expect(dutch).not.toContain('Les parties');
    // What the visitor kept to their organisation never reaches the agreement.
    expect(dutch).not.toMatch(/werkgeversdag|eerste afspraak duurt/);
  });

  it('answers 404 to a third organisation, and to the host before the manager sent the request on', async () => {
    const before = await exports(completed);
    const third = await (await t.login(THIRD)).download(pdfUrl(completed));
    expect(third.statusCode).toBe(404);
    expect(third.headers['content-type']).toMatch(/json/);
    expect(await exports(completed)).toBe(before);

    expect(withManager).not.toBe('');
    expect((await (await t.login(HOST)).download(pdfUrl(withManager))).statusCode).toBe(404);
    const draft = await (await t.login(VISITOR)).download(pdfUrl(withManager, 'fr'));
    expect(draft.statusCode).toBe(200);
    const working = await textFor(p.visitor, withManager, 'fr');
    expect(working).toMatch(/Document de travail : pas encore convenu par les deux parties/);
    expect(working).toContain('Pas encore accepté.');

    // Once the manager sends it on, the host reads it too.
    expect(
      (
        await (
          await t.login(MANAGER)
        ).post(`/api/immersions/requests/${withManager}/transition`, {
          action: 'approve_manager',
          reason: null,
        })
      ).statusCode,
    ).toBe(200);
    expect((await (await t.login(HOST)).download(pdfUrl(withManager))).statusCode).toBe(200);
  });

  it('refuses a malformed id or language with a 400, an unknown id with a 404, no session with a 401', async () => {
    const c = await t.login(VISITOR);
    expect((await c.download(pdfUrl('not-a-uuid'))).statusCode).toBe(400);
    expect((await c.download(pdfUrl(completed, 'de'))).statusCode).toBe(400);
    expect((await c.download(pdfUrl(randomUUID()))).statusCode).toBe(404);
    expect((await t.anonymous.download(pdfUrl(completed))).statusCode).toBe(401);
  });
});
