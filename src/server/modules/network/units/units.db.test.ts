import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { UnitList, UnitView } from '../../../../common/network/unit-schemas';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

/**
 * Teams and services on both engines: every signed-in user reads an organisation's units; its managers
 * write them and their members; another organisation neither reads the members nor writes the units,
 * through the API or in the database.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
let tourcoing: { userId: string; orgId: string };
let charleroi: { userId: string; orgId: string };
let menen: { userId: string; orgId: string };
let samId: string;

const fields = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).error.fields ?? []).map((f: { path: string; code: string; message: string }) => [
      f.path,
      f,
    ]),
  ) as Record<string, { code: string; message: string }>;

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  tourcoing = await fx.member('immersions@ccas-tourcoing.example');
  charleroi = await fx.member('coordination@cpas-charleroi.example');
  menen = await fx.member('diensthoofd@ocmw-menen.example');
  const r = await sql<{
    id: string;
  }>`select id from org_units where name_fr = 'Service Action Migrants'`.execute(fx.db);
  samId = r.rows[0]!.id;
});
afterAll(async () => t?.close());

describe('teams and services', () => {
  it('shows an organisation units to any signed-in user, members counted for its own staff only', async () => {
    const visitor = await t.login('maatschappelijk-werker@ocmw-menen.example');
    const r = await visitor.get(`/api/organisations/${charleroi.orgId}/units`);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as UnitList;
    expect(list.canManage).toBe(false);
    const sam = list.items.find((u) => u.id === samId)!;
    expect(sam).toMatchObject({ kind: 'service', nameFr: 'Service Action Migrants', shortName: null });
    expect(sam.memberCount).toBeNull();
    const own = await t.login('coordination@cpas-charleroi.example');
    const mine = (await own.get(`/api/organisations/${charleroi.orgId}/units`)).json() as UnitList;
    expect(mine.canManage).toBe(true);
    expect(mine.items.find((u) => u.id === samId)!.memberCount).toBe(2);
    expect((await visitor.get(`/api/organisations/${charleroi.orgId}/units?archived=true`)).statusCode).toBe(
      403,
    );
  });

  it('lets a manager create and edit a unit, and refuses bad input with translated 400s', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    const url = `/api/organisations/${tourcoing.orgId}/units`;
    const created = await host.post(url, {
      kind: 'team',
      nameFr: 'Équipe logement',
      email: 'logement@ccas-tourcoing.example',
    });
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json() as UnitView;
    expect(unit).toMatchObject({ orgId: tourcoing.orgId, nameNl: null, archived: false, memberCount: 0 });

    const noName = await host.post(url, { kind: 'team', nameFr: null, nameNl: null });
    expect(noName.statusCode).toBe(400);
    expect(fields(noName.body).nameFr!.message).toBe('Donnez un nom en français ou en néerlandais.');
    const twice = await host.post(url, { kind: 'service', nameFr: 'équipe LOGEMENT' });
    expect(twice.statusCode).toBe(400);
    expect(fields(twice.body).nameFr!.code).toBe('network.units.errors.name_taken');
    expect((await host.post(url, { kind: 'department', nameFr: 'Direction' })).statusCode).toBe(400);
    expect(
      (await host.post(url, { kind: 'team', nameFr: 'Équipe X', email: 'pas une adresse' })).statusCode,
    ).toBe(400);
    expect((await host.post(url, { kind: 'team', nameFr: 'Équipe\u0007X' })).statusCode).toBe(400);

    const edited = await host.put(`/api/org-units/${unit.id}`, {
      kind: 'mobile_team',
      nameFr: 'Équipe mobile logement',
      nameNl: 'Mobiel team wonen',
      phone: '+33 3 20 00 01 99',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'mobile_team', nameNl: 'Mobiel team wonen', email: null });

    const archived = await host.post(`/api/org-units/${unit.id}/archive`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const listed = (await host.get(url)).json() as UnitList;
    expect(listed.items.map((u) => u.id)).not.toContain(unit.id);
    const archivedList = (await host.get(`${url}?archived=true`)).json() as UnitList;
    expect(archivedList.items.map((u) => u.id)).toContain(unit.id);
    expect((await host.put(`/api/org-units/${unit.id}`, { kind: 'team', nameFr: 'Autre' })).statusCode).toBe(
      400,
    );
    expect((await host.post(`/api/org-units/${unit.id}/archive`, { archived: false })).json().archived).toBe(
      false,
    );
  });

  it('sets a unit members among the organisation active staff only', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    const units = (await host.get(`/api/organisations/${tourcoing.orgId}/units`)).json() as UnitList;
    const pole = units.items.find((u) => u.nameFr === 'Pôle insertion et accompagnement')!;
    const members = await host.get(`/api/org-units/${pole.id}/members`);
    expect(members.json().items).toEqual([
      { userId: tourcoing.userId, displayName: 'Maëlle Accueil', role: 'lead' },
    ]);
    const staff = (await host.get(`/api/organisations/${tourcoing.orgId}/unit-staff`)).json();
    expect(staff.items.map((s: { userId: string }) => s.userId)).toContain(tourcoing.userId);

    const outsider = await host.put(`/api/org-units/${pole.id}/members`, {
      members: [
        { userId: tourcoing.userId, role: 'lead' },
        { userId: menen.userId, role: 'member' },
      ],
    });
    expect(outsider.statusCode).toBe(400);
    expect(fields(outsider.body)['members.1.userId']!.code).toBe('network.units.errors.not_staff');
    const twice = await host.put(`/api/org-units/${pole.id}/members`, {
      members: [
        { userId: tourcoing.userId, role: 'lead' },
        { userId: tourcoing.userId, role: 'member' },
      ],
    });
    expect(fields(twice.body)['members.1.userId']!.code).toBe('network.units.errors.member_twice');
    const demoted = await host.put(`/api/org-units/${pole.id}/members`, {
      members: [{ userId: tourcoing.userId, role: 'member' }],
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().items[0].role).toBe('member');
    await host.put(`/api/org-units/${pole.id}/members`, {
      members: [{ userId: tourcoing.userId, role: 'lead' }],
    });
  });

  it('keeps another organisation out of a unit members and writes, through the API', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    expect((await host.get(`/api/org-units/${samId}/members`)).statusCode).toBe(403);
    expect((await host.get(`/api/org-units/${samId}`)).statusCode).toBe(200);
    expect((await host.put(`/api/org-units/${samId}`, { kind: 'team', nameFr: 'Pris' })).statusCode).toBe(
      403,
    );
    expect((await host.post(`/api/org-units/${samId}/archive`, { archived: true })).statusCode).toBe(403);
    expect(
      (
        await host.put(`/api/org-units/${samId}/members`, {
          members: [{ userId: tourcoing.userId, role: 'lead' }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await host.post(`/api/organisations/${charleroi.orgId}/units`, { kind: 'team', nameFr: 'Intrus' }))
        .statusCode,
    ).toBe(403);
    expect((await host.get(`/api/organisations/${charleroi.orgId}/unit-staff`)).statusCode).toBe(403);
    // Staff without unit.manage read but do not write their own organisation's units.
    const tutor = await t.login('tutrice@cpas-charleroi.example');
    expect((await tutor.get(`/api/org-units/${samId}/members`)).statusCode).toBe(200);
    expect((await tutor.put(`/api/org-units/${samId}`, { kind: 'team', nameFr: 'Pris' })).statusCode).toBe(
      403,
    );
    expect((await t.anonymous.get(`/api/organisations/${charleroi.orgId}/units`)).statusCode).toBe(401);
    expect((await host.get('/api/org-units/not-a-uuid')).statusCode).toBe(400);
    expect((await host.get('/api/org-units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('keeps another organisation out of a unit members and writes, in the database', async () => {
    const members = await fx.asOrg(tourcoing, (trx) =>
      sql`select user_id from org_unit_members where unit_id = ${samId}::uuid`.execute(trx),
    );
    expect(members.rows).toHaveLength(0);
    const own = await fx.asOrg(charleroi, (trx) =>
      sql`select user_id from org_unit_members where unit_id = ${samId}::uuid`.execute(trx),
    );
    expect(own.rows).toHaveLength(2);
    const updated = await fx.asOrg(tourcoing, (trx) =>
      sql`update org_units set name_fr = 'Pris' where id = ${samId}::uuid`.execute(trx),
    );
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    const removed = await fx.asOrg(tourcoing, (trx) =>
      sql`delete from org_unit_members where unit_id = ${samId}::uuid`.execute(trx),
    );
    expect(Number(removed.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(tourcoing, (trx) =>
        sql`insert into org_units (org_id, kind, name_fr) values (${charleroi.orgId}::uuid, 'team', 'Intrus')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      fx.asOrg(tourcoing, (trx) =>
        sql`insert into org_unit_members (unit_id, org_id, user_id)
          values (${samId}::uuid, ${charleroi.orgId}::uuid, ${tourcoing.userId}::uuid)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security|not an active member/);
    // Even the unit's own organisation cannot put an outsider in it: the guard checks membership.
    await expect(
      fx.asOrg(charleroi, (trx) =>
        sql`insert into org_unit_members (unit_id, org_id, user_id)
          values (${samId}::uuid, ${charleroi.orgId}::uuid, ${menen.userId}::uuid)`.execute(trx),
      ),
    ).rejects.toThrow(/not an active member/);
  });
});
