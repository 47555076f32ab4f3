import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import {
  REQUEST_STATUSES,
  type RequestSide,
  type RequestStatus,
  requestWorkflow,
} from '../../../../common/immersions/request-workflow';
import { defineWorkflow } from '../../../../common/kernel/workflow';
import { withContext } from '../../../platform/db/context';
import { requestFixtures } from './fixtures.testing';

const available = await engineAvailable();
type Member = { userId: string; orgId: string };

/**
 * The transition table and the database guard (`app.immersion_requests_guard`, migration 0027) say the
 * same: whatever the application does, the host can make exactly the status changes the table gives it,
 * and the visitor's organisation exactly those the table gives the visitor's side.
 */
describe.skipIf(!available)('immersion requests: the database guard follows the workflow', () => {
  let t: TestApp;
  let fx: ReturnType<typeof requestFixtures>;
  let visitor: Member;
  let host: Member;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = requestFixtures(t);
    ({ visitor, host } = await fx.people());
    const offer = await fx.offer(host, { programmeId: null, period: ['2027-05-03', '2027-05-28'] });
    id = await fx.asOrg(visitor, async (trx) => {
      const r = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
          visitor_user_id, requested_by, kind, theme, objectives, starts_on, ends_on, days)
        values (${visitor.orgId}::uuid, ${host.orgId}::uuid, ${offer.id}::uuid, ${visitor.userId}::uuid,
          ${visitor.userId}::uuid, 'short', 'youth', 'Gardien de la table de transitions', '2027-05-04',
          '2027-05-06', 3) returning id`.execute(trx);
      return r.rows[0]!.id;
    });
    // Signed by all three (as the demo writes it), so that starting is the table's move only (0032).
    await withContext(fx.db, { platformAdmin: true, scope: 'system' }, (trx) =>
      sql`insert into immersion_signatures (request_id, org_id, host_org_id, version, role, signer_name,
          requested_by, method, signed_at, signer_user_id)
        select ${id}::uuid, ${visitor.orgId}::uuid, ${host.orgId}::uuid, 1, role, 'Signataire Fictif',
          ${visitor.userId}::uuid, 'account', now(), ${visitor.userId}::uuid
        from unnest(array['visitor', 'visitor_org', 'host']) as role`.execute(trx),
    );
  });
  afterAll(async () => t?.close());

  /** Puts the request in `from` (as the owner, sent to the host so that it sees it), then lets `who` write `to`. */
  const accepts = async (who: Member, from: RequestStatus, to: RequestStatus) => {
    // As the platform administrator, whom the guard leaves through (no party of the request).
    await withContext(fx.db, { platformAdmin: true }, (trx) =>
      sql`update immersion_requests set status = ${from}, sent_to_host_at = now()
        where id = ${id}::uuid`.execute(trx),
    );
    try {
      const r = await fx.asOrg(who, (trx) =>
        trx.updateTable('immersion_requests').set({ status: to }).where('id', '=', id).executeTakeFirst(),
      );
      expect(Number(r.numUpdatedRows), `${from} → ${to}`).toBe(1);
      return true;
    } catch (e) {
      if (/the host may only|may not make this move/.test(String(e))) return false;
      throw e;
    }
  };

  const pairs = REQUEST_STATUSES.flatMap((from) =>
    REQUEST_STATUSES.filter((to) => to !== from).map((to) => ({ from, to })),
  );
  const key = (m: { from: string; to: string }) => `${m.from} → ${m.to}`;
  const acceptedBy = async (who: Member) => {
    const out: string[] = [];
    for (const m of pairs) if (await accepts(who, m.from, m.to)) out.push(key(m));
    return out.sort();
  };
  const movesOf = (side: RequestSide) => requestWorkflow.moves(side).map(key).sort();

  it('lets the host make exactly its moves of the table, and no other status change', async () => {
    expect(movesOf('host')).toEqual([
      'agreed → cancelled',
      'awaiting_host → agreed',
      'awaiting_host → declined',
      'in_progress → cancelled',
    ]);
    const accepted = await acceptedBy(host);
    expect(accepted).toEqual(movesOf('host'));
    // Planted drift: a table giving the host one move more (completing the immersion) no longer matches.
    const planted = defineWorkflow({
      ...requestWorkflow.definition,
      transitions: [
        ...requestWorkflow.definition.transitions,
        {
          action: 'complete',
          from: 'in_progress',
          to: 'completed',
          side: 'host',
          permission: 'immersion.manage',
        },
      ],
    });
    expect(accepted).not.toEqual(planted.moves('host').map(key).sort());
  });

  it('lets the visitor’s organisation make exactly the moves of its side, never the host’s', async () => {
    const accepted = await acceptedBy(visitor);
    expect(accepted).toEqual(movesOf('visitor'));
    expect(accepted).not.toContain('awaiting_host → agreed');
    expect(pairs.length).toBe(REQUEST_STATUSES.length * (REQUEST_STATUSES.length - 1));
  });
});
