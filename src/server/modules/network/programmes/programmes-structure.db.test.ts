import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { ProgrammeDetail, ProgrammeList } from '../../../../common/network/programme-schemas';
import type { ActionInput } from '../../../../common/network/programme-structure-schemas';
import { withContext } from '../../../platform/db/context';
import { t } from '../../../platform/i18n';
import { COORDINATOR, type Fixture, openFixture, REFERENT } from './fixtures';

const available = await engineAvailable();
const MOUSCRON_COORDINATOR = 'coordination@cpas-mouscron.example';

const asInput = (p: ProgrammeDetail): ActionInput[] =>
  p.actions.map((a) => ({
    id: a.id,
    code: a.code,
    kind: a.kind,
    titleFr: a.titleFr,
    titleNl: a.titleNl,
    titleEn: a.titleEn,
    defaultFor: a.defaultFor as ActionInput['defaultFor'],
  }));

/** Actions, perimeter, milestones, partner roles and the placement's action (migration 0016). */
describe.skipIf(!available)('programmes API: structure', () => {
  let app: TestApp;
  let orgs: Fixture['orgs'];
  let asAdmin: Fixture['asAdmin'];
  let ids: Record<string, string>;
  let lead: Client;

  const get = async (c: Client, acronym: string) =>
    (await c.get(`/api/programmes/${ids[acronym]}`)).json() as ProgrammeDetail;

  beforeAll(async () => {
    ({ app, orgs, asAdmin } = await openFixture());
    lead = await app.login(COORDINATOR);
    const list = (await lead.get('/api/programmes')).json() as ProgrammeList;
    ids = Object.fromEntries(list.items.map((p) => [p.acronym, p.id]));
  });
  afterAll(async () => app?.close());

  describe('the demo', () => {
    it('gives each programme its actions, in order, in three languages', async () => {
      const c = await app.login(REFERENT);
      const sam = await get(c, 'SAM-E');
      expect(sam.actions.map((a) => [a.position, a.code, a.kind])).toEqual([
        [1, 'A1', 'action'],
        [2, 'A2', 'action'],
        [3, 'A3', 'action'],
        [4, 'A4', 'action'],
      ]);
      expect(sam.actions[0]).toMatchObject({
        titleFr: "Chantiers transfrontaliers d'insertion",
        titleNl: 'Grensoverschrijdende integratieprojecten',
        defaultFor: ['placement'],
        inUse: false,
      });
      expect(sam.website).toBe('https://www.sameurometropole.eu');
      expect(sam.themes).toContain('volunteering');
      // The Eurométropole's municipalities among the demo territories, without Ronse or Charleroi.
      const codes = sam.territories.map((x) => x.code);
      expect(codes).toHaveLength(35);
      expect(codes).toEqual(expect.arrayContaining(['FR-59350', 'BE-34022', 'BE-57081', 'BE-57096']));
      expect(codes).not.toContain('BE-45041');
      const ab = await get(c, 'AB Réfugiés');
      expect(ab.actions.map((a) => `${a.code} ${a.titleEn}`)).toEqual([
        'M1 Franco-Belgian accompaniment networks',
        'M2 Mobile cross-border accompaniment teams',
        'M3 Cross-border experimentations',
      ]);
      expect(ab.interventionCategory).toMatch(/^Inclusion active/);
      const cb = await get(c, 'FAMI Charleroi–Binche');
      expect(cb.actions.map((a) => [a.code, a.kind])).toEqual([
        ['Y1', 'year'],
        ['Y2', 'year'],
      ]);
      expect(cb.territories.map((x) => x.nameFr)).toEqual(['Binche', 'Charleroi']);
    });

    it('runs a fictional follow-up of SAM with the same partners, roles and actions', async () => {
      const suite = await get(lead, 'SAM-E suite');
      const sam = await get(lead, 'SAM-E');
      expect(suite).toMatchObject({ startsOn: '2025-01-01', endsOn: '2027-12-31', canEdit: true });
      expect(suite.nameFr).toContain('(fictif)');
      expect(suite.nameNl).toContain('(fictief)');
      expect(suite.descriptionFr).toContain('fictif');
      const roles = (p: ProgrammeDetail) => p.partners.map((x) => `${x.org.id}:${x.roles.join('+')}`).sort();
      expect(roles(suite)).toEqual(roles(sam));
      expect(suite.actions.map((a) => [a.code, a.titleFr, a.defaultFor])).toEqual(
        sam.actions.map((a) => [a.code, a.titleFr, a.defaultFor]),
      );
    });

    it('attributes the demo placements to Action 1 of the follow-up, none to the 2010–2014 SAM-E', async () => {
      const rows = await asAdmin(
        async (trx) =>
          (
            await sql<{ acronym: string | null; code: string | null; n: number }>`
            select g.acronym, a.code, count(*)::int as n from placements p
            left join programmes g on g.id = p.programme_id
            left join programme_actions a on a.id = p.action_id
            group by g.acronym, a.code order by g.acronym, a.code`.execute(trx)
          ).rows,
      );
      const attached = rows.filter((r) => r.acronym !== null);
      expect(attached.length).toBeGreaterThan(0);
      expect(attached.every((r) => r.acronym === 'SAM-E suite' && r.code === 'A1')).toBe(true);
      expect(rows.some((r) => r.acronym === 'SAM-E')).toBe(false);
      // The lead now sees that Action 1 cannot be deleted.
      const suite = await get(lead, 'SAM-E suite');
      expect(suite.actions.map((a) => a.inUse)).toEqual([true, false, false, false]);
    });

    it('shows the Charleroi–Binche milestones to its partners only', async () => {
      const admin = await app.login('admin@samen.example');
      const cb = await get(admin, 'FAMI Charleroi–Binche');
      expect(cb.seesMilestones).toBe(true);
      expect(cb.milestones.map((m) => [m.occursOn, m.labelFr])).toEqual([
        ['2019-10-07', 'Convention de partenariat entre les CPAS de Binche et de Charleroi'],
        ['2020-01-17', 'Arrêté ministériel de financement FAMI 2020-2021 reçu'],
        ['2020-02-07', "Engagement de l'assistante sociale par le CPAS de Binche"],
      ]);
      // CPAS Mouscron is no partner of Charleroi–Binche: neither the API nor SQL shows it the milestones.
      const other = await get(await app.login(REFERENT), 'FAMI Charleroi–Binche');
      expect([other.seesMilestones, other.milestones]).toEqual([false, []]);
      const userId = await userIdOf(REFERENT);
      const seen = await withContext(app.deps.db, { userId, orgId: orgs.mouscron }, (trx) =>
        trx.selectFrom('programme_milestones').select('id').execute(),
      );
      expect(seen).toEqual([]);
    });
  });

  describe('the lead edits', () => {
    it('adds, reorders, renames and swaps codes of actions in one request', async () => {
      const before = await get(lead, 'SAM-E');
      const [a1, a2, a3, a4] = asInput(before);
      const r = await lead.put(`/api/programmes/${ids['SAM-E']}/actions`, {
        actions: [
          { ...a2!, code: 'A1' },
          { ...a1!, code: 'A2', titleFr: 'Chantiers d’insertion transfrontaliers' },
          a3,
          a4,
          {
            code: 'A5',
            kind: 'work_package',
            titleFr: 'Coordination',
            titleNl: 'Coördinatie',
            titleEn: null,
          },
        ],
      });
      expect(r.statusCode).toBe(200);
      const after = r.json() as ProgrammeDetail;
      expect(after.actions.map((a) => [a.position, a.code, a.id === a1!.id])).toEqual([
        [1, 'A1', false],
        [2, 'A2', true],
        [3, 'A3', false],
        [4, 'A4', false],
        [5, 'A5', false],
      ]);
      expect(after.actions[1]!.titleFr).toBe('Chantiers d’insertion transfrontaliers');
      // Put back as it was, the fifth deleted (nothing is attributed to it).
      const back = await lead.put(`/api/programmes/${ids['SAM-E']}/actions`, { actions: asInput(before) });
      expect((back.json() as ProgrammeDetail).actions.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    });

    it('refuses a duplicate code, a foreign id, two defaults and deleting an action in use, translated', async () => {
      const suite = await get(lead, 'SAM-E suite');
      const sam = await get(lead, 'SAM-E');
      const current = asInput(suite);
      const put = (actions: unknown[]) =>
        lead.put(`/api/programmes/${ids['SAM-E suite']}/actions`, { actions });
      const codes = async (actions: unknown[]) => {
        const r = await put(actions);
        expect(r.statusCode).toBe(400);
        return (r.json().error.fields as Array<{ path: string; code: string; message: string }>).map((f) => [
          f.path,
          f.code,
        ]);
      };
      expect(await codes([...current, { ...current[3]!, id: undefined, code: 'a4' }])).toEqual([
        ['actions.4.code', 'network.programmes.errors.action_code_taken'],
        ['actions.4.defaultFor', 'network.programmes.errors.action_default_taken'],
      ]);
      expect(await codes([...current, { ...current[3]!, id: sam.actions[3]!.id, code: 'X' }])).toEqual([
        ['actions.4.id', 'network.programmes.errors.action_unknown'],
        ['actions.4.defaultFor', 'network.programmes.errors.action_default_taken'],
      ]);
      const r = await put(current.slice(1));
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0]).toMatchObject({
        path: 'actions',
        code: 'network.programmes.errors.action_in_use',
        message: t('fr', 'network.programmes.errors.action_in_use', { code: 'A1' }),
      });
      expect((await get(lead, 'SAM-E suite')).actions).toHaveLength(4);
    });

    it('writes milestones, perimeter, themes, website and partner roles; refuses bad values', async () => {
      const id = ids['SAM-E suite']!;
      const m = await lead.put(`/api/programmes/${id}/milestones`, {
        milestones: [
          { occursOn: '2025-03-01', labelFr: 'Comité de pilotage', labelNl: 'Stuurgroep', note: 'Fictif.' },
          { occursOn: '2025-01-15', labelFr: 'Lancement', labelNl: 'Start', labelEn: 'Kick-off' },
        ],
      });
      expect(m.statusCode).toBe(200);
      expect((m.json() as ProgrammeDetail).milestones.map((x) => x.labelFr)).toEqual([
        'Lancement',
        'Comité de pilotage',
      ]);
      // A partner (CPAS Mouscron) reads them, and cannot change them.
      const partner = await app.login(MOUSCRON_COORDINATOR);
      const seen = await get(partner, 'SAM-E suite');
      expect([seen.seesMilestones, seen.milestones.length, seen.canEdit]).toEqual([true, 2, false]);
      expect((await partner.put(`/api/programmes/${id}/milestones`, { milestones: [] })).statusCode).toBe(
        403,
      );

      const p = await lead.put(`/api/programmes/${id}/perimeter`, { codes: ['FR-59512', 'BE-57096'] });
      expect((p.json() as ProgrammeDetail).territories.map((x) => x.code)).toEqual(['BE-57096', 'FR-59512']);
      const unknown = await lead.put(`/api/programmes/${id}/perimeter`, { codes: ['FR-59512', 'FR-99999'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0]).toMatchObject({
        path: 'codes.1',
        code: 'network.programmes.errors.territory_unknown',
      });

      const patch = await lead.patch(`/api/programmes/${id}`, {
        themes: ['mobility'],
        website: 'https://example.org/sam',
        interventionCategory: 'Inclusion active',
      });
      expect(patch.json()).toMatchObject({ themes: ['mobility'], website: 'https://example.org/sam' });
      for (const website of ['http://example.org', 'javascript:alert(1)', 'https://user:pw@example.org']) {
        const bad = await lead.patch(`/api/programmes/${id}`, { website });
        expect(bad.statusCode).toBe(400);
      }
      const insecure = await lead.patch(`/api/programmes/${id}`, { website: 'https://x' });
      expect(insecure.statusCode).toBe(400);

      const suite = await get(lead, 'SAM-E suite');
      const partners = suite.partners.map((x) => ({
        orgId: x.org.id,
        role: x.role,
        extraRoles: x.org.id === orgs.roubaix ? ['cofinancer'] : x.roles.slice(1),
      }));
      const rp = await lead.put(`/api/programmes/${id}/partners`, { partners });
      const roubaix = (rp.json() as ProgrammeDetail).partners.find((x) => x.org.id === orgs.roubaix)!;
      expect(roubaix.roles).toEqual(['partner', 'cofinancer']);
      const twice = partners.map((x) => (x.orgId === orgs.roubaix ? { ...x, extraRoles: ['partner'] } : x));
      const r2 = await lead.put(`/api/programmes/${id}/partners`, { partners: twice });
      expect(r2.statusCode).toBe(400);
      expect(r2.json().error.fields[0].code).toBe('network.programmes.errors.extra_role_invalid');
      const lead2 = partners.map((x) => (x.orgId === orgs.roubaix ? { ...x, extraRoles: ['lead'] } : x));
      expect((await lead.put(`/api/programmes/${id}/partners`, { partners: lead2 })).statusCode).toBe(400);
    });
  });

  describe('tenancy', () => {
    it('refuses another organisation through the API', async () => {
      const other = await app.login(MOUSCRON_COORDINATOR);
      const id = ids['FAMI Charleroi–Binche'];
      expect((await other.put(`/api/programmes/${id}/actions`, { actions: [] })).statusCode).toBe(403);
      expect((await other.put(`/api/programmes/${id}/perimeter`, { codes: [] })).statusCode).toBe(403);
      expect((await other.put(`/api/programmes/${id}/milestones`, { milestones: [] })).statusCode).toBe(403);
      const after = await get(await app.login('admin@samen.example'), 'FAMI Charleroi–Binche');
      expect([after.actions.length, after.territories.length, after.milestones.length]).toEqual([2, 2, 3]);
    });

    it('changes no row of another organisation in SQL under the application role', async () => {
      const userId = await userIdOf(COORDINATOR);
      const cb = ids['FAMI Charleroi–Binche']!;
      const asUdccas = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
        withContext(app.deps.db, { userId, orgId: orgs.udccas }, fn);
      for (const table of ['programme_actions', 'programme_territories', 'programme_milestones'] as const) {
        const del = await asUdccas((trx) =>
          trx.deleteFrom(table).where('programme_id', '=', cb).executeTakeFirst(),
        );
        expect(Number(del.numDeletedRows)).toBe(0);
      }
      const upd = await asUdccas((trx) =>
        trx
          .updateTable('programme_actions')
          .set({ title_fr: 'Détourné' })
          .where('programme_id', '=', cb)
          .executeTakeFirst(),
      );
      expect(Number(upd.numUpdatedRows)).toBe(0);
      await expect(
        asUdccas((trx) =>
          trx
            .insertInto('programme_milestones')
            .values({
              programme_id: cb,
              org_id: orgs.udccas!,
              occurs_on: '2020-01-01',
              label_fr: 'Faux',
              label_nl: 'Vals',
            })
            .execute(),
        ),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(
        asUdccas((trx) =>
          trx
            .insertInto('programme_territories')
            .values({ programme_id: cb, org_id: orgs.udccas!, territory_code: 'FR-59350' })
            .execute(),
        ),
      ).rejects.toMatchObject({ code: '42501' });
      // Actions and the perimeter are the network's to read; milestones are the partners'.
      const read = await asUdccas(async (trx) => ({
        actions: (
          await trx.selectFrom('programme_actions').select('id').where('programme_id', '=', cb).execute()
        ).length,
        milestones: (
          await trx.selectFrom('programme_milestones').select('id').where('programme_id', '=', cb).execute()
        ).length,
      }));
      expect(read).toEqual({ actions: 2, milestones: 0 });
    });

    it('keeps a placement within its programme’s actions (the trigger, whoever writes)', async () => {
      const ab = await get(lead, 'AB Réfugiés');
      const suite = await get(lead, 'SAM-E suite');
      // As the owner (no RLS), so that only the trigger stands in the way.
      const owner = sql`update placements set action_id = ${ab.actions[0]!.id}::uuid
        where programme_id = ${suite.id}::uuid`.execute(app.deps.db);
      await expect(owner).rejects.toMatchObject({ code: '23514' });
      // The home centre may choose another action of the same programme (the host may not: 0005's guard).
      const userId = await userIdOf(REFERENT);
      const set = (actionId: string) =>
        withContext(app.deps.db, { userId, orgId: orgs.mouscron }, (trx) =>
          sql`update placements set action_id = ${actionId}::uuid where programme_id = ${suite.id}::uuid`.execute(
            trx,
          ),
        );
      expect(Number((await set(suite.actions[1]!.id)).numAffectedRows)).toBeGreaterThan(0);
      await expect(set(ab.actions[0]!.id)).rejects.toMatchObject({ code: '23514' });
      await set(suite.actions[0]!.id);
    });
  });

  async function userIdOf(email: string) {
    return asAdmin(
      async (trx) =>
        (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id,
    );
  }
});
