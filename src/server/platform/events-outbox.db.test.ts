import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { engineAvailable } from '../../../test/support/engine';
import { type DbContext, type Tx, withContext } from './db/context';
import { recordEvent, recordPartyEvent } from './events';

const available = await engineAvailable();

/**
 * The outbox under the application role (issue 16, open finding of ADR 0035): the events worker acts for a
 * job's organisation as the user its payload names, so a transaction may only enqueue for its own
 * organisation and in its own user's name; a party event goes through the definer function, which checks
 * the parties of the record.
 */
describe.skipIf(!available)('events outbox: no event in another organisation’s or user’s name', () => {
  let app: TestApp;
  let db: TestApp['deps']['db'];
  let placement: { id: string; home: string; host: string };
  let stranger: string;
  let homeUser: string;
  let hostUser: string;

  const member = async (orgId: string) =>
    (
      await sql<{ user_id: string }>`select user_id from memberships where org_id = ${orgId} limit 1`.execute(
        db,
      )
    ).rows[0]!.user_id;
  const as = (ctx: DbContext, fn: (trx: Tx) => Promise<unknown>) => withContext(db, ctx, fn);
  const jobCount = () =>
    withContext(db, { scope: 'system' }, async (trx) => {
      const r = await sql<{ n: number }>`select count(*)::int as n from jobs`.execute(trx);
      return r.rows[0]!.n;
    });
  const refused = async (attempt: () => Promise<unknown>) => {
    const before = await jobCount();
    await expect(attempt()).rejects.toThrow(/row-level security|not a party/);
    expect(await jobCount()).toBe(before);
  };

  beforeAll(async () => {
    app = await createTestApp();
    db = app.deps.db;
    const p = await withContext(db, { platformAdmin: true, scope: 'system' }, (trx) =>
      sql<{
        id: string;
        org_id: string;
        host_org_id: string;
      }>`select id, org_id, host_org_id from placements where org_id <> host_org_id limit 1`.execute(trx),
    );
    const row = p.rows[0]!;
    placement = { id: row.id, home: row.org_id, host: row.host_org_id };
    const other = await withContext(db, { platformAdmin: true }, (trx) =>
      sql<{ id: string }>`select id from organisations where id not in (${row.org_id}, ${row.host_org_id})
        and exists (select 1 from memberships m where m.org_id = organisations.id) limit 1`.execute(trx),
    );
    stranger = other.rows[0]!.id;
    homeUser = await member(row.org_id);
    hostUser = await member(row.host_org_id);
  });
  afterAll(async () => app?.close());

  it('enqueues an event for its own organisation in its own user’s name', async () => {
    const before = await jobCount();
    await as({ orgId: placement.home, userId: homeUser }, (trx) =>
      recordEvent(trx, { type: 'test.own', orgId: placement.home, actorUserId: homeUser, payload: {} }),
    );
    expect(await jobCount()).toBe(before + 1);
  });

  it('refuses an event for another organisation, with or without a user', async () => {
    await refused(() =>
      as({ orgId: placement.home, userId: homeUser }, (trx) =>
        recordEvent(trx, { type: 'test.spoof', orgId: placement.host, actorUserId: hostUser, payload: {} }),
      ),
    );
    await refused(() =>
      as({ orgId: placement.home, userId: homeUser }, (trx) =>
        recordEvent(trx, { type: 'test.spoof', orgId: placement.host, actorUserId: null, payload: {} }),
      ),
    );
  });

  it('refuses an event for its own organisation naming someone else as the actor', async () => {
    const colleague = await withContext(db, { platformAdmin: true }, (trx) =>
      sql<{ user_id: string }>`select user_id from memberships where org_id = ${placement.home}
        and user_id <> ${homeUser} limit 1`.execute(trx),
    );
    await refused(() =>
      as({ orgId: placement.home, userId: homeUser }, (trx) =>
        recordEvent(trx, {
          type: 'test.spoof',
          orgId: placement.home,
          actorUserId: colleague.rows[0]!.user_id,
          payload: {},
        }),
      ),
    );
  });

  it('lets a party record a party event for the other party, as nobody', async () => {
    const before = await jobCount();
    await as({ orgId: placement.host, userId: hostUser }, (trx) =>
      recordPartyEvent(
        trx,
        { type: 'test.party', orgId: placement.home, payload: { x: 1 } },
        {
          kind: 'placement',
          id: placement.id,
        },
      ),
    );
    expect(await jobCount()).toBe(before + 1);
    const job = await withContext(db, { scope: 'system' }, (trx) =>
      sql<{ org_id: string; payload: { actorUserId: unknown } }>`select org_id, payload from jobs
        order by id desc limit 1`.execute(trx),
    );
    expect(job.rows[0]).toMatchObject({ org_id: placement.home, payload: { actorUserId: null } });
  });

  it('refuses a party event from an organisation that is not a party, or for one that is not', async () => {
    const strangerUser = await member(stranger);
    await refused(() =>
      as({ orgId: stranger, userId: strangerUser }, (trx) =>
        recordPartyEvent(
          trx,
          { type: 'test.spoof', orgId: placement.home, payload: {} },
          {
            kind: 'placement',
            id: placement.id,
          },
        ),
      ),
    );
    await refused(() =>
      as({ orgId: placement.host, userId: hostUser }, (trx) =>
        recordPartyEvent(
          trx,
          { type: 'test.spoof', orgId: stranger, payload: {} },
          {
            kind: 'placement',
            id: placement.id,
          },
        ),
      ),
    );
    // A signer's link (public scope) may speak for a party of the record, never for anyone else.
    await refused(() =>
      as({ scope: 'public' }, (trx) =>
        recordPartyEvent(
          trx,
          { type: 'test.spoof', orgId: stranger, payload: {} },
          {
            kind: 'placement',
            id: placement.id,
          },
        ),
      ),
    );
  });
});
