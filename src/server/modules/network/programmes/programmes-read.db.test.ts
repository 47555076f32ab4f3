import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { fixedClock } from '../../../../common/kernel/clock';
import type { ProgrammeDetail, ProgrammeList } from '../../../../common/network/programme-schemas';
import { withContext } from '../../../platform/db/context';
import { t } from '../../../platform/i18n';
import { COORDINATOR, type Fixture, openFixture, REFERENT } from './fixtures';

const available = await engineAvailable();

describe.skipIf(!available)('programmes API: reading and tenancy', () => {
  let app: TestApp;
  let orgs: Fixture['orgs'];
  let asAdmin: Fixture['asAdmin'];
  let sam: ProgrammeDetail;
  let charleroiBinche: string;

  // 00:30 on 1 January 2022 in Brussels, when UTC is still on 31 December 2021: the last day of the
  // Charleroi–Binche programme is over for the staff, and every historical demo programme is closed (the
  // fictional follow-up of SAM is planned).
  const NEW_YEAR = '2021-12-31T23:30:00Z';

  beforeAll(async () => {
    ({ app, orgs, asAdmin } = await openFixture({ clock: fixedClock(NEW_YEAR) }));
  });
  afterAll(async () => app?.close());

  describe('reading', () => {
    it('lists the seeded programmes, newest first, with their lead', async () => {
      const c = await app.login(REFERENT);
      const r = await c.get('/api/programmes');
      expect(r.statusCode).toBe(200);
      const list = r.json() as ProgrammeList;
      // The fictional follow-ups (the formative module's Charleroi–Binche, AB's and SAM's) come first.
      expect(list.total).toBe(6);
      expect(list.items.map((p) => p.acronym)).toEqual([
        'Charleroi–Binche suite',
        'AB Réfugiés suite',
        'SAM-E suite',
        'FAMI Charleroi–Binche',
        'AB Réfugiés',
        'SAM-E',
      ]);
      const s = list.items.find((p) => p.acronym === 'SAM-E')!;
      expect(s).toMatchObject({
        startsOn: '2010-07-01',
        endsOn: '2014-12-31',
        status: 'closed',
        funds: ['erdf', 'own'],
        partnerCount: 16,
        budgetTotal: '1142943.65',
        euAmount: '583540.04',
        lead: { id: orgs.udccas, shortName: 'UDCCAS 59', country: 'FR' },
      });
      charleroiBinche = list.items.find((p) => p.acronym === 'FAMI Charleroi–Binche')!.id;
    });

    it('derives statuses from the Brussels day of the server clock, not from UTC', async () => {
      const c = await app.login(REFERENT);
      const cb = (await c.get(`/api/programmes/${charleroiBinche}`)).json() as ProgrammeDetail;
      expect([cb.endsOn, cb.status]).toEqual(['2021-12-31', 'closed']);
      const running = (await c.get('/api/programmes?status=running')).json() as ProgrammeList;
      expect(running.total).toBe(0);
    });

    it('filters by text (accents folded), fund, status, partner organisation and pages', async () => {
      const c = await app.login(REFERENT);
      const acronyms = async (query: string) =>
        ((await c.get(`/api/programmes${query}`)).json() as ProgrammeList).items.map((p) => p.acronym);
      expect(await acronyms('?q=eurometropole')).toEqual(['SAM-E suite', 'SAM-E']);
      expect(await acronyms('?q=refugies')).toEqual(['AB Réfugiés suite', 'AB Réfugiés']);
      expect(await acronyms('?fund=amif')).toEqual(['Charleroi–Binche suite', 'FAMI Charleroi–Binche']);
      expect(await acronyms('?status=running')).toEqual([]);
      expect(await acronyms('?status=planned')).toEqual([
        'Charleroi–Binche suite',
        'AB Réfugiés suite',
        'SAM-E suite',
      ]);
      expect(await acronyms('?status=closed')).toHaveLength(3);
      expect(await acronyms(`?org=${orgs.binche}`)).toEqual([
        'Charleroi–Binche suite',
        'FAMI Charleroi–Binche',
      ]);
      expect(await acronyms(`?org=${orgs.kortrijk}`)).toEqual(['SAM-E suite', 'SAM-E']);
      const page2 = (await c.get('/api/programmes?pageSize=3&page=2')).json() as ProgrammeList;
      expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 3 });
      expect(page2.items.map((p) => p.acronym)).toEqual(['FAMI Charleroi–Binche', 'AB Réfugiés', 'SAM-E']);
      expect((await c.get('/api/programmes?fund=gold')).statusCode).toBe(400);
      expect((await c.get('/api/programmes?org=not-a-uuid')).statusCode).toBe(400);
    });

    it('shows SAM Eurométropole with its partners by role and the declared totals', async () => {
      const c = await app.login(REFERENT);
      const list = (await c.get('/api/programmes?q=SAM')).json() as ProgrammeList;
      const r = await c.get(`/api/programmes/${list.items.find((p) => p.acronym === 'SAM-E')!.id}`);
      expect(r.statusCode).toBe(200);
      sam = r.json();
      expect(sam.lead.id).toBe(orgs.udccas);
      expect(sam.fundingProgramme).toBe('Interreg IV A France-Wallonie-Vlaanderen');
      const byRole = (role: string) =>
        sam.partners.filter((p) => p.role === role).map((p) => p.org.shortName ?? p.org.nameNl);
      expect(byRole('lead')).toEqual(['UDCCAS 59']);
      expect(byRole('partner')).toHaveLength(8);
      expect(byRole('partner')).toContain('OCMW Menen');
      expect(byRole('operator')).toHaveLength(3);
      expect(byRole('associated').sort()).toEqual(
        ['CCAS Halluin', 'OCMW Ronse', 'Provincie Oost-Vlaanderen', 'Provincie West-Vlaanderen'].sort(),
      );
      expect(sam.partners.map((p) => p.role)).toEqual([
        'lead',
        ...Array(8).fill('partner'),
        ...Array(3).fill('operator'),
        ...Array(4).fill('associated'),
      ]);
      // The province of West Flanders also co-finances the Flemish partners (seed 002).
      const wvl = sam.partners.find((p) => p.org.nameNl === 'Provincie West-Vlaanderen')!;
      expect(wvl.roles).toEqual(['associated', 'cofinancer']);
      expect(sam.partners.filter((p) => p.roles.length > 1)).toHaveLength(1);
      expect(sam.totals).toMatchObject({
        partnerBudgetTotal: '0.00',
        partnersWithBudget: 0,
        partnersWithoutBudget: 16,
        declaredEuRateBp: 5106,
        budgetMatches: null,
      });
      expect([sam.placementMinMonths, sam.placementMaxMonths]).toEqual([2, 6]);
      expect(sam.descriptionFr).toContain('Action 4');
      expect(sam.descriptionNl).toContain('Actie 4');
      expect(sam.canEdit).toBe(false);
    });

    it('derives AB Réfugiés totals from the operators budgets, matching the declared ones', async () => {
      const c = await app.login(COORDINATOR);
      const list = (await c.get('/api/programmes?q=AB')).json() as ProgrammeList;
      const abId = list.items.find((p) => p.acronym === 'AB Réfugiés')!.id;
      const ab = (await c.get(`/api/programmes/${abId}`)).json() as ProgrammeDetail;
      // Six operators with a budget and the eight associated operators ("OP associé") without one.
      expect(ab.partners).toHaveLength(14);
      expect(ab.partners.filter((p) => p.role === 'associated').map((p) => p.org.shortName)).toEqual(
        expect.arrayContaining([
          'DDCS Somme',
          'DDCS Pas-de-Calais',
          'SPW DGO5',
          'ARS Hauts-de-France',
          'AViQ',
        ]),
      );
      expect(ab.partners[0]).toMatchObject({ role: 'lead', budgetTotal: '183321.24', euAmount: '91660.62' });
      expect(ab.totals).toMatchObject({
        partnerBudgetTotal: '1389740.18',
        partnerEuAmount: '694870.08',
        euRateBp: 5000,
        budgetMatches: true,
        euMatches: true,
      });
      expect(ab.canEdit).toBe(false);
    });

    it('answers 400 for a malformed id, 404 for an unknown one and 401 without a session', async () => {
      const c = await app.login(REFERENT);
      expect((await c.get('/api/programmes/42')).statusCode).toBe(400);
      expect((await c.get("/api/programmes/1'or'1")).statusCode).toBe(400);
      const unknown = await c.get('/api/programmes/00000000-0000-4000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toBe(t('fr', 'network.programmes.errors.not_found'));
      expect((await app.anonymous.get('/api/programmes')).statusCode).toBe(401);
      const coord = await app.login(COORDINATOR);
      expect((await coord.patch('/api/programmes/nope', { nameFr: 'Nouveau nom' })).statusCode).toBe(400);
      const body = { partners: [{ orgId: orgs.udccas, role: 'lead' }] };
      expect((await coord.put('/api/programmes/nope/partners', body)).statusCode).toBe(400);
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect((await coord.put(`/api/programmes/${nobody}/partners`, body)).statusCode).toBe(404);
    });
  });

  describe('tenancy', () => {
    it('refuses a coordinator of another organisation through the API', async () => {
      const c = await app.login(COORDINATOR);
      const detail = (await c.get(`/api/programmes/${charleroiBinche}`)).json() as ProgrammeDetail;
      expect(detail.canEdit).toBe(false);
      const patch = await c.patch(`/api/programmes/${charleroiBinche}`, { nameFr: 'Repris par un autre' });
      expect(patch.statusCode).toBe(403);
      const partners = await c.put(`/api/programmes/${charleroiBinche}/partners`, {
        partners: [{ orgId: orgs.charleroi, role: 'lead' }],
      });
      expect(partners.statusCode).toBe(403);
      const after = (await c.get(`/api/programmes/${charleroiBinche}`)).json() as ProgrammeDetail;
      expect(after.nameFr).toBe(detail.nameFr);
      expect(after.partners).toHaveLength(2);
    });

    it('changes no row of another organisation directly in SQL under the application role', async () => {
      const userId = await asAdmin(
        async (trx) =>
          (
            await trx
              .selectFrom('users')
              .select('id')
              .where('email', '=', COORDINATOR)
              .executeTakeFirstOrThrow()
          ).id,
      );
      const asCoordinator = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
        withContext(app.deps.db, { userId, orgId: orgs.udccas }, fn);
      const upd = await asCoordinator((trx) =>
        trx
          .updateTable('programmes')
          .set({ name_fr: 'Détourné' })
          .where('id', '=', charleroiBinche)
          .executeTakeFirst(),
      );
      expect(Number(upd.numUpdatedRows)).toBe(0);
      const del = await asCoordinator((trx) =>
        trx.deleteFrom('programme_partners').where('programme_id', '=', charleroiBinche).executeTakeFirst(),
      );
      expect(Number(del.numDeletedRows)).toBe(0);
      const partnerUpd = await asCoordinator((trx) =>
        trx
          .updateTable('programme_partners')
          .set({ budget_total: '1.00' })
          .where('programme_id', '=', charleroiBinche)
          .executeTakeFirst(),
      );
      expect(Number(partnerUpd.numUpdatedRows)).toBe(0);
      // Joining someone else's programme by writing the own organisation as the owner copy is refused too.
      await expect(
        asCoordinator((trx) =>
          trx
            .insertInto('programme_partners')
            .values({
              programme_id: charleroiBinche,
              partner_org_id: orgs.udccas!,
              org_id: orgs.udccas!,
              role: 'partner',
            })
            .execute(),
        ),
      ).rejects.toMatchObject({ code: '42501' });
      // Yet every signed-in member reads the network's programmes.
      const seen = await asCoordinator((trx) => trx.selectFrom('programmes').select('id').execute());
      expect(seen.map((r) => r.id)).toContain(charleroiBinche);
      const unchanged = await asAdmin((trx) =>
        trx
          .selectFrom('programmes')
          .select('name_fr')
          .where('id', '=', charleroiBinche)
          .executeTakeFirstOrThrow(),
      );
      expect(unchanged.name_fr).not.toBe('Détourné');
    });
  });
});
