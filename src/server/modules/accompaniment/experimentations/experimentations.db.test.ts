import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import {
  EXPERIMENTATION_PATH,
  TRANSFER_PATH,
} from '../../../../common/accompaniment/experimentations-cases.testing';
import type {
  DeliverableList,
  ExperimentationDetail,
  ExperimentationInput,
  ExperimentationList,
  ExperimentationOptions,
} from '../../../../common/accompaniment/experimentations-schemas';
import {
  EXPERIMENTATION_STATUSES,
  TRANSFER_STATUSES,
} from '../../../../common/accompaniment/experimentations-schemas';
import {
  experimentationWorkflow,
  transferWorkflow,
} from '../../../../common/accompaniment/experimentations-workflow';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * Experimentations on both engines (issue 14, module 3): the demo (one per side, the Flemish one taken up in
 * France), a Walloon experimentation run, evaluated and taken up in Flanders (never on its own side, in the
 * application and in the database), its good-practice sheet, the deliverables per module, the database
 * keeping another organisation and the public out, and the guards against the workflows' moves.
 */
describe.skipIf(!available)('experimentations', () => {
  let t: TestApp;
  let cresam: Client;
  let wereldhuis: Client;
  let mouscron: Client;
  let nord: Client;
  let worker: Client;
  let programmeId: string;
  const ids: Record<string, string> = {};
  const input = (more: Partial<ExperimentationInput> = {}): ExperimentationInput => ({
    programmeId,
    actionId: null,
    side: null,
    titleFr: 'Jardins partagés interculturels',
    titleNl: 'Interculturele deeltuinen',
    theme: 'collective_actions',
    objectives: 'Rompre l’isolement par le jardinage.',
    startsOn: '2026-03-02',
    endsOn: null,
    participants: { newcomers: 14, professionals: 2, volunteers: 5 },
    partnerOrgIds: [],
    ...more,
  });
  const base = '/api/accompaniment/experimentations';

  beforeAll(async () => {
    t = await createTestApp();
    cresam = await t.login('coordination@cresam.example');
    wereldhuis = await t.login('begeleider@wereldhuis.example');
    mouscron = await t.login('coordination@cpas-mouscron.example');
    nord = await t.login('coordination@udccas-nord.example');
    worker = await t.login('accompagnement@lavieactive.example');
    programmeId = (
      await sql<{ id: string }>`select id from programmes where acronym = 'AB Réfugiés'`.execute(
        t.db.engine.db,
      )
    ).rows[0]!.id;
  });
  afterAll(async () => t?.close());

  it('lists the demo: one evaluated experimentation per side, the Flemish one transferred', async () => {
    const r = await worker.get(`${base}?programmeId=${programmeId}`);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as ExperimentationList;
    expect(list.items.map((i) => i.side).sort()).toEqual(['FR', 'VLG', 'WAL']);
    expect(list.items.every((i) => i.status === 'evaluated')).toBe(true);
    expect(list.canCreate).toBe(false);
    const vlg = ((await worker.get(`${base}?side=VLG`)).json() as ExperimentationList).items;
    expect(vlg).toHaveLength(1);
    expect(vlg[0]).toMatchObject({ theme: 'language_meetups', transfers: 1 });
    expect(vlg[0]!.participants.total).toBe(150);
    const d = (await worker.get(`${base}/${vlg[0]!.id}`)).json() as ExperimentationDetail;
    expect(d.transfers).toEqual([expect.objectContaining({ side: 'FR', status: 'adopted' })]);
    expect((await worker.get(`${base}?theme=integration_ambassadors`)).json().items).toHaveLength(1);
    expect((await worker.get(`${base}?side=XX`)).statusCode).toBe(400);
  });

  it('creates an experimentation on the lead’s side, for experimentation.manage holders only', async () => {
    expect((await worker.post(base, input())).statusCode).toBe(403);
    const opts = (
      await cresam.get('/api/accompaniment/experimentation-options')
    ).json() as ExperimentationOptions;
    expect(opts.ownSide).toBe('WAL');
    const m3 = opts.programmes.find((p) => p.id === programmeId)!.actions.find((a) => a.code === 'M3')!;
    const wrongSide = await cresam.post(base, input({ side: 'VLG' }));
    expect(wrongSide.statusCode).toBe(400);
    const r = await cresam.post(base, input({ actionId: m3.id, partnerOrgIds: [opts.organisations[0]!.id] }));
    expect(r.statusCode, r.body).toBe(201);
    ids.mine = r.json().id;
    const d = (await cresam.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(d).toMatchObject({
      side: 'WAL',
      status: 'planned',
      canEdit: true,
      action: expect.stringContaining('M3'),
    });
    expect(d.participants).toEqual({ newcomers: 14, professionals: 2, volunteers: 5, total: 21 });
    expect(d.actions.map((a) => a.action)).toEqual(['start', 'abandon']);
    // Another organisation reads it but does not change it.
    const other = (await nord.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(other.canEdit).toBe(false);
    expect((await nord.put(`${base}/${ids.mine}`, input())).statusCode).toBe(403);
    expect((await nord.get(`${base}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('runs and evaluates it: not evaluated without findings', async () => {
    expect((await cresam.post(`${base}/${ids.mine}/transitions`, { action: 'close' })).statusCode).toBe(409);
    expect((await cresam.post(`${base}/${ids.mine}/transitions`, { action: 'start' })).statusCode).toBe(200);
    // Too early to transfer.
    expect((await wereldhuis.post(`${base}/${ids.mine}/transfers`, { participants: zero })).statusCode).toBe(
      409,
    );
    const early = await cresam.post(`${base}/${ids.mine}/transitions`, { action: 'evaluate' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code ?? early.body).toContain('evaluation_missing');
    const ev = await cresam.put(`${base}/${ids.mine}/evaluation`, {
      findings: 'Les jardins rassemblent chaque semaine.',
      whatWorked: 'Un jardinier bénévole.',
      transferConditions: 'Une parcelle.',
      recommendTransfer: true,
    });
    expect(ev.statusCode, ev.body).toBe(200);
    expect((await cresam.post(`${base}/${ids.mine}/transitions`, { action: 'evaluate' })).statusCode).toBe(
      200,
    );
    const d = (await cresam.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(d.status).toBe('evaluated');
    expect(d.evaluation.evaluatedOn).not.toBeNull();
    expect(d.transferSides).toEqual(['FR', 'VLG']);
  });

  const zero = { newcomers: 0, professionals: 0, volunteers: 0 };

  it('transfers it only to another side, then the taking-up organisation moves it', async () => {
    // CPAS Mouscron is Walloon too: refused, in the application…
    const same = await mouscron.post(`${base}/${ids.mine}/transfers`, { participants: zero });
    expect(same.statusCode).toBe(409);
    expect(same.body).toContain('transfer_same_side');
    // …and in the database.
    const m = await referralFixtures(t).member('coordination@cpas-mouscron.example');
    await expect(
      withContext(t.deps.db, { userId: m.userId, orgId: m.orgId }, (trx) =>
        trx
          .insertInto('experimentation_transfers')
          .values({ experimentation_id: ids.mine!, org_id: m.orgId, side: 'WAL' })
          .execute(),
      ),
    ).rejects.toThrow(/transfer_same_side/);
    expect((await cresam.post(`${base}/${ids.mine}/transfers`, { participants: zero })).statusCode).toBe(409);
    const w = await wereldhuis.get(`${base}/${ids.mine}`);
    expect((w.json() as ExperimentationDetail).canTakeUp).toBe(true);
    const r = await wereldhuis.post(`${base}/${ids.mine}/transfers`, {
      adaptations: 'In het Nederlands, met buurtbewoners.',
      participants: { newcomers: 8, professionals: 1, volunteers: 3 },
    });
    expect(r.statusCode, r.body).toBe(201);
    ids.transfer = r.json().id;
    expect((await wereldhuis.post(`${base}/${ids.mine}/transfers`, { participants: zero })).statusCode).toBe(
      409,
    );
    const tr = '/api/accompaniment/experimentation-transfers';
    // The lead does not move someone else's transfer.
    expect((await cresam.post(`${tr}/${ids.transfer}/transitions`, { action: 'adapt' })).statusCode).toBe(
      403,
    );
    for (const action of ['adapt', 'start'])
      expect((await wereldhuis.post(`${tr}/${ids.transfer}/transitions`, { action })).statusCode).toBe(200);
    expect(
      (await wereldhuis.post(`${tr}/${ids.transfer}/transitions`, { action: 'evaluate' })).statusCode,
    ).toBe(409);
    expect(
      (await wereldhuis.put(`${tr}/${ids.transfer}/evaluation`, { findings: 'Het werkt ook hier.' }))
        .statusCode,
    ).toBe(200);
    for (const action of ['evaluate', 'adopt'])
      expect((await wereldhuis.post(`${tr}/${ids.transfer}/transitions`, { action })).statusCode).toBe(200);
    const d = (await cresam.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(d.transfers).toEqual([
      expect.objectContaining({ side: 'VLG', status: 'adopted', canEdit: false, actions: [] }),
    ]);
    expect(d.transfers[0]!.participants.total).toBe(12);
  });

  it('draws a good-practice sheet from the experimentation and from its transfer, linked both ways', async () => {
    const r = await cresam.post(`${base}/${ids.mine}/practice`);
    expect(r.statusCode, r.body).toBe(201);
    expect((await cresam.post(`${base}/${ids.mine}/practice`)).statusCode).toBe(409);
    const d = (await cresam.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(d.practice?.id).toBe(r.json().id);
    expect(d.canDrawPractice).toBe(false);
    const sheet = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx
        .selectFrom('practice_sheets')
        .select(['source_kind', 'source_id', 'status'])
        .where('id', '=', r.json().id)
        .executeTakeFirstOrThrow(),
    );
    expect(sheet).toEqual({ source_kind: 'experimentation', source_id: ids.mine, status: 'draft' });
    const tr = await wereldhuis.post(`/api/accompaniment/experimentation-transfers/${ids.transfer}/practice`);
    expect(tr.statusCode, tr.body).toBe(201);
    const again = (await wereldhuis.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail;
    expect(again.transfers[0]!.practice?.id).toBe(tr.json().id);
    // The other organisation's draft is not shown to the lead (the practice library's rule).
    expect(
      ((await cresam.get(`${base}/${ids.mine}`)).json() as ExperimentationDetail).transfers[0]!.practice,
    ).toBeNull();
  });

  it('lists deliverables per module; each organisation deletes its own', async () => {
    const r = await worker.get(`/api/accompaniment/deliverables?programmeId=${programmeId}`);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as DeliverableList;
    expect(list.modules.map((m) => m.code)).toEqual(['M1', 'M2', 'M3']);
    expect(list.modules.every((m) => m.items.length >= 2)).toBe(true);
    const m1 = list.modules[0]!.actionId;
    const body = {
      actionId: m1,
      title: 'Fiche réflexe interprétariat',
      kind: 'communication',
      languages: ['fr', 'nl'],
      linkUrl: 'http://insecure.example',
      issuedOn: '2026-02-01',
    };
    expect((await cresam.post('/api/accompaniment/deliverables', body)).statusCode).toBe(400);
    expect(
      (await worker.post('/api/accompaniment/deliverables', { ...body, linkUrl: null })).statusCode,
    ).toBe(403);
    const c = await cresam.post('/api/accompaniment/deliverables', {
      ...body,
      linkUrl: 'https://doc.example/f',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect((await nord.del(`/api/accompaniment/deliverables/${c.json().id}`)).statusCode).toBe(403);
    expect((await cresam.del(`/api/accompaniment/deliverables/${c.json().id}`)).statusCode).toBe(200);
  });

  it('keeps another organisation from writing and the public from reading, in the database', async () => {
    const m = await referralFixtures(t).member('coordination@udccas-nord.example');
    const asOther = { userId: m.userId, orgId: m.orgId };
    const lead = await referralFixtures(t).member('coordination@cresam.example');
    const deliverable = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('accompaniment_deliverables').select('id').executeTakeFirstOrThrow(),
    );
    await withContext(t.deps.db, asOther, async (trx) => {
      // The network reads (no person is named here); nobody but the owner changes.
      expect(
        await trx.selectFrom('experimentations').select('id').where('id', '=', ids.mine!).execute(),
      ).toHaveLength(1);
      const u = await trx
        .updateTable('experimentations')
        .set({ title_fr: 'Pris' })
        .where('id', '=', ids.mine!)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
      const p = await trx
        .deleteFrom('experimentation_partners')
        .where('experimentation_id', '=', ids.mine!)
        .executeTakeFirst();
      expect(Number(p.numDeletedRows)).toBe(0);
      const tu = await trx
        .updateTable('experimentation_transfers')
        .set({ adaptations: 'Pris' })
        .where('id', '=', ids.transfer!)
        .executeTakeFirst();
      expect(Number(tu.numUpdatedRows)).toBe(0);
      const dd = await trx
        .deleteFrom('accompaniment_deliverables')
        .where('id', '=', deliverable.id)
        .executeTakeFirst();
      expect(Number(dd.numDeletedRows)).toBe(0);
    });
    // Inserting for another organisation is refused.
    for (const insert of [
      (trx: Parameters<Parameters<typeof withContext>[2]>[0]) =>
        trx
          .insertInto('experimentations')
          .values({
            org_id: lead.orgId,
            programme_id: programmeId,
            side: 'WAL',
            title_fr: 'Intrus',
            title_nl: 'Indringer',
            theme: 'other',
          })
          .execute(),
      (trx: Parameters<Parameters<typeof withContext>[2]>[0]) =>
        trx
          .insertInto('experimentation_partners')
          .values({ experimentation_id: ids.mine!, partner_org_id: m.orgId, org_id: m.orgId })
          .execute(),
    ])
      await expect(withContext(t.deps.db, asOther, insert)).rejects.toThrow();
    await withContext(t.deps.db, { scope: 'public' }, async (trx) => {
      for (const table of [
        'experimentations',
        'experimentation_partners',
        'experimentation_transfers',
        'accompaniment_deliverables',
      ] as const)
        expect(await trx.selectFrom(table).selectAll().execute()).toEqual([]);
    });
  });

  it('lets the database move an experimentation and a transfer exactly as the workflows do', async () => {
    const lead = await referralFixtures(t).member('coordination@cresam.example');
    const taker = await referralFixtures(t).member('begeleider@wereldhuis.example');
    const accepted: string[] = [];
    for (const from of EXPERIMENTATION_STATUSES)
      for (const to of EXPERIMENTATION_STATUSES) {
        if (from === to) continue;
        const ok = await withContext(t.deps.db, lead, async (trx) => {
          const r = await sql<{
            id: string;
          }>`insert into experimentations (org_id, programme_id, side, title_fr,
            title_nl, theme, findings) values (${lead.orgId}, ${programmeId}, 'WAL', 'Garde', 'Wacht', 'other',
            'Constats') returning id`.execute(trx);
          const id = r.rows[0]!.id;
          for (const step of EXPERIMENTATION_PATH[from])
            await sql`update experimentations set status = ${step} where id = ${id}`.execute(trx);
          await sql`savepoint move`.execute(trx);
          try {
            await sql`update experimentations set status = ${to} where id = ${id}`.execute(trx);
            return true;
          } catch {
            await sql`rollback to savepoint move`.execute(trx);
            return false;
          } finally {
            await sql`delete from experimentation_partners where experimentation_id = ${id}`.execute(trx);
            await sql`delete from experimentations where id = ${id}`.execute(trx);
          }
        });
        if (ok) accepted.push(`${from}>${to}`);
      }
    expect(accepted.sort()).toEqual(
      experimentationWorkflow
        .moves('lead')
        .map((m) => `${m.from}>${m.to}`)
        .sort(),
    );

    const origin = ((await worker.get(`${base}?side=FR`)).json() as ExperimentationList).items[0]!.id;
    const moved: string[] = [];
    for (const from of TRANSFER_STATUSES)
      for (const to of TRANSFER_STATUSES) {
        if (from === to) continue;
        const ok = await withContext(t.deps.db, taker, async (trx) => {
          const r = await sql<{
            id: string;
          }>`insert into experimentation_transfers (experimentation_id, org_id,
            side, findings) values (${origin}, ${taker.orgId}, 'VLG', 'Bevindingen') returning id`.execute(
            trx,
          );
          const id = r.rows[0]!.id;
          for (const step of TRANSFER_PATH[from])
            await sql`update experimentation_transfers set status = ${step} where id = ${id}`.execute(trx);
          await sql`savepoint move`.execute(trx);
          try {
            await sql`update experimentation_transfers set status = ${to} where id = ${id}`.execute(trx);
            return true;
          } catch {
            await sql`rollback to savepoint move`.execute(trx);
            return false;
          } finally {
            await sql`delete from experimentation_transfers where id = ${id}`.execute(trx);
          }
        });
        if (ok) moved.push(`${from}>${to}`);
      }
    expect(moved.sort()).toEqual(
      transferWorkflow
        .moves('taker')
        .map((m) => `${m.from}>${m.to}`)
        .sort(),
    );
    // Created as planned (or proposed) only; evaluated only with findings.
    await expect(
      withContext(t.deps.db, lead, (trx) =>
        sql`insert into experimentations (org_id, programme_id, side, title_fr, title_nl, theme, status)
          values (${lead.orgId}, ${programmeId}, 'WAL', 'Garde', 'Wacht', 'other', 'running')`.execute(trx),
      ),
    ).rejects.toThrow();
    await expect(
      withContext(t.deps.db, lead, async (trx) => {
        const r = await sql<{
          id: string;
        }>`insert into experimentations (org_id, programme_id, side, title_fr,
          title_nl, theme) values (${lead.orgId}, ${programmeId}, 'WAL', 'Garde', 'Wacht', 'other') returning id`.execute(
          trx,
        );
        await sql`update experimentations set status = 'running' where id = ${r.rows[0]!.id}`.execute(trx);
        await sql`update experimentations set status = 'evaluated' where id = ${r.rows[0]!.id}`.execute(trx);
      }),
    ).rejects.toThrow();
  });
});
