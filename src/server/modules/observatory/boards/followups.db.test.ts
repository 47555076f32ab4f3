import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { BoardView, PublicBoardView } from '../../../../common/observatory/board-schemas';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * A board's policy follow-up on both engines (migration 0039): any analyst records its own organisation's
 * decisions on any board and changes no other's, bad input is refused, the public page shows them by
 * organisation with no person, and the database itself refuses another organisation's writes.
 */
describe.skipIf(!available)('observatory board follow-up', () => {
  let t: TestApp;
  let wvl: Client;
  let tourcoing: Client;
  const WVL = 'analist@west-vlaanderen.example';
  const TOURCOING = 'analyse@ccas-tourcoing.example';
  const DEMO = '/api/observatory/boards/pauvrete-familles';

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login(WVL);
    tourcoing = await t.login(TOURCOING);
  });
  afterAll(async () => t?.close());

  const view = async (client: Client, url: string) => {
    const r = await client.get(url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as BoardView;
  };

  it('lets any analyst record its own organisation’s follow-up on any board, and change only its own', async () => {
    const demo = await view(tourcoing, DEMO);
    // The demo's two partners, one on each side, latest first, by organisation only.
    expect(demo.followups.map((f) => [f.country, f.language, f.status])).toEqual([
      ['BE', 'nl', 'planned'],
      ['FR', 'fr', 'in_progress'],
    ]);
    expect(demo.canAddFollowup).toBe(true);
    const added = await tourcoing.post(`${DEMO}/followups`, {
      decidedOn: '2026-01-20',
      title: 'Aide au permis de conduire pour les familles monoparentales',
      decision: 'Vote du conseil d’administration.\nPremière évaluation en juin.',
      language: 'fr',
      status: 'planned',
      indicator: 'DEMO_SINGLE_PARENT_SHARE',
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    const seen = await view(wvl, DEMO);
    const mine = seen.followups.find((f) => f.id === id)!;
    // In the reader's language (Dutch here).
    expect(mine.organisation).toBe('CCAS Toerkonje');
    expect(mine.indicator?.code).toBe('DEMO_SINGLE_PARENT_SHARE');
    expect(mine.decision).toBe('Vote du conseil d’administration.\nPremière évaluation en juin.');
    expect(mine.canEdit).toBe(false);
    expect((await view(tourcoing, DEMO)).followups.find((f) => f.id === id)!.canEdit).toBe(true);

    // The board's owner cannot change or remove another partner's decision.
    expect((await wvl.patch(`${DEMO}/followups/${id}`, { status: 'done' })).statusCode).toBe(403);
    expect((await wvl.del(`${DEMO}/followups/${id}`)).statusCode).toBe(403);
    expect((await tourcoing.patch(`${DEMO}/followups/${id}`, { status: 'done' })).statusCode).toBe(200);
    expect((await view(wvl, DEMO)).followups.find((f) => f.id === id)!.status).toBe('done');
    // Nor can a reader without the permission add one.
    const referent = await t.login('referent@cpas-mouscron.example');
    const refused = await referent.post(`${DEMO}/followups`, {
      decidedOn: '2026-01-20',
      title: 'X',
      language: 'fr',
      status: 'planned',
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (
        await t.anonymous.post(`${DEMO}/followups`, {
          decidedOn: '2026-01-20',
          title: 'X',
          language: 'fr',
          status: 'planned',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses bad follow-up input with a translated 400, and changes nothing', async () => {
    const good = { decidedOn: '2026-01-20', title: 'Décision', language: 'fr', status: 'planned' };
    const before = (await view(tourcoing, DEMO)).followups.length;
    for (const body of [
      { ...good, decidedOn: '2026-02-30' },
      { ...good, decidedOn: '2999-01-01' },
      { ...good, decidedOn: 'hier' },
      { ...good, title: '   ' },
      { ...good, title: 'Dé\u0007cision' },
      { ...good, decision: 'ligne\u0000' },
      { ...good, status: 'abandoned' },
      { ...good, language: 'de' },
      { ...good, indicator: 'DEMO_POPULATION' },
      { ...good, extra: true },
    ]) {
      const r = await tourcoing.post(`${DEMO}/followups`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    expect(
      (await tourcoing.post(`${DEMO}/followups`, { ...good, decidedOn: '2999-01-01' })).json().error.message,
    ).toMatch(/futur/);
    expect((await tourcoing.post('/api/observatory/boards/nowhere/followups', good)).statusCode).toBe(404);
    expect(
      (await tourcoing.patch(`${DEMO}/followups/00000000-0000-4000-8000-000000000000`, { status: 'done' }))
        .statusCode,
    ).toBe(404);
    expect((await view(tourcoing, DEMO)).followups.length).toBe(before);
  });

  it('shows the follow-up on the published page by organisation, with no person', async () => {
    const page = (
      await t.anonymous.get('/api/public/observatory/boards/pauvrete-familles?lang=fr')
    ).json() as PublicBoardView;
    expect(page.followups.length).toBeGreaterThanOrEqual(3);
    expect(page.followups.every((f) => !f.canEdit && f.organisation.length > 0)).toBe(true);
    const text = JSON.stringify(page.followups);
    // Neither the analyst's name nor address, nor any user id.
    expect(text).not.toMatch(/Camille|Observatoire|@|created_by|org_id/);
    const users = await sql<{ id: string }>`select id from users`.execute(t.db.engine.db);
    for (const u of users.rows) expect(text).not.toContain(u.id);
  });

  it('lets the database refuse another organisation’s writes and keep a draft’s follow-up from visitors', async () => {
    const fx = referralFixtures(t);
    const wvlMember = await fx.member(WVL);
    const db = t.db.engine.db;
    const changed = await fx.asOrg(wvlMember, (trx) =>
      sql`update obs_board_followups set title = 'Piraté'
        where org_id <> ${wvlMember.orgId}::uuid`.execute(trx),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    const removed = await fx.asOrg(wvlMember, (trx) =>
      sql`delete from obs_board_followups where org_id <> ${wvlMember.orgId}::uuid`.execute(trx),
    );
    expect(Number(removed.numAffectedRows ?? 0)).toBe(0);
    // Writing in another organisation's name.
    await expect(
      fx.asOrg(wvlMember, (trx) =>
        sql`insert into obs_board_followups (board_id, org_id, decided_on, title, language)
          select b.id, o.id, date '2026-01-01', 'X', 'fr' from obs_boards b, organisations o
          where b.code = 'pauvrete-familles' and o.id <> ${wvlMember.orgId}::uuid limit 1`.execute(trx),
      ),
    ).rejects.toThrow();
    // A draft board's follow-up stays among signed-in users.
    expect(
      (
        await tourcoing.post('/api/observatory/boards', {
          code: 'brouillon',
          titleFr: 'Brouillon',
          titleNl: 'Ontwerp',
          theme: 'custom',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await wvl.post('/api/observatory/boards/brouillon/followups', {
          decidedOn: '2026-01-02',
          title: 'Besluit',
          language: 'nl',
          status: 'planned',
        })
      ).statusCode,
    ).toBe(201);
    const visible = await withContext(db, { scope: 'public' }, async (trx) =>
      (
        await sql<{ code: string }>`select b.code from obs_board_followups f
          join obs_boards b on b.id = f.board_id`.execute(trx)
      ).rows.map((r) => r.code),
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['pauvrete-familles']));
    const audited = await sql<{ n: string }>`select count(*) as n from audit.log
      where entity = 'obs_board_followups'`.execute(db);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThan(0);
  });
});
