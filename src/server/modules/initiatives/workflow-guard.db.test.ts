import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { INITIATIVE_STATUSES } from '../../../common/initiatives/schemas';
import { initiativeWorkflow } from '../../../common/initiatives/workflow';
import { withContext } from '../../platform/db/context';
import { referralFixtures } from '../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * The guard of migration 0049 (app.initiatives_guard) against the workflow: from every status, the
 * database accepts exactly the moves `initiativeWorkflow.moves('lead')` lists, and an initiative is
 * created as an idea.
 */
describe.skipIf(!available)('the initiative guard of migration 0049', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('allows exactly the moves of the workflow', async () => {
    const lead = await referralFixtures(t).member('benevolat@ccas-lille.example');
    const ctx = { userId: lead.userId, orgId: lead.orgId };
    // The shortest path to each status along the workflow, to start each attempt from it.
    const path: Record<string, string[]> = {
      idea: [],
      preparing: ['preparing'],
      running: ['preparing', 'running'],
      ended: ['preparing', 'running', 'ended'],
      abandoned: ['abandoned'],
    };
    const accepted: string[] = [];
    for (const from of INITIATIVE_STATUSES)
      for (const to of INITIATIVE_STATUSES) {
        if (from === to) continue;
        const ok = await withContext(t.deps.db, ctx, async (trx) => {
          const r = await sql<{ id: string }>`insert into initiatives (org_id, title_fr, title_nl)
            values (${lead.orgId}, 'Garde', 'Wacht') returning id`.execute(trx);
          const id = r.rows[0]!.id;
          for (const step of path[from]!)
            await sql`update initiatives set status = ${step} where id = ${id}`.execute(trx);
          await sql`savepoint move`.execute(trx);
          try {
            await sql`update initiatives set status = ${to} where id = ${id}`.execute(trx);
            return true;
          } catch {
            await sql`rollback to savepoint move`.execute(trx);
            return false;
          } finally {
            await sql`delete from initiatives where id = ${id}`.execute(trx);
          }
        });
        if (ok) accepted.push(`${from}>${to}`);
      }
    const moves = initiativeWorkflow.moves('lead').map((m) => `${m.from}>${m.to}`);
    expect(accepted.sort()).toEqual(moves.sort());
  });

  it('creates an initiative as an idea, sets its dates, and unpublishes it when abandoned', async () => {
    const lead = await referralFixtures(t).member('benevolat@ccas-lille.example');
    const ctx = { userId: lead.userId, orgId: lead.orgId };
    await expect(
      withContext(t.deps.db, ctx, (trx) =>
        sql`insert into initiatives (org_id, title_fr, title_nl, status)
          values (${lead.orgId}, 'Garde', 'Wacht', 'running')`.execute(trx),
      ),
    ).rejects.toThrow();
    const row = await withContext(t.deps.db, ctx, async (trx) => {
      const id = (
        await sql<{
          id: string;
        }>`insert into initiatives (org_id, title_fr, title_nl, published, published_at)
          values (${lead.orgId}, 'Garde', 'Wacht', true, now()) returning id`.execute(trx)
      ).rows[0]!.id;
      for (const s of ['preparing', 'running', 'abandoned'])
        await sql`update initiatives set status = ${s} where id = ${id}`.execute(trx);
      return (
        await sql<{ started_on: string | null; ended_on: string | null; published: boolean }>`
          select started_on, ended_on, published from initiatives where id = ${id}`.execute(trx)
      ).rows[0]!;
    });
    expect(row.started_on).not.toBeNull();
    expect(row.ended_on).not.toBeNull();
    expect(row.published).toBe(false);
  });
});
