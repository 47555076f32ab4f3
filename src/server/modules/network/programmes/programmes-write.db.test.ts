import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { t } from '../../../platform/i18n';
import { ADMIN, COORDINATOR, type Fixture, openFixture, REFERENT } from './fixtures';

const available = await engineAvailable();

describe.skipIf(!available)('programmes API: creating, editing and partners', () => {
  let app: TestApp;
  let orgs: Fixture['orgs'];
  let asAdmin: Fixture['asAdmin'];
  let programmeCount: Fixture['programmeCount'];

  beforeAll(async () => {
    ({ app, orgs, asAdmin, programmeCount } = await openFixture());
  });
  afterAll(async () => app?.close());

  describe('creating and editing', () => {
    let created: ProgrammeDetail;
    const valid = {
      acronym: 'PASS',
      nameFr: 'Passerelles emploi transfrontalières',
      nameNl: 'Grensoverschrijdende bruggen naar werk',
      funds: ['erdf', 'regional'],
      startsOn: '2027-01-01',
      endsOn: '2029-12-31',
      budgetTotal: '250000.00',
      euAmount: '125000',
    };

    it('refuses a referent', async () => {
      const c = await app.login(REFERENT);
      const r = await c.post('/api/programmes', valid);
      expect(r.statusCode).toBe(403);
    });

    it('refuses invalid input with translated field errors and changes nothing', async () => {
      const before = await programmeCount();
      const c = await app.login(COORDINATOR);
      const r = await c.post('/api/programmes', {
        ...valid,
        endsOn: '2026-12-31',
        euAmount: '250000.01',
      });
      expect(r.statusCode).toBe(400);
      const fields = r.json().error.fields as Array<{ path: string; code: string; message: string }>;
      expect(fields.map((f) => [f.path, f.code])).toEqual([
        ['endsOn', 'validation.date_order'],
        ['euAmount', 'network.programmes.errors.eu_exceeds_total'],
      ]);
      // The coordinator's language is French.
      expect(fields[1]!.message).toBe(t('fr', 'network.programmes.errors.eu_exceeds_total'));
      expect(fields[1]!.message).not.toBe('network.programmes.errors.eu_exceeds_total');

      const schema = await c.post('/api/programmes', {
        ...valid,
        nameNl: undefined,
        funds: [],
        budgetTotal: '12.345',
      });
      expect(schema.statusCode).toBe(400);
      const paths = (schema.json().error.fields as Array<{ path: string }>).map((f) => f.path).sort();
      expect(paths).toEqual(['budgetTotal', 'funds', 'nameNl']);
      const blank = await c.post('/api/programmes', { ...valid, nameFr: '   ' });
      expect(blank.json().error.fields).toMatchObject([{ path: 'nameFr', code: 'validation.min_length' }]);
      expect(await programmeCount()).toBe(before);
    });

    it('lets a coordinator create a programme led by their organisation only', async () => {
      const c = await app.login(COORDINATOR);
      const other = await c.post('/api/programmes', { ...valid, leadOrgId: orgs.mouscron });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.fields).toMatchObject([
        { path: 'leadOrgId', code: 'network.programmes.errors.lead_org_not_allowed' },
      ]);
      const r = await c.post('/api/programmes', valid);
      expect(r.statusCode).toBe(201);
      created = r.json();
      expect(created).toMatchObject({
        lead: { id: orgs.udccas },
        status: 'planned',
        euAmount: '125000.00',
        canEdit: true,
        partners: [{ org: { id: orgs.udccas }, role: 'lead', budgetTotal: null }],
      });
    });

    it('lets a platform admin choose the lead, which must be an active organisation', async () => {
      const c = await app.login(ADMIN);
      const missing = await c.post('/api/programmes', valid);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields).toMatchObject([{ path: 'leadOrgId', code: 'validation.required' }]);
      const unknown = await c.post('/api/programmes', {
        ...valid,
        leadOrgId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.json().error.fields).toMatchObject([
        { path: 'leadOrgId', code: 'network.programmes.errors.org_unknown' },
      ]);
      const r = await c.post('/api/programmes', { ...valid, acronym: 'MOUS', leadOrgId: orgs.mouscron });
      expect(r.statusCode).toBe(201);
      expect(r.json().lead.id).toBe(orgs.mouscron);
    });

    it('edits the given fields, keeps the rules on the result and records the change in the audit log', async () => {
      const c = await app.login(COORDINATOR);
      const bad = await c.patch(`/api/programmes/${created.id}`, { euAmount: '300000.00' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toMatchObject([
        { path: 'euAmount', code: 'network.programmes.errors.eu_exceeds_total' },
      ]);
      const badDates = await c.patch(`/api/programmes/${created.id}`, { startsOn: '2030-01-01' });
      expect(badDates.json().error.fields).toMatchObject([{ path: 'endsOn', code: 'validation.date_order' }]);
      const unchanged = (await c.get(`/api/programmes/${created.id}`)).json() as ProgrammeDetail;
      expect(unchanged.euAmount).toBe('125000.00');
      expect(unchanged.startsOn).toBe('2027-01-01');

      const r = await c.patch(`/api/programmes/${created.id}`, {
        nameFr: '  Passerelles vers l’emploi  ',
        acronym: null,
        descriptionNl: 'Trajecten naar werk over de grens.',
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        nameFr: 'Passerelles vers l’emploi',
        acronym: null,
        descriptionNl: 'Trajecten naar werk over de grens.',
        nameNl: valid.nameNl,
      });
      const entry = await asAdmin((trx) =>
        trx
          .selectFrom('audit.log')
          .select(['action', 'org_id', 'before', 'after', 'actor_user_id'])
          .where('entity', '=', 'programmes')
          .where('entity_id', '=', created.id)
          .where('action', '=', 'update')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow(),
      );
      expect(entry.org_id).toBe(orgs.udccas);
      expect(entry.actor_user_id).not.toBeNull();
      expect(entry.before).toEqual({ name_fr: valid.nameFr, acronym: 'PASS', description_nl: null });
      expect(entry.after).toEqual({
        name_fr: 'Passerelles vers l’emploi',
        acronym: null,
        description_nl: 'Trajecten naar werk over de grens.',
      });
    });

    it('sets the placement duration limits, checks them against each other and the stored value', async () => {
      const c = await app.login(COORDINATOR);
      expect(created).toMatchObject({ placementMinMonths: 2, placementMaxMonths: 6 });
      const before = await programmeCount();
      const fieldsOf = (r: { json: () => { error: { fields: Array<{ path: string; code: string }> } } }) =>
        r.json().error.fields.map((f) => [f.path, f.code]);
      for (const [body, expected] of [
        [{ placementMinMonths: 0 }, [['placementMinMonths', 'validation.minimum']]],
        [{ placementMaxMonths: 25 }, [['placementMaxMonths', 'validation.maximum']]],
        [{ placementMinMonths: 2.5 }, [['placementMinMonths', 'validation.type']]],
        // Against the default maximum (6) when only the minimum is given.
        [
          { placementMinMonths: 8 },
          [['placementMaxMonths', 'network.programmes.errors.placement_months_order']],
        ],
        [
          { placementMinMonths: 6, placementMaxMonths: 5 },
          [['placementMaxMonths', 'network.programmes.errors.placement_months_order']],
        ],
      ] as const) {
        const r = await c.post('/api/programmes', { ...valid, ...body });
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(r), JSON.stringify(body)).toEqual(expected);
      }
      const order = await c.post('/api/programmes', {
        ...valid,
        placementMinMonths: 6,
        placementMaxMonths: 5,
      });
      expect(order.json().error.fields[0].message).toBe(
        t('fr', 'network.programmes.errors.placement_months_order', { min: 6 }),
      );
      expect(order.json().error.fields[0].message).toContain('6 mois');
      expect(await programmeCount()).toBe(before);

      const made = await c.post('/api/programmes', {
        ...valid,
        acronym: 'LONG',
        placementMinMonths: 3,
        placementMaxMonths: 12,
      });
      expect(made.statusCode).toBe(201);
      const id = (made.json() as ProgrammeDetail).id;
      expect(made.json()).toMatchObject({ placementMinMonths: 3, placementMaxMonths: 12 });
      const stored = () =>
        asAdmin((trx) =>
          trx
            .selectFrom('programmes')
            .select(['placement_min_months', 'placement_max_months'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow(),
        );
      expect(await stored()).toEqual({ placement_min_months: 3, placement_max_months: 12 });

      // A change is checked against the other, stored limit.
      const above = await c.patch(`/api/programmes/${id}`, { placementMinMonths: 13 });
      expect(above.statusCode).toBe(400);
      expect(fieldsOf(above)).toEqual([
        ['placementMaxMonths', 'network.programmes.errors.placement_months_order'],
      ]);
      const below = await c.patch(`/api/programmes/${id}`, { placementMaxMonths: 2 });
      expect(fieldsOf(below)).toEqual([
        ['placementMaxMonths', 'network.programmes.errors.placement_months_order'],
      ]);
      const cleared = await c.patch(`/api/programmes/${id}`, { placementMaxMonths: null });
      expect(cleared.statusCode).toBe(400);
      expect((await c.patch(`/api/programmes/${id}`, { placementMaxMonths: 25 })).statusCode).toBe(400);
      expect(await stored()).toEqual({ placement_min_months: 3, placement_max_months: 12 });

      const r = await c.patch(`/api/programmes/${id}`, { placementMinMonths: 12 });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ placementMinMonths: 12, placementMaxMonths: 12 });
      const read = (await c.get(`/api/programmes/${id}`)).json() as ProgrammeDetail;
      expect([read.placementMinMonths, read.placementMaxMonths]).toEqual([12, 12]);
      expect(await stored()).toEqual({ placement_min_months: 12, placement_max_months: 12 });
    });

    describe('partners', () => {
      const put = async (partners: unknown[]) =>
        (await app.login(COORDINATOR)).put(`/api/programmes/${created.id}/partners`, { partners });
      const lead = () => ({
        orgId: orgs.udccas,
        role: 'lead',
        budgetTotal: '100000.00',
        euAmount: '50000.00',
      });
      const partnerCount = () =>
        asAdmin(
          async (trx) =>
            (
              await trx
                .selectFrom('programme_partners')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('programme_id', '=', created.id)
                .executeTakeFirstOrThrow()
            ).n,
        );

      it('refuses lists that break the rules, changing nothing', async () => {
        const cases: Array<[unknown[], Array<[string, string]>]> = [
          [
            [{ orgId: orgs.roubaix, role: 'partner' }],
            [['partners', 'network.programmes.errors.lead_missing']],
          ],
          [
            [lead(), { orgId: orgs.roubaix, role: 'lead' }],
            [['partners.1.role', 'network.programmes.errors.lead_not_owner']],
          ],
          [
            [lead(), { orgId: orgs.roubaix, role: 'partner' }, { orgId: orgs.roubaix, role: 'associated' }],
            [['partners.2.orgId', 'network.programmes.errors.duplicate_partner']],
          ],
          [
            [lead(), { orgId: orgs.roubaix, role: 'partner', budgetTotal: '10.00', euAmount: '10.01' }],
            [['partners.1.euAmount', 'network.programmes.errors.eu_exceeds_total']],
          ],
          [
            [lead(), { orgId: '00000000-0000-4000-8000-000000000000', role: 'partner' }],
            [['partners.1.orgId', 'network.programmes.errors.org_unknown']],
          ],
        ];
        for (const [partners, expected] of cases) {
          const r = await put(partners);
          expect(r.statusCode, JSON.stringify(partners)).toBe(400);
          const fields = r.json().error.fields as Array<{ path: string; code: string; message: string }>;
          expect(fields.map((f) => [f.path, f.code])).toEqual(expected);
          expect(fields.every((f) => f.message && f.message !== f.code)).toBe(true);
        }
        const negative = await put([lead(), { orgId: orgs.roubaix, role: 'partner', budgetTotal: '-5' }]);
        expect(negative.statusCode).toBe(400);
        expect(await partnerCount()).toBe(1);
      });

      it('refuses to add a closed organisation', async () => {
        await asAdmin((trx) =>
          trx
            .updateTable('organisations')
            .set({ status: 'closed', closed_on: '2025-12-31' })
            .where('id', '=', orgs.lille!)
            .execute(),
        );
        const r = await put([lead(), { orgId: orgs.lille, role: 'partner' }]);
        expect(r.json().error.fields).toMatchObject([
          { path: 'partners.1.orgId', code: 'network.programmes.errors.org_closed' },
        ]);
        expect(await partnerCount()).toBe(1);
      });

      it('replaces the list in one go and derives the totals', async () => {
        const r = await put([
          lead(),
          { orgId: orgs.mouscron, role: 'partner', budgetTotal: '100000', euAmount: '50000' },
          { orgId: orgs.kortrijk, role: 'operator', budgetTotal: '50000.00', euAmount: '25000.00' },
          { orgId: orgs.roubaix, role: 'associated' },
        ]);
        expect(r.statusCode).toBe(200);
        const d = r.json() as ProgrammeDetail;
        expect(d.partners.map((p) => p.role)).toEqual(['lead', 'partner', 'operator', 'associated']);
        expect(d.totals).toMatchObject({
          partnerBudgetTotal: '250000.00',
          partnerEuAmount: '125000.00',
          partnersWithoutBudget: 1,
          euRateBp: 5000,
          budgetMatches: true,
          euMatches: true,
        });

        const again = await put([
          lead(),
          { orgId: orgs.mouscron, role: 'partner', budgetTotal: '90000.00', euAmount: '45000.00' },
          { orgId: orgs.roubaix, role: 'associated' },
        ]);
        expect(again.json().totals).toMatchObject({ budgetMatches: false, budgetDifference: '60000.00' });
        const entries = await asAdmin((trx) =>
          trx
            .selectFrom('audit.log')
            .select(['action', 'before', 'after'])
            .where('entity', '=', 'programme_partners')
            .where('org_id', '=', orgs.udccas!)
            .orderBy('id', 'desc')
            .limit(2)
            .execute(),
        );
        // Only what changed: Mouscron's budget and Kortrijk's removal; the lead and Roubaix are untouched.
        expect(entries.map((e) => e.action).sort()).toEqual(['delete', 'update']);
        const update = entries.find((e) => e.action === 'update')!;
        expect(update.before).toEqual({ budget_total: 100000, eu_amount: 50000 });
        expect(update.after).toEqual({ budget_total: 90000, eu_amount: 45000 });
      });
    });
  });
});
