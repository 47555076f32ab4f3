import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAvailable } from '../../../../../test/support/engine';
import { civilDay } from '../../../../common/kernel/clock';
import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { withContext } from '../../../platform/db/context';
import { fieldCipher, openOwnColumns } from '../../../platform/keys/field-cipher';
import { type Fixture, KORTRIJK_REFERENT, MOUSCRON_ADMIN, MOUSCRON_REFERENT, openFixture } from './fixtures';

const available = await engineAvailable();
const today = () => civilDay(new Date());

describe.skipIf(!available)('pathways: home organisation only, notes by their author, audited reads', () => {
  let f: Fixture;
  let p: PathwayDetail;
  let noteId: string;
  beforeAll(async () => {
    f = await openFixture();
    const c = await f.app.login(MOUSCRON_REFERENT);
    const r = await c.post(`/api/people/${f.persons.mouscron}/pathways`, {
      entryOn: '2026-01-05',
      modules: ['placement'],
      referentUserIds: [f.users.mouscronReferent],
    });
    p = r.json();
    await c.post(`/api/pathways/${p.id}/objectives`, { title: 'Passer la frontière seule' });
    const n = await c.post(`/api/pathways/${p.id}/notes`, {
      notedOn: today(),
      body: 'Confidentiel.',
      confidential: true,
    });
    noteId = (n.json() as PathwayDetail).notes[0]!.id;
  });
  afterAll(async () => f?.app.close());

  it('shows a Mouscron pathway to no one in Kortrijk: 404 on every route', async () => {
    const k = await f.app.login(KORTRIJK_REFERENT);
    const objectiveId = (
      await f.owner((trx) =>
        trx
          .selectFrom('pathway_objectives')
          .select('id')
          .where('pathway_id', '=', p.id)
          .executeTakeFirstOrThrow(),
      )
    ).id;
    const answers = [
      await k.get(`/api/people/${f.persons.mouscron}/pathways`),
      await k.post(`/api/people/${f.persons.mouscron}/pathways`, {
        entryOn: '2026-02-01',
        modules: ['placement'],
        referentUserIds: [f.users.kortrijkReferent],
      }),
      await k.get(`/api/pathways/${p.id}`),
      await k.patch(`/api/pathways/${p.id}`, { modules: ['social_insertion'] }),
      await k.get(`/api/pathways/${p.id}/notes`),
      await k.post(`/api/pathways/${p.id}/notes`, { notedOn: today(), body: 'Intrusion' }),
      await k.post(`/api/pathways/${p.id}/objectives`, { title: 'Intrusion' }),
      await k.patch(`/api/objectives/${objectiveId}`, { status: 'abandoned' }),
      await k.patch(`/api/notes/${noteId}`, { body: 'Intrusion' }),
      await k.post(`/api/pathways/${p.id}/mobility`, {
        recordedOn: today(),
        radiusKm: 1,
        crossedBorder: false,
      }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 404));
    const fresh = (
      await (await f.app.login(MOUSCRON_REFERENT)).get(`/api/pathways/${p.id}`)
    ).json() as PathwayDetail;
    expect(fresh.modules).toEqual(['placement']);
    expect(fresh.notes.map((n) => n.body)).toEqual(['Confidentiel.']);
    expect(fresh.objectives[0]!.status).toBe('planned');
  });

  it("opens a person outside the referent's caseload only to roles that see every caseload", async () => {
    const url = `/api/people/${f.persons.mouscronUnassigned}/pathways`;
    const referent = await f.app.login(MOUSCRON_REFERENT);
    expect((await referent.get(url)).statusCode).toBe(404);
    expect(
      (
        await referent.post(url, {
          entryOn: today(),
          modules: ['placement'],
          referentUserIds: [f.users.mouscronReferent],
        })
      ).statusCode,
    ).toBe(404);
    expect((await (await f.app.login(MOUSCRON_ADMIN)).get(url)).statusCode).toBe(200);
    // Named referent of one of the person's pathways, the referent reaches it.
    await withContext(f.app.deps.db, { orgId: f.orgs.mouscron, userId: f.users.mouscronAdmin }, (trx) =>
      trx
        .insertInto('pathways')
        .values({
          org_id: f.orgs.mouscron,
          person_id: f.persons.mouscronUnassigned,
          modules: ['social_insertion'],
          referent_user_ids: [f.users.mouscronReferent],
          entry_on: today(),
        })
        .execute(),
    );
    const r = await referent.get(url);
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toHaveLength(1);
  });

  it('gives Kortrijk no row in SQL under the application role, to read or to change', async () => {
    const asKortrijk = { orgId: f.orgs.kortrijk, userId: f.users.kortrijkReferent };
    const stored = () =>
      f.owner((trx) =>
        trx
          .selectFrom('pathway_notes')
          .select(['body', 'confidential'])
          .where('id', '=', noteId)
          .executeTakeFirstOrThrow(),
      );
    const before = await stored();
    // The body is sealed with Mouscron's key (ADR 0039).
    expect(before).toMatchObject({ body: expect.stringMatching(/^v2\.1\./), confidential: true });
    const rows = await withContext(f.app.deps.db, asKortrijk, async (trx) => ({
      pathways: (await trx.selectFrom('pathways').select('id').where('id', '=', p.id).execute()).length,
      notes: (await trx.selectFrom('pathway_notes').select('id').where('pathway_id', '=', p.id).execute())
        .length,
      all: (
        await sql<{
          n: number;
        }>`select count(*)::int as n from pathways where org_id = ${f.orgs.mouscron}`.execute(trx)
      ).rows[0]!.n,
      updatedPathways: Number(
        (
          await trx
            .updateTable('pathways')
            .set({ exit_reason: 'x' })
            .where('id', '=', p.id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
      updatedNotes: Number(
        (
          await trx
            .updateTable('pathway_notes')
            .set({ body: 'x', confidential: false })
            .where('pathway_id', '=', p.id)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
      deletedNotes: Number(
        (await trx.deleteFrom('pathway_notes').where('id', '=', noteId).executeTakeFirst()).numDeletedRows,
      ),
    }));
    expect(rows).toEqual({
      pathways: 0,
      notes: 0,
      all: 0,
      updatedPathways: 0,
      updatedNotes: 0,
      deletedNotes: 0,
    });
    // Nor can it write a row in Mouscron's name.
    await expect(
      withContext(f.app.deps.db, asKortrijk, (trx) =>
        trx
          .insertInto('pathway_notes')
          .values({
            org_id: f.orgs.mouscron,
            pathway_id: p.id,
            author_user_id: f.users.kortrijkReferent,
            noted_on: today(),
            // Shaped as a sealed value, so that row-level security, not the seal's check, refuses it.
            body: 'v2.1.x',
          })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await stored()).toEqual(before);
  });

  it('lets only the author correct a note, within 24 hours', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    let r = await c.patch(`/api/notes/${noteId}`, { body: 'Confidentiel, corrigé.' });
    expect(r.statusCode).toBe(200);
    expect((r.json() as PathwayDetail).notes[0]).toMatchObject({
      body: 'Confidentiel, corrigé.',
      editable: true,
      confidential: true,
    });

    // A note by a colleague (written straight into the table: the org admin may not write through the API).
    const colleague = await withContext(
      f.app.deps.db,
      { orgId: f.orgs.mouscron, userId: f.users.mouscronAdmin },
      async (trx) =>
        trx
          .insertInto('pathway_notes')
          .values({
            org_id: f.orgs.mouscron,
            pathway_id: p.id,
            author_user_id: f.users.mouscronAdmin,
            noted_on: today(),
            body: (await fieldCipher(trx, f.app.deps.secrets)).seal(
              'pathway_notes.body',
              'Note de la direction.',
            ),
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
    );
    r = await c.patch(`/api/notes/${colleague.id}`, { body: 'Réécrite' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('people.pathways.errors.note_not_author');
    const list = (await c.get(`/api/pathways/${p.id}/notes`)).json().items as Array<{
      id: string;
      editable: boolean;
    }>;
    expect(list.find((n) => n.id === colleague.id)?.editable).toBe(false);

    // 25 hours later the author too must add a new note instead.
    await f.owner((trx) =>
      sql`update pathway_notes set created_at = now() - interval '25 hours' where id = ${noteId}`.execute(
        trx,
      ),
    );
    r = await c.patch(`/api/notes/${noteId}`, { body: 'Trop tard' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('people.pathways.errors.note_edit_window');
    const detail = (await c.get(`/api/pathways/${p.id}`)).json() as PathwayDetail;
    expect(detail.notes.find((n) => n.id === noteId)).toMatchObject({
      body: 'Confidentiel, corrigé.',
      editable: false,
    });
    // There is no way to delete a note.
    expect((await c.del(`/api/notes/${noteId}`)).statusCode).toBe(404);
  });

  it('audits every read of a pathway and of its notes, in the home organisation', async () => {
    const reads = () =>
      f.owner(
        async (trx) =>
          (
            await sql<{
              entity: string;
              actor: string;
              org: string;
            }>`select entity, actor_user_id::text as actor, org_id::text as org
            from audit.log where action = 'read' and entity_id = ${p.id} order by id`.execute(trx)
          ).rows,
      );
    const before = (await reads()).length;
    const admin = await f.app.login(MOUSCRON_ADMIN);
    expect((await admin.get(`/api/pathways/${p.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/pathways/${p.id}/notes`)).statusCode).toBe(200);
    const after = await reads();
    expect(after.slice(before)).toEqual([
      { entity: 'pathways', actor: f.users.mouscronAdmin, org: f.orgs.mouscron },
      { entity: 'pathway_notes', actor: f.users.mouscronAdmin, org: f.orgs.mouscron },
    ]);
    // A refused read (another organisation) leaves no read entry behind.
    await (await f.app.login(KORTRIJK_REFERENT)).get(`/api/pathways/${p.id}`);
    expect((await reads()).length).toBe(after.length);
  });

  it('seeds demo pathways for most persons of each Action 1 centre, visible to that centre only', async () => {
    const demo = async (org: string, user: string) =>
      withContext(f.app.deps.db, { orgId: org, userId: user }, async (trx) => {
        const persons = (
          await sql<{ n: number }>`select count(*)::int as n from persons where status = 'active'
          and participant_code not like 'TEST-%'`.execute(trx)
        ).rows[0]!.n;
        const pathways = (
          await sql<{ n: number }>`select count(distinct w.person_id)::int as n from pathways w
          join persons p on p.id = w.person_id where p.participant_code not like 'TEST-%'`.execute(trx)
        ).rows[0]!.n;
        const confidential = (
          await sql<{ n: number }>`select count(*)::int as n from pathway_notes
          where confidential`.execute(trx)
        ).rows[0]!.n;
        const radii = (
          await sql<{ r: number[] }>`select array_agg(radius_km order by recorded_on) as r
          from pathway_mobility group by pathway_id order by count(*) desc limit 1`.execute(trx)
        ).rows[0]?.r;
        return { persons, pathways, confidential, radii };
      });
    const mouscron = await demo(f.orgs.mouscron, f.users.mouscronReferent);
    const kortrijk = await demo(f.orgs.kortrijk, f.users.kortrijkReferent);
    for (const d of [mouscron, kortrijk]) {
      expect(d.persons).toBeGreaterThan(0);
      expect(d.pathways).toBeGreaterThan(d.persons / 2);
      expect(d.pathways).toBeLessThan(d.persons);
      expect(d.confidential).toBeGreaterThan(0);
      expect(d.radii).toEqual([...(d.radii ?? [])].sort((a, b) => a - b));
      expect(d.radii?.[0]).toBe(5);
    }
    // Each centre's pathways are written in its working language, sealed with its key (migration 0080).
    const titles = await withContext(
      f.app.deps.db,
      { orgId: f.orgs.kortrijk, userId: f.users.kortrijkReferent },
      async (trx) => {
        const rows = await trx.selectFrom('pathway_objectives').select('title').execute();
        expect(rows.every((r) => r.title.startsWith('v2.'))).toBe(true);
        return (
          await openOwnColumns(trx, f.app.deps.secrets, rows, ['title', 'pathway_objectives.title'])
        ).map((r) => r.title);
      },
    );
    expect(titles).toContain('Zelfstandig met het openbaar vervoer reizen');
    expect(titles).not.toContain('Se déplacer seul·e en transports en commun');
  });
});
