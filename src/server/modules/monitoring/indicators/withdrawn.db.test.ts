import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Consent for network statistics in the counts (migration 0024: the withdrawn persons as a set), on both
 * engines: a person counts unless their latest consent for network statistics is withdrawn — a withdrawal
 * followed by a newer consent counts again, a newer consent withdrawn does not, no consent at all counts.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  const lead = await fx.member('coordination@udccas-nord.example');
  const home = await fx.member('referent@cpas-mouscron.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  programmeId = await fx.createProgramme(lead.orgId, 'IND-W');
  await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
    values (${programmeId}::uuid, ${home.orgId}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
  const consent = (personId: string, givenOn: string, withdrawnOn: string | null) =>
    fx.asOrg(home, async (trx) => {
      const c = await trx
        .insertInto('consents')
        .values({
          org_id: home.orgId,
          person_id: personId,
          purpose: 'network_statistics',
          data_categories: ['identity'],
          given_by: 'person',
          given_on: givenOn,
          recorded_by: home.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (withdrawnOn)
        await trx.updateTable('consents').set({ withdrawn_on: withdrawnOn }).where('id', '=', c.id).execute();
    });
  const placed = (lastName: string) =>
    fx.createAgreement(home, host, { programmeId, lastName, startsOn: '2026-02-02', endsOn: '2026-06-30' });

  const withdrawn = await placed('Retiree');
  await consent(withdrawn.personId, '2026-01-10', '2026-03-01');
  const again = await placed('Revenue');
  await consent(again.personId, '2026-01-10', '2026-03-01');
  await consent(again.personId, '2026-04-01', null);
  const later = await placed('Tardive');
  await consent(later.personId, '2026-01-10', null);
  await consent(later.personId, '2026-04-01', '2026-05-02');
  await placed('Sansavis');
});
afterAll(async () => t?.close());

describe('consent for network statistics', () => {
  it('leaves out exactly the persons whose latest consent is withdrawn', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      code: 'W1',
      euCode: null,
      kind: 'output',
      unit: 'participations',
      labelFr: 'Chantiers',
      labelNl: 'Werkplekken',
      labelEn: 'Placements',
      baseline: 0,
      target: 10,
      actionId: null,
      ruleCode: 'placements.participations',
      ruleParams: { minDurationDays: 56 },
      milestones: [],
    });
    expect(r.statusCode, r.body).toBe(201);
    // "Revenue" (consent given again) and "Sansavis" (no consent for statistics): two.
    expect((r.json() as IndicatorView).value).toBe(2);

    const rec = await coord.get(`/api/indicators/${(r.json() as IndicatorView).id}/records`);
    expect(rec.statusCode, rec.body).toBe(200);
    expect((rec.json() as { total: number }).total).toBe(2);
  });
});
