import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { resolveParams } from '../../../../common/monitoring/rules';
import { SERVER_MODULES } from '../../index';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';
import { ruleRegistry } from './registry';

/**
 * The people, follow-up and network rules on crafted records, counted as the lead organisation would:
 * pathways open in the period, referrals across the border (not within one country, not only sent),
 * crossings recorded on a pathway, outcomes 6 months after the exit, organisations with activity, and
 * the services open across the border.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let mouscron: { userId: string; orgId: string };
let kortrijk: { userId: string; orgId: string };
let roubaix: { userId: string; orgId: string };
const services: Record<string, string> = {};
/** This test's persons: referrals belong to no programme, so the demo's referrals by the same members count too. */
let ours: string[] = [];
const rules = ruleRegistry(SERVER_MODULES);

const pathway = (personId: string, entryOn: string, exitOn: string | null) =>
  sql<{ id: string }>`insert into pathways (org_id, person_id, programme_id, entry_on, exit_on, exit_reason)
    values (${mouscron.orgId}::uuid, ${personId}::uuid, ${programmeId}::uuid, ${entryOn}::date, ${exitOn}::date,
      ${exitOn ? 'other' : null}) returning id`
    .execute(fx.db)
    .then((r) => r.rows[0]!.id);

const referral = (personId: string, to: string, status: string, decidedAt: string | null) =>
  sql`insert into referrals (org_id, person_id, recipient_org_id, purpose, fields, status, override_reason,
      sent_by, decided_by, decided_at)
    values (${mouscron.orgId}::uuid, ${personId}::uuid, ${to}::uuid, 'referral', array['identity'], ${status},
      'Urgence sociale (test)',
      ${mouscron.userId}::uuid, ${decidedAt ? mouscron.userId : null}::uuid, ${decidedAt}::timestamptz)`.execute(
    fx.db,
  );

const service = (org: string, access: string) =>
  sql<{ id: string }>`insert into services (org_id, title_fr, title_nl, theme, languages, cross_border_access,
      published)
    values (${org}::uuid, 'Service test', 'Testdienst', 'employment', array['fr'], ${access}, true) returning id`
    .execute(fx.db)
    .then((r) => r.rows[0]!.id);

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  mouscron = await fx.member('referent@cpas-mouscron.example');
  kortrijk = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
  roubaix = await fx.member('referent@ccas-roubaix.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  programmeId = await fx.createProgramme(lead.orgId, 'IND-R');
  for (const org of [mouscron.orgId, kortrijk.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
  const person = (lastName: string) => fx.createPerson(mouscron, { firstName: 'Nora', lastName });
  const [p1, p2, p3, p4, p5] = [
    await person('Un'),
    await person('Deux'),
    await person('Trois'),
    await person('Quatre'),
    await person('Cinq'),
  ];
  ours = [p1!, p2!, p3!, p4!, p5!];
  await pathway(p1!, '2026-02-01', null);
  // Left before the programme began.
  await pathway(p2!, '2025-03-01', '2025-12-31');
  // Across the border (BE → FR), accepted in the period.
  await referral(p1!, roubaix.orgId, 'accepted', '2026-03-01T10:00:00Z');
  // Within Belgium: not across the border.
  await referral(p3!, kortrijk.orgId, 'accepted', '2026-03-01T10:00:00Z');
  // Only sent.
  await referral(p4!, roubaix.orgId, 'sent', null);
  // A crossing recorded on a pathway of the programme.
  const pw5 = await pathway(p5!, '2026-03-01', null);
  await sql`insert into pathway_mobility (org_id, pathway_id, recorded_on, radius_km, crossed_border)
    values (${mouscron.orgId}::uuid, ${pw5}::uuid, '2026-04-01', 25, true)`.execute(fx.db);
  // Outcomes 6 months after the exit: a job counts, no change does not.
  const a = await fx.createAgreement(mouscron, host, {
    programmeId,
    status: 'completed',
    startsOn: '2026-01-05',
    endsOn: '2026-03-27',
    endedOn: '2026-03-27',
  });
  await fx.addOutcome(a, 'six_months', '2026-09-28', 'job');
  const b = await fx.createAgreement(mouscron, host, {
    programmeId,
    status: 'completed',
    startsOn: '2026-01-05',
    endsOn: '2026-03-27',
    endedOn: '2026-03-27',
  });
  await fx.addOutcome(b, 'six_months', '2026-09-28', 'no_change');
  services.open = await service(kortrijk.orgId, 'open_to_all');
  services.local = await service(kortrijk.orgId, 'residents_only');
  services.outside = await service(roubaix.orgId, 'open_to_all');
});
afterAll(async () => t?.close());

const run = async (code: string, params: Record<string, unknown> = {}) => {
  const rule = rules.get(code)!.rule;
  const resolved = resolveParams(rule.params, params);
  expect(resolved.problems).toEqual([]);
  const scope = { programmeId, from: '2026-01-01', to: '2028-12-31', params: resolved.params };
  return fx.asOrg(lead, async (trx) => ({
    count: await rule.count(trx, scope),
    records: await rule.records(trx, scope),
  }));
};

describe('people rules', () => {
  it('counts persons on a pathway of the programme open in the period', async () => {
    const r = await run('people.persons_accompanied');
    expect(r.count).toEqual({ total: 2, byPartner: [{ orgId: mouscron.orgId, n: 2 }] });
    expect(r.records).toHaveLength(2);
  });

  it('counts referrals across the border and crossings, not within one country nor only sent', async () => {
    const mine = async (params: Record<string, unknown> = {}) =>
      (await run('people.cross_border_services', params)).records.filter((x) => ours.includes(x.personId!));
    expect((await mine()).map((x) => x.detail).sort()).toEqual(['mobility', 'referral']);
    expect(await mine({ statuses: ['sent', 'accepted'] })).toHaveLength(3);
    expect(await mine({ sources: ['mobility'] })).toHaveLength(1);
    // Placements at a host across the border (home Mouscron, host Roubaix): both persons, whatever their outcome.
    const placed = await run('people.cross_border_services', { sources: ['placements'] });
    expect(placed.records.map((x) => x.detail)).toEqual(['placement', 'placement']);
    expect(placed.count.total).toBe(2);
    const r = await run('people.cross_border_services');
    expect(r.count.total).toBe(new Set(r.records.map((x) => x.subject)).size);
  });
});

describe('follow-up rule', () => {
  it('counts persons in a job or training 6 months after the exit', async () => {
    expect((await run('placements.outcome_six_months')).count.total).toBe(1);
    expect(
      (await run('placements.outcome_six_months', { situations: ['job', 'no_change'] })).count.total,
    ).toBe(2);
  });
});

describe('network rules', () => {
  it('counts the members with activity in the period, each once', async () => {
    const active = await run('network.organisations_cooperating');
    expect(active.records.map((r) => r.partnerOrgId)).toEqual([mouscron.orgId]);
    expect(active.count).toEqual({ total: 1, byPartner: [{ orgId: mouscron.orgId, n: 1 }] });
    const all = await run('network.organisations_cooperating', { activeOnly: false });
    expect(all.count.total).toBe(3);
  });

  it("counts the members' published services open across the border", async () => {
    const r = await run('network.services_in_network');
    const ids = r.records.map((x) => x.subject);
    expect(ids).toContain(services.open);
    expect(ids).not.toContain(services.local);
    expect(ids).not.toContain(services.outside);
    expect(r.count.total).toBe(new Set(ids).size);
  });
});
