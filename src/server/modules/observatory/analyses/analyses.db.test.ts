import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { Language } from '../../../../common/i18n/locales';
import type { AnalysisList, AnalysisView } from '../../../../common/observatory/analysis-schemas';
import type { Actor } from '../../../platform/actor';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { pdfText } from '../../placements/pdf/fixtures.testing';
import { exportAnalysisPdf } from './export';

const available = await engineAvailable();

/**
 * The partners' local analyses on both engines (issue 12): the demo's published analyses read by every
 * partner, a draft by its organisation only; writing, moving and removing sections of the draft; publishing
 * freezes version N (the database refuses any change to it) and starts N+1 as its copy; no other
 * organisation writes; the PDF of a version with its tiles' tables, hidden values printed as hidden.
 */
describe.skipIf(!available)('observatory local analyses', () => {
  let t: TestApp;
  let wvl: Client;
  let tourcoing: Client;
  const WVL = 'analist@west-vlaanderen.example';
  const TOURCOING = 'analyse@ccas-tourcoing.example';
  let created = '';

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login(WVL);
    tourcoing = await t.login(TOURCOING);
  });
  afterAll(async () => t?.close());

  const view = async (client: Client, id: string, query = '') => {
    const r = await client.get(`/api/observatory/analyses/${id}${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as AnalysisView;
  };
  const list = async (client: Client) =>
    (await client.get('/api/observatory/analyses')).json() as AnalysisList;
  const section = (over: Record<string, unknown> = {}) => ({
    theme: 'poverty',
    headingFr: 'Pauvreté',
    headingNl: 'Armoede',
    bodyFr: 'Premier paragraphe.\n\nSecond paragraphe.',
    bodyNl: 'Eerste alinea.',
    tile: null,
    ...over,
  });

  it('shows each partner’s published analysis to every reader, its draft to its organisation only', async () => {
    const seen = await list(wvl);
    const abs = seen.items.find((a) => a.title === 'Analyse van de sociale noden 2026')!;
    expect(abs.organisation).toBe('CCAS Toerkonje');
    expect([abs.latest?.number, abs.draft, abs.canEdit]).toEqual([1, null, false]);
    expect(seen.items.some((a) => a.title === 'Sociale omgevingsanalyse Kortrijk')).toBe(true);
    const own = (await list(tourcoing)).items.find((a) => a.id === abs.id)!;
    expect([own.title, own.draft, own.canEdit]).toEqual(['Analyse des besoins sociaux 2026', 2, true]);

    const v = await view(wvl, abs.id);
    expect(v.version).toMatchObject({ number: 1, status: 'published' });
    expect(v.versions.map((x) => x.number)).toEqual([1]);
    expect(v.territory).toBe('Toerkonje');
    expect(v.sections.map((s) => s.theme)).toEqual(['general', 'poverty', 'family', 'ageing']);
    expect(v.sections[1]!.heading).toBe('Armoede en minimuminkomens');
    // The tile restricted to the organisation's municipality.
    expect(v.sections[1]!.tile!.map.cells.map((c) => c.code)).toEqual(['FR-59599']);
    expect(v.sections[1]!.tile!.map.totals.map((x) => x.code)).toEqual(['FR']);
    expect((await wvl.get(`/api/observatory/analyses/${abs.id}?version=draft`)).statusCode).toBe(404);
    expect((await wvl.get(`/api/observatory/analyses/${abs.id}?version=2`)).statusCode).toBe(404);
    expect((await view(tourcoing, abs.id, '?version=draft')).version).toMatchObject({
      number: 2,
      status: 'draft',
    });
    expect((await t.anonymous.get('/api/observatory/analyses')).statusCode).toBe(401);
  });

  it('lets its organisation write the draft, publish it and go on with a copy', async () => {
    const r = await tourcoing.post('/api/observatory/analyses', {
      titleFr: 'ABS intercommunale',
      titleNl: 'Intergemeentelijke analyse',
      group: 'eurometropole',
    });
    expect(r.statusCode, r.body).toBe(201);
    created = r.json().id;
    const url = `/api/observatory/analyses/${created}`;
    const add = async (body: Record<string, unknown>) => {
      const x = await tourcoing.post(`${url}/sections`, body);
      expect(x.statusCode, x.body).toBe(201);
      return x.json().id as string;
    };
    const a = await add(section({ theme: 'general', headingFr: 'Introduction', headingNl: 'Inleiding' }));
    const b = await add(
      section({ tile: { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'table', period: '2022' } }),
    );
    const c = await add(section({ theme: 'youth', headingFr: 'Jeunesse', headingNl: 'Jeugd' }));
    expect((await tourcoing.post(`${url}/sections/${c}/move`, { direction: 'up' })).statusCode).toBe(200);
    expect((await tourcoing.del(`${url}/sections/${a}`)).statusCode).toBe(200);
    const put = await tourcoing.put(
      `${url}/sections/${b}`,
      section({ headingFr: 'Pauvreté et RSA', tile: { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'map' } }),
    );
    expect(put.statusCode, put.body).toBe(200);
    let d = await view(tourcoing, created, '?version=draft');
    expect(d.sections.map((s) => s.headingFr)).toEqual(['Jeunesse', 'Pauvreté et RSA']);
    expect(d.sections[1]!.tile).toMatchObject({ kind: 'map', period: null });
    expect(d.territory).toBe('Eurométropole Lille-Kortrijk-Tournai');
    // Line breaks kept as typed.
    expect(d.sections[0]!.bodyFr).toBe('Premier paragraphe.\n\nSecond paragraphe.');
    // Nobody else sees the draft yet.
    expect((await list(wvl)).items.some((x) => x.id === created)).toBe(false);
    expect((await wvl.get(url)).statusCode).toBe(404);

    // "Publish version 2" when the draft is 1: refused, nothing changed.
    const stale = await tourcoing.post(`${url}/publish`, { number: 2 });
    expect(stale.statusCode).toBe(409);
    const pub = await tourcoing.post(`${url}/publish`, { number: 1, note: 'Adoptée en conseil.' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toEqual({ published: 1, draft: 2 });

    const v1 = await view(wvl, created);
    expect(v1.version).toMatchObject({ number: 1, status: 'published', note: 'Adoptée en conseil.' });
    expect(v1.version.publishedAt).not.toBeNull();
    // The tile on "the latest period" is pinned in the version adopted; the new draft still follows the latest.
    expect(v1.sections.find((s) => s.headingFr === 'Pauvreté et RSA')!.tile).toMatchObject({
      period: '2022',
    });
    d = await view(tourcoing, created, '?version=draft');
    expect(d.version.number).toBe(2);
    expect(d.sections.find((s) => s.headingFr === 'Pauvreté et RSA')!.tile).toMatchObject({ period: null });
    expect(d.sections.map((s) => s.headingFr)).toEqual(['Jeunesse', 'Pauvreté et RSA']);
    expect(d.sections.map((s) => s.id)).not.toContain(b);
    // The published version's sections are no longer the draft's: not found for an edit.
    expect((await tourcoing.put(`${url}/sections/${b}`, section())).statusCode).toBe(404);
    expect((await tourcoing.del(`${url}/sections/${c}`)).statusCode).toBe(404);
    // Editing the new draft leaves version 1 as it was.
    expect((await tourcoing.del(`${url}/sections/${d.sections[0]!.id}`)).statusCode).toBe(200);
    expect((await view(wvl, created, '?version=1')).sections).toHaveLength(2);
    expect((await view(tourcoing, created, '?version=draft')).sections).toHaveLength(1);
    expect((await view(tourcoing, created)).version.number).toBe(1);
  });

  it('lets no other organisation, nor a reader without the permission, write an analysis', async () => {
    const url = `/api/observatory/analyses/${created}`;
    const draft = await view(tourcoing, created, '?version=draft');
    const s = draft.sections[0]!.id;
    expect((await wvl.patch(url, { titleFr: 'Piraté' })).statusCode).toBe(403);
    expect((await wvl.post(`${url}/sections`, section())).statusCode).toBe(403);
    expect((await wvl.put(`${url}/sections/${s}`, section())).statusCode).toBe(403);
    expect((await wvl.del(`${url}/sections/${s}`)).statusCode).toBe(403);
    expect((await wvl.post(`${url}/publish`, { number: 2 })).statusCode).toBe(403);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect(
      (await referent.post('/api/observatory/analyses', { titleFr: 'X', titleNl: 'X' })).statusCode,
    ).toBe(403);
    expect((await view(tourcoing, created, '?version=draft')).sections).toHaveLength(1);
  });

  it('answers another organisation’s unpublished analysis as unknown, to an edit as to a read', async () => {
    const r = await tourcoing.post('/api/observatory/analyses', { titleFr: 'Brouillon', titleNl: 'Ontwerp' });
    expect(r.statusCode, r.body).toBe(201);
    const url = `/api/observatory/analyses/${r.json().id}`;
    const unknown = `/api/observatory/analyses/${randomUUID()}`;
    expect((await wvl.get(url)).statusCode).toBe(404);
    for (const u of [url, unknown]) {
      expect((await wvl.patch(u, { titleFr: 'Piraté' })).statusCode).toBe(404);
      expect((await wvl.post(`${u}/sections`, section())).statusCode).toBe(404);
      expect((await wvl.post(`${u}/publish`, { number: 1 })).statusCode).toBe(404);
    }
    expect((await view(tourcoing, r.json().id, '?version=draft')).titleFr).toBe('Brouillon');
  });

  it('refuses bad input with a translated 400, never a 500', async () => {
    const url = `/api/observatory/analyses/${created}`;
    const bad = [
      section({ headingFr: 'X\u0000' }),
      section({ bodyNl: 'bell\u0007' }),
      section({ headingNl: '   ' }),
      section({ theme: 'weather' }),
      section({ tile: { indicator: 'DEMO_POPULATION', kind: 'ranking' } }),
      section({ tile: { indicator: 'DEMO_POPULATION', kind: 'map', period: 'soon' } }),
      section({ extra: 1 }),
    ];
    for (const body of bad) {
      const r = await tourcoing.post(`${url}/sections`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    const unknown = await tourcoing.post(
      `${url}/sections`,
      section({ tile: { indicator: 'NOPE', kind: 'map' } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/indicateur/);
    expect((await tourcoing.patch(url, { group: 'nowhere' })).statusCode).toBe(400);
    expect((await tourcoing.get(`${url}?version=abc`)).statusCode).toBe(400);
    expect((await tourcoing.get('/api/observatory/analyses/not-a-uuid')).statusCode).toBe(400);
    expect((await tourcoing.get(`/api/observatory/analyses/${randomUUID()}`)).statusCode).toBe(404);
    // An empty draft cannot be published.
    const empty = (
      await tourcoing.post('/api/observatory/analyses', { titleFr: 'Vide', titleNl: 'Leeg' })
    ).json().id;
    expect(
      (await tourcoing.post(`/api/observatory/analyses/${empty}/publish`, { number: 1 })).statusCode,
    ).toBe(400);
  });

  it('freezes a published version in the database and lets no other organisation write', async () => {
    const fx = referralFixtures(t);
    const wvlMember = await fx.member(WVL);
    const owner = await fx.member(TOURCOING);
    const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
    const changed = await fx.asOrg(wvlMember, (trx) =>
      sql`update obs_analyses set title_fr = 'Piraté' where id = ${created}::uuid`.execute(trx),
    );
    expect(n(changed)).toBe(0);
    const removed = await fx.asOrg(wvlMember, (trx) =>
      sql`delete from obs_analysis_sections where org_id = ${owner.orgId}::uuid`.execute(trx),
    );
    expect(n(removed)).toBe(0);
    // A section in the other organisation's draft (its id known), even claiming to be its own.
    const draftId = (
      await sql<{ id: string }>`select id from obs_analysis_versions
        where analysis_id = ${created}::uuid and status = 'draft'`.execute(t.db.engine.db)
    ).rows[0]!.id;
    for (const org of [wvlMember.orgId, owner.orgId])
      await expect(
        fx.asOrg(wvlMember, (trx) =>
          sql`insert into obs_analysis_sections (version_id, org_id, position, theme, heading_fr, heading_nl)
            values (${draftId}::uuid, ${org}::uuid, 9, 'poverty', 'X', 'X')`.execute(trx),
        ),
      ).rejects.toThrow();
    await expect(
      fx.asOrg(wvlMember, (trx) =>
        sql`insert into obs_analysis_versions (analysis_id, org_id, number)
          values (${created}::uuid, ${wvlMember.orgId}::uuid, 7)`.execute(trx),
      ),
    ).rejects.toThrow();
    // Another organisation reads the published version's sections, not the draft's.
    const read = await fx.asOrg(wvlMember, (trx) =>
      sql<{ status: string }>`select v.status from obs_analysis_sections s
        join obs_analysis_versions v on v.id = s.version_id where v.analysis_id = ${created}::uuid`.execute(
        trx,
      ),
    );
    expect(read.rows.map((r) => r.status)).toEqual(['published', 'published']);
    // Even its own organisation cannot change a published version or its sections.
    await expect(
      fx.asOrg(owner, (trx) =>
        sql`update obs_analysis_sections set heading_fr = 'Réécrit' where version_id in
          (select id from obs_analysis_versions where analysis_id = ${created}::uuid and number = 1)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/published/);
    await expect(
      fx.asOrg(owner, (trx) =>
        sql`update obs_analysis_versions set status = 'draft', published_at = null
          where analysis_id = ${created}::uuid and number = 1`.execute(trx),
      ),
    ).rejects.toThrow(/published/);
    await expect(
      fx.asOrg(owner, (trx) =>
        sql`insert into obs_analysis_sections (version_id, org_id, position, theme, heading_fr, heading_nl)
          select id, org_id, 5, 'health', 'Ajout', 'Toevoeging' from obs_analysis_versions
          where analysis_id = ${created}::uuid and number = 1`.execute(trx),
      ),
    ).rejects.toThrow(/published/);
    const audited = await sql<{ entity: string }>`select distinct entity from audit.log
      where entity like 'obs_analys%' order by entity`.execute(t.db.engine.db);
    expect(audited.rows.map((r) => r.entity)).toEqual([
      'obs_analyses',
      'obs_analysis_sections',
      'obs_analysis_versions',
    ]);
  });

  it('prints a version as a PDF in the reader’s language, hidden values without their figures', async () => {
    const fx = referralFixtures(t);
    const wvlMember = await fx.member(WVL);
    const actor: Actor = {
      userId: wvlMember.userId,
      sessionId: randomUUID(),
      email: 'test@samen.example',
      displayName: 'Test',
      orgId: wvlMember.orgId,
      orgCountry: 'BE',
      roles: ['analyst'],
      platformAdmin: false,
      language: 'nl',
      csrfToken: '',
      mfaSetupRequired: false,
      requestId: randomUUID(),
    };
    const text = async (lang: Language, number = 1) =>
      pdfText(
        (
          await withContext(t.db.engine.db, { userId: actor.userId, orgId: actor.orgId }, (trx) =>
            exportAnalysisPdf(trx, actor, created, number, lang, { compress: false }),
          )
        ).pdf,
      ).replace(/\s+/g, ' ');
    const fr = await text('fr');
    expect(fr).toContain('ABS intercommunale');
    expect(fr).toMatch(/Version 1 · publiée le \d+ \S+ 20\d\d · Territoire : Eurométropole/);
    expect(fr).toContain('Adoptée en conseil.');
    expect(fr).toContain('Pauvreté et RSA');
    expect(fr).toContain('Premier paragraphe.');
    expect(fr).toContain('Bénéficiaires d’un revenu minimum');
    // Baisieux: the source's secret, printed as such with a dash, never a figure.
    expect(fr).toMatch(/Baisieux \(France\) – Secret de la source/);
    expect(fr).toMatch(/Sources : .*démonstration/);
    expect(fr).toMatch(/Millésimes : /);
    const nl = await text('nl');
    expect(nl).toContain('Intergemeentelijke analyse');
    expect(nl).toMatch(/Versie 1 · gepubliceerd op/);
    expect(nl).toContain('Armoede');
    expect(nl).toContain('Eerste alinea.');
    expect(nl).toMatch(/Bronnen: /);
    // English: its own words, the texts in French.
    const en = await text('en');
    expect(en).toMatch(/Version 1 · published on .* Territory: /);
    expect(en).toContain('Premier paragraphe.');
    // Another organisation's draft: not found.
    await expect(text('fr', 2)).rejects.toThrow();
    const r = await wvl.get(`/api/observatory/analyses/${created}/versions/1/analysis.pdf?lang=fr`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await wvl.get(`/api/observatory/analyses/${created}/versions/2/analysis.pdf`)).statusCode).toBe(
      404,
    );
    expect(
      (await tourcoing.get(`/api/observatory/analyses/${created}/versions/2/analysis.pdf?lang=de`))
        .statusCode,
    ).toBe(400);
  });
});
