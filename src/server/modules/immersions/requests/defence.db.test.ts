import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { withContext } from '../../../platform/db/context';
import { requestFixtures } from './fixtures.testing';

type Member = { userId: string; orgId: string };

/**
 * What the database holds on its own, whatever the application does (migration 0027): the confidentiality
 * undertaking is accepted by the visitor themself, once, never withdrawn nor backdated; a submitted report
 * is frozen and kept; the policies read the context once per statement.
 */
describe('immersion requests: the database guards without the API', () => {
  let t: TestApp;
  let fx: ReturnType<typeof requestFixtures>;
  let visitor: Member;
  let manager: Member;
  let host: Member;
  let id: string;

  const admin = { platformAdmin: true } as const;
  const accepted = async () =>
    (
      await sql<{ at: Date | null }>`select confidentiality_accepted_at as at from immersion_requests
        where id = ${id}::uuid`.execute(fx.db)
    ).rows[0]!.at;
  const setUndertaking = (at: string | null) =>
    sql`update immersion_requests set confidentiality_accepted_at = ${at}::timestamptz where id = ${id}::uuid`;
  const report = async () =>
    (
      await sql<{ to_transfer: string; submitted_at: Date | null }>`select to_transfer, submitted_at
        from immersion_reports where request_id = ${id}::uuid`.execute(fx.db)
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    fx = requestFixtures(t);
    ({ visitor, manager, host } = await fx.people());
    const offer = await fx.offer(host, { programmeId: null, period: ['2027-05-03', '2027-05-28'] });
    id = await fx.asOrg(visitor, async (trx) => {
      const r = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
          visitor_user_id, requested_by, kind, theme, objectives, starts_on, ends_on, days)
        values (${visitor.orgId}::uuid, ${host.orgId}::uuid, ${offer.id}::uuid, ${visitor.userId}::uuid,
          ${visitor.userId}::uuid, 'short', 'youth', 'Voir comment l’équipe accueille les jeunes', '2027-05-04',
          '2027-05-06', 3) returning id`.execute(trx);
      return r.rows[0]!.id;
    });
    // Agreed by both sides and under way (as the platform administrator, whom the workflow guard lets through).
    await withContext(fx.db, admin, (trx) =>
      sql`update immersion_requests set status = 'in_progress', sent_to_host_at = now(),
        host_decided_at = now() where id = ${id}::uuid`.execute(trx),
    );
  });
  afterAll(async () => t?.close());

  it('lets only the visitor accept the confidentiality undertaking, once, at the time it is recorded', async () => {
    // Neither a colleague of the visitor's organisation, nor the host, nor the platform administrator.
    await expect(
      fx.asOrg(manager, (trx) => setUndertaking('2027-05-04T08:00:00Z').execute(trx)),
    ).rejects.toThrow(/confidentiality undertaking/);
    await expect(
      fx.asOrg(host, (trx) => setUndertaking('2027-05-04T08:00:00Z').execute(trx)),
    ).rejects.toThrow(/confidentiality undertaking|host may only/);
    await expect(
      withContext(fx.db, admin, (trx) => setUndertaking('2027-05-04T08:00:00Z').execute(trx)),
    ).rejects.toThrow(/confidentiality undertaking/);
    expect(await accepted()).toBeNull();

    // The visitor accepts: dated now, whatever time the statement names.
    const before = Date.now();
    const r = await fx.asOrg(visitor, (trx) => setUndertaking('2020-01-01T00:00:00Z').execute(trx));
    expect(Number(r.numAffectedRows)).toBe(1);
    const at = await accepted();
    expect(at).not.toBeNull();
    expect(new Date(at!).getTime()).toBeGreaterThan(before - 60_000);

    // Never withdrawn nor redated, by the visitor, a colleague or the administrator.
    for (const who of [visitor, manager])
      for (const value of [null, '2027-05-05T08:00:00Z'])
        await expect(fx.asOrg(who, (trx) => setUndertaking(value).execute(trx))).rejects.toThrow(
          /confidentiality undertaking/,
        );
    await expect(withContext(fx.db, admin, (trx) => setUndertaking(null).execute(trx))).rejects.toThrow(
      /confidentiality undertaking/,
    );
    expect(new Date((await accepted())!).getTime()).toBe(new Date(at!).getTime());

    // A new request never starts accepted (the undertaking comes with the agreement).
    await expect(
      fx.asOrg(visitor, (trx) =>
        sql`insert into immersion_requests (org_id, host_org_id, offer_id, visitor_user_id, kind, theme,
            objectives, starts_on, ends_on, days, confidentiality_accepted_at)
          select org_id, host_org_id, offer_id, visitor_user_id, kind, theme, objectives, starts_on, ends_on,
            days, now() from immersion_requests where id = ${id}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/confidentiality undertaking/);

    // The system (demo data) is not held to it.
    const system = await withContext(fx.db, { platformAdmin: true, scope: 'system' }, (trx) =>
      setUndertaking(null).execute(trx),
    );
    expect(Number(system.numAffectedRows)).toBe(1);
    expect(await accepted()).toBeNull();
  });

  it('keeps a report editable as a draft, then frozen and kept once submitted', async () => {
    // A draft: written and rewritten by the visitor's organisation, then submitted.
    await fx.asOrg(visitor, (trx) =>
      sql`insert into immersion_reports (request_id, org_id, host_org_id, surprised, written_by)
        values (${id}::uuid, ${visitor.orgId}::uuid, ${host.orgId}::uuid, 'Le temps du premier entretien.',
          ${visitor.userId}::uuid)`.execute(trx),
    );
    const draft = await fx.asOrg(manager, (trx) =>
      sql`update immersion_reports set works_differently = 'Les employeurs viennent.', to_transfer = 'Un jour',
        updated_at = now() where request_id = ${id}::uuid`.execute(trx),
    );
    expect(Number(draft.numAffectedRows)).toBe(1);
    const submitted = await fx.asOrg(visitor, (trx) =>
      sql`update immersion_reports set to_transfer = 'Une journée employeurs.', submitted_at = now(),
        updated_at = now() where request_id = ${id}::uuid`.execute(trx),
    );
    expect(Number(submitted.numAffectedRows)).toBe(1);

    // Submitted: its organisation changes nothing of it, nor takes the submission back.
    for (const [who, set] of [
      [manager, sql`to_transfer = 'Réécrit après coup'`],
      [visitor, sql`surprised = 'Autre chose'`],
      [visitor, sql`submitted_at = null`],
      [visitor, sql`submitted_at = now() - interval '1 day'`],
      [visitor, sql`written_by = ${manager.userId}::uuid`],
      [manager, sql`updated_at = now() + interval '1 minute'`],
    ] as const)
      await expect(
        fx.asOrg(who, (trx) =>
          sql`update immersion_reports set ${set} where request_id = ${id}::uuid`.execute(trx),
        ),
      ).rejects.toThrow(/frozen once submitted/);
    // Nor the administrator; and nobody deletes it, not even the tables' owner.
    await expect(
      withContext(fx.db, admin, (trx) =>
        sql`update immersion_reports set to_transfer = 'Par l’administrateur' where request_id = ${id}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/frozen once submitted/);
    await expect(
      sql`delete from immersion_reports where request_id = ${id}::uuid`.execute(fx.db),
    ).rejects.toThrow(/kept once submitted/);
    expect(await report()).toMatchObject({
      to_transfer: 'Une journée employeurs.',
      submitted_at: expect.anything(),
    });
  });

  it('reads the context once per statement in every policy of its tables', async () => {
    const r = await sql<{ table: string; policy: string; expr: string }>`select tablename as table,
        policyname as policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
      from pg_policies where tablename in ('immersion_rules', 'immersion_requests',
        'immersion_observer_consents', 'immersion_logbook_entries', 'immersion_reports')`.execute(fx.db);
    expect(r.rows.length).toBeGreaterThanOrEqual(10);
    const unwrapped = r.rows
      .filter((p) =>
        /(?<!SELECT )app\.(current_org_id|current_user_id|scope|is_platform_admin|is_authenticated)\(\)/.test(
          p.expr,
        ),
      )
      .map((p) => `${p.table}.${p.policy}`);
    expect(unwrapped).toEqual([]);
  });
});
