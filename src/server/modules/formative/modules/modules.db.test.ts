import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import type { ModuleList } from '../../../../common/formative/module-schemas';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

/**
 * The host's training modules on both engines: the lead's coordinator lists, creates, edits, reorders,
 * retires and deletes the modules of its units; a module a plan uses is retired, never deleted; bad input is
 * a translated 400 (control characters included); another organisation cannot create modules in the host's
 * unit nor touch its modules, and neither the trainee nor the tutor edits them.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
let coord: Client;
let unitId: string;

const list = async (c: Client = coord) => (await c.get('/api/formative/modules')).json() as ModuleList;
const inUnit = (l: ModuleList) => l.modules.filter((m) => m.unitId === unitId);
const input = (over: Record<string, unknown> = {}) => ({
  unitId,
  code: 'mediation-dettes',
  nameFr: 'Médiation de dettes',
  nameNl: 'Schuldbemiddeling',
  descriptionFr: 'Analyse du budget.\nPlan de remboursement avec les créanciers.',
  descriptionNl: null,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  coord = await t.login('coordination@cpas-charleroi.example');
  unitId = (await list()).units.find((u) => u.nameFr === 'Service Action Migrants')!.id;
});
afterAll(async () => t?.close());

describe('formative modules', () => {
  it('lists the Service Action Migrants’ three modules, in order, all used by a plan', async () => {
    const mods = inUnit(await list());
    expect(mods.map((m) => [m.code, m.position, m.retired, m.inUse])).toEqual([
      ['insertion-sociale', 1, false, true],
      ['insertion-socio-professionnelle', 2, false, true],
      ['benevolat-activation-sociale', 3, false, true],
    ]);
    expect(mods[0]!.nameNl).toBe('Sociale integratie');
  });

  it('creates, edits, reorders, retires and deletes a module', async () => {
    const created = await coord.post('/api/formative/modules', input());
    expect(created.statusCode, created.body).toBe(201);
    const mid = created.json().id as string;
    let mods = inUnit(await list());
    expect(mods.at(-1)).toMatchObject({
      id: mid,
      position: 4,
      inUse: false,
      descriptionFr: 'Analyse du budget.\nPlan de remboursement avec les créanciers.',
      descriptionNl: null,
    });
    // A new plan may draw from it.
    const options = async () =>
      (await coord.get('/api/formative/options')).json().modules as { id: string }[];
    expect((await options()).map((m) => m.id)).toContain(mid);

    const edited = await coord.put(
      `/api/formative/modules/${mid}`,
      input({ nameFr: '  Médiation de dettes et budget  ', descriptionNl: 'Budgetanalyse.' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    mods = inUnit(await list());
    expect(mods.find((m) => m.id === mid)).toMatchObject({
      nameFr: 'Médiation de dettes et budget',
      descriptionNl: 'Budgetanalyse.',
      position: 4,
    });

    const order = [mid, ...mods.filter((m) => m.id !== mid).map((m) => m.id)];
    const r = await coord.put('/api/formative/modules/order', { unitId, ids: order });
    expect(r.statusCode, r.body).toBe(200);
    expect(inUnit(await list()).map((m) => m.id)).toEqual(order);
    const partial = await coord.put('/api/formative/modules/order', { unitId, ids: order.slice(1) });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.message).toMatch(/chaque module du service une fois/);

    // Retired: kept, offered to no new plan; offered again on demand.
    expect((await coord.put(`/api/formative/modules/${mid}/retired`, { retired: true })).statusCode).toBe(
      200,
    );
    expect(inUnit(await list()).find((m) => m.id === mid)?.retired).toBe(true);
    expect((await options()).map((m) => m.id)).not.toContain(mid);
    expect((await coord.put(`/api/formative/modules/${mid}/retired`, { retired: false })).statusCode).toBe(
      200,
    );
    expect((await options()).map((m) => m.id)).toContain(mid);

    // Unused: deleted. Used by a plan: refused with a translated 409, retired instead.
    expect((await coord.del(`/api/formative/modules/${mid}`)).statusCode).toBe(200);
    expect(inUnit(await list()).map((m) => m.id)).not.toContain(mid);
    const used = inUnit(await list())[0]!;
    const refused = await coord.del(`/api/formative/modules/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/retirez-le de l’offre/);
    expect((await coord.put(`/api/formative/modules/${used.id}/retired`, { retired: true })).statusCode).toBe(
      200,
    );
    expect(
      (await coord.put(`/api/formative/modules/${used.id}/retired`, { retired: false })).statusCode,
    ).toBe(200);
  });

  it('refuses bad input with a translated 400 or 409, never a 500, and changes nothing', async () => {
    const count = (await list()).modules.length;
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ code: 'Médiation dettes' }, 400, 'code'],
      [{ nameFr: 'Nom\u0000caché' }, 400, 'nameFr'],
      [{ nameNl: 'Naam\u0007' }, 400, 'nameNl'],
      [{ descriptionFr: 'Texte\u001b[31m' }, 400, 'descriptionFr'],
      [{ nameFr: '  a ' }, 400, 'nameFr'],
      [{ nameNl: 'x'.repeat(201) }, 400, 'nameNl'],
      [{ unitId: 'pas-un-uuid' }, 400, 'unitId'],
      [{ extra: true }, 400, ''],
    ];
    for (const [over, status, path] of bad) {
      const r = await coord.post('/api/formative/modules', input(over));
      expect(r.statusCode, JSON.stringify(over)).toBe(status);
      expect(r.json().error.message).toBeTruthy();
      if (path) expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const taken = await coord.post('/api/formative/modules', input({ code: 'insertion-sociale' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toMatch(/« insertion-sociale »/);
    expect((await list()).modules).toHaveLength(count);
  });

  it('lets no other organisation create modules in the host’s unit or touch its modules', async () => {
    const mine = inUnit(await list())[0]!;
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    expect(inUnit(await list(mouscron))).toEqual([]);
    const intrusion = await mouscron.post('/api/formative/modules', input({ code: 'intrus' }));
    expect(intrusion.statusCode).toBe(400);
    expect(intrusion.json().error.message).toBe('Choisissez un service de votre organisation.');
    expect(
      (await mouscron.put(`/api/formative/modules/${mine.id}`, input({ code: 'intrus' }))).statusCode,
    ).toBe(404);
    expect(
      (await mouscron.put(`/api/formative/modules/${mine.id}/retired`, { retired: true })).statusCode,
    ).toBe(404);
    expect((await mouscron.del(`/api/formative/modules/${mine.id}`)).statusCode).toBe(404);
    expect((await mouscron.put('/api/formative/modules/order', { unitId, ids: [mine.id] })).statusCode).toBe(
      400,
    );
    // In the database too: neither as its own module in the host's unit, nor as the host's.
    const other = await fx.member('coordination@cpas-mouscron.example');
    const lead = await fx.member('coordination@cpas-charleroi.example');
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into formative_modules (org_id, unit_id, code, name_fr, name_nl)
          values (${other.orgId}::uuid, ${unitId}::uuid, 'intrus', 'Intrus', 'Indringer')`.execute(trx),
      ),
    ).rejects.toThrow(/foreign key/);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into formative_modules (org_id, unit_id, code, name_fr, name_nl)
          values (${lead.orgId}::uuid, ${unitId}::uuid, 'intrus', 'Intrus', 'Indringer')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    const retired = await fx.asOrg(other, (trx) =>
      sql`update formative_modules set retired_at = now() where org_id = ${lead.orgId}::uuid`.execute(trx),
    );
    expect(Number(retired.numAffectedRows ?? 0)).toBe(0);
    expect(inUnit(await list()).every((m) => !m.retired)).toBe(true);
  });

  it('lets neither the trainee nor the tutor edit the modules', async () => {
    const mine = inUnit(await list())[0]!;
    for (const email of ['stagiaire@cpas-binche.example', 'tutrice@cpas-charleroi.example']) {
      const c = await t.login(email);
      expect((await c.get('/api/formative/modules')).statusCode, email).toBe(403);
      expect((await c.post('/api/formative/modules', input({ code: 'intrus' }))).statusCode, email).toBe(403);
      expect((await c.put(`/api/formative/modules/${mine.id}`, input({ code: 'x' }))).statusCode, email).toBe(
        403,
      );
      expect((await c.put(`/api/formative/modules/${mine.id}/retired`, { retired: true })).statusCode).toBe(
        403,
      );
      expect((await c.put('/api/formative/modules/order', { unitId, ids: [mine.id] })).statusCode).toBe(403);
      expect((await c.del(`/api/formative/modules/${mine.id}`)).statusCode, email).toBe(403);
    }
    // The trainee reads the host's modules through the partnership, and writes none of them.
    const trainee = await fx.member('stagiaire@cpas-binche.example');
    const renamed = await fx.asOrg(trainee, (trx) =>
      sql`update formative_modules set name_fr = 'Renommé' where id = ${mine.id}::uuid`.execute(trx),
    );
    expect(Number(renamed.numAffectedRows ?? 0)).toBe(0);
    expect(inUnit(await list())[0]!.nameFr).toBe(mine.nameFr);
  });
});
