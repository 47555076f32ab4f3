import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import type { RequestList, RequestView } from '../../../../common/immersions/request-schemas';
import { requestFixtures } from './fixtures.testing';
import { immersionIndicatorRules } from './indicators';

/**
 * The demo immersions (seeder order 150, after the offers): the Menen professional's completed 3-day
 * immersion at CCAS Tourcoing with its logbook (one entry shared), observer consents and report, attached to
 * "SAM-E suite"; one request waiting for the host and one for the manager, each on its home page.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';

describe('demo immersions', () => {
  it('gives the professional a completed immersion with logbook and report, which the host reads in part', async () => {
    const mine = (
      await (await t.login(VISITOR)).get('/api/immersions/requests?scope=mine')
    ).json() as RequestList;
    expect(mine.items.map((i) => i.status).sort()).toEqual([
      'awaiting_host',
      'awaiting_manager',
      'completed',
      'in_progress',
    ]);
    const done = mine.items.find((i) => i.status === 'completed')!;
    expect(done.days).toBe(3);
    expect(done.reportState).toBe('submitted');
    const visitorView = (
      await (await t.login(VISITOR)).get(`/api/immersions/requests/${done.id}`)
    ).json() as RequestView;
    expect(visitorView.logbook).toHaveLength(3);
    expect(visitorView.logbook.filter((e) => e.sharedWithHost)).toHaveLength(1);
    expect(visitorView.programme?.acronym).toBe('SAM-E suite');
    const hostView = (
      await (await t.login(HOST)).get(`/api/immersions/requests/${done.id}`)
    ).json() as RequestView;
    expect(hostView.logbook).toHaveLength(1);
    expect(hostView.consents).toHaveLength(2);
    expect(hostView.report?.submittedAt).not.toBeNull();
    expect(hostView.confidentialityAcceptedAt).not.toBeNull();
    expect(hostView.signatures).toMatchObject({ version: 1, open: false, fullySigned: true });
    expect(hostView.signatures?.signatures.map((s) => s.method)).toEqual(['account', 'account', 'account']);
    // The one ending on the last working day: its logbook is open and its report can be written now.
    const current = mine.items.find((i) => i.status === 'in_progress')!;
    const currentView = (
      await (await t.login(VISITOR)).get(`/api/immersions/requests/${current.id}`)
    ).json() as RequestView;
    expect(currentView.can).toMatchObject({ writeLogbook: true, writeReport: true });
  });

  it('puts work on the manager’s and the host’s home pages, with the yearly warning', async () => {
    const items = async (email: string) =>
      ((await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }).items.map(
        (i) => i.key,
      );
    expect(await items(MANAGER)).toContain('immersions.requests.attention.manager');
    expect(await items(HOST)).toContain('immersions.requests.attention.host');
    const queue = (
      await (await t.login(MANAGER)).get('/api/immersions/requests?scope=manager')
    ).json() as RequestList;
    const pending = (
      await (await t.login(MANAGER)).get(`/api/immersions/requests/${queue.items[0]!.id}`)
    ).json() as RequestView;
    expect(pending.warnings.yearly?.code).toBe('above_yearly_max');
  });

  it('counts the completed immersion in SAM-E suite, for its lead, pseudonymously', async () => {
    const fx = requestFixtures(t);
    const lead = await fx.member('coordination@udccas-nord.example');
    const programmeId = (
      await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(fx.db)
    ).rows[0]!.id;
    const rule = immersionIndicatorRules.find((r) => r.code === 'immersions.professionals_completed')!;
    const scope = {
      programmeId,
      from: '2025-01-01',
      to: '2027-12-31',
      params: { minDays: 2, maxDays: 5, kinds: ['short'] },
    };
    const records = await fx.asOrg(lead, (trx) => rule.records(trx, scope));
    expect(records).toHaveLength(1);
    expect(records[0]?.subject).toMatch(/^PRO-/);
  });
});
