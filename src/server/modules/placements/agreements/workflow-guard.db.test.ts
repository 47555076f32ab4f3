import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { defineWorkflow } from '../../../../common/kernel/workflow';
import {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  agreementWorkflow,
} from '../../../../common/placements/agreement-workflow';
import { agreementFixtures } from '../reminders/fixtures.testing';

const available = await engineAvailable();
type Member = { userId: string; orgId: string };

/**
 * The transition table and the database guard of the other party (`app.placements_guard`, migration 0005)
 * say the same: whatever the application does, the host can make exactly the status changes the table
 * gives it, and the home centre every one the table gives it.
 */
describe.skipIf(!available)('placement agreements: the database guard follows the workflow', () => {
  let t: TestApp;
  let f: ReturnType<typeof agreementFixtures>;
  let home: Member;
  let host: Member;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = agreementFixtures(t);
    home = await f.member('referent@cpas-mouscron.example');
    host = await f.member('direction@atelier-roubaix.example');
    ({ id } = await f.createAgreement(home, host, {
      lastName: 'Gardienne',
      status: 'draft',
      startsOn: '2026-09-01',
      endsOn: '2026-12-31',
    }));
  });
  afterAll(async () => t?.close());

  const setStatus = (who: Member, status: AgreementStatus) =>
    f.asOrg(who, (trx) =>
      trx.updateTable('placements').set({ status }).where('id', '=', id).executeTakeFirst(),
    );

  /**
   * Puts the agreement in `from` as the home centre (which the guard leaves to the application), then lets
   * `who` write `to` straight to the table: whether the database took it.
   */
  const accepts = async (who: Member, from: AgreementStatus, to: AgreementStatus) => {
    await setStatus(home, from);
    try {
      const r = await setStatus(who, to);
      expect(Number(r.numUpdatedRows), `${from} → ${to}`).toBe(1);
      return true;
    } catch (e) {
      if (/the host may only validate, refuse or interrupt/.test(String(e))) return false;
      throw e;
    }
  };

  const pairs = AGREEMENT_STATUSES.flatMap((from) =>
    AGREEMENT_STATUSES.filter((to) => to !== from).map((to) => ({ from, to })),
  );
  const key = (m: { from: string; to: string }) => `${m.from} → ${m.to}`;

  it('lets the host make exactly its moves of the table, and no other status change', async () => {
    const hostMoves = new Set(agreementWorkflow.moves('host').map(key));
    expect([...hostMoves].sort()).toEqual([
      'active → interrupted',
      'host_validation → draft',
      'host_validation → validated',
    ]);
    const accepted: string[] = [];
    for (const m of pairs) if (await accepts(host, m.from, m.to)) accepted.push(key(m));
    expect(accepted.sort()).toEqual([...hostMoves].sort());
    // Planted drift: a table giving the host one move more (starting the placement) no longer matches.
    const planted = defineWorkflow({
      ...agreementWorkflow.definition,
      transitions: [
        ...agreementWorkflow.definition.transitions,
        { action: 'activate', from: 'validated', to: 'active', side: 'host', permission: 'placement.manage' },
      ],
    });
    expect(accepted).not.toEqual(planted.moves('host').map(key).sort());
    expect(pairs.length).toBe(AGREEMENT_STATUSES.length * (AGREEMENT_STATUSES.length - 1));
  });

  it('lets the home centre make every move the table gives it', async () => {
    const homeMoves = agreementWorkflow.moves('home');
    // The table's own home transitions (and those either side takes), each once.
    const table = new Set(
      agreementWorkflow.definition.transitions
        .filter((tr) => tr.side === 'home' || tr.side === 'either')
        .map(key),
    );
    expect(new Set(homeMoves.map(key))).toEqual(table);
    for (const m of homeMoves) expect(await accepts(home, m.from, m.to), key(m)).toBe(true);
  });
});
