import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { type ActivityRow, countNewcomers } from '../../../../common/accompaniment/newcomers-counted';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { newcomerIndicatorRules } from './indicators';

const available = await engineAvailable();

/**
 * accompaniment.newcomers_accompanied on the demo network (issue 14): the SQL rule and its pure twin give
 * the same counts on the rows of every part; the family referred by La Vie Active to the Walloon team and
 * the outreach contact linked to a record are counted once each; a partner sees its own rows only.
 */
describe.skipIf(!available)('newcomers accompanied', () => {
  let t: TestApp;
  let programme: string;
  const period = { from: '2025-04-01', to: '2027-12-31' };
  const [rule] = newcomerIndicatorRules;

  beforeAll(async () => {
    t = await createTestApp();
    const r = await sql<{
      id: string;
    }>`select id from programmes where acronym = 'AB Réfugiés suite'`.execute(t.db.engine.db);
    programme = r.rows[0]!.id;
  });
  afterAll(async () => t?.close());

  /** Every part's activity rows, read table by table (not through the rule's SQL). */
  async function activityRows(): Promise<ActivityRow[]> {
    const db = t.db.engine.db;
    const members = new Set(
      (
        await sql<{
          org_id: string;
        }>`select org_id from app.programme_members(${programme}::uuid, null)`.execute(db)
      ).rows.map((m) => m.org_id),
    );
    const code = new Map(
      (
        await sql<{ id: string; participant_code: string }>`select id, participant_code from persons`.execute(
          db,
        )
      ).rows.map((p) => [p.id, p.participant_code]),
    );
    const newcomers = new Set(
      (await sql<{ person_id: string }>`select person_id from newcomer_profiles`.execute(db)).rows.map(
        (p) => p.person_id,
      ),
    );
    const brussels = (col: string) => sql.raw(`to_char(${col} at time zone 'Europe/Brussels', 'YYYY-MM-DD')`);
    const rows: ActivityRow[] = [];
    const push = (
      kind: ActivityRow['kind'],
      personId: string | null,
      orgId: string,
      on: string,
      key?: string,
    ) =>
      rows.push({
        kind,
        participantCode: personId ? code.get(personId)! : null,
        outreachKey: personId ? null : (key ?? null),
        orgId,
        on,
      });
    for (const e of (
      await sql<{ person_id: string; org_id: string; d: string }>`
        select person_id, org_id, to_char(occurred_on, 'YYYY-MM-DD') as d from newcomer_status_events`.execute(
        db,
      )
    ).rows)
      push('status_event', e.person_id, e.org_id, e.d);
    for (const r of (
      await sql<{ person_id: string; org_id: string; d: string }>`
        select rp.person_id, r.org_id, ${brussels('r.created_at')} as d
        from accompaniment_request_persons rp join accompaniment_requests r on r.id = rp.request_id`.execute(
        db,
      )
    ).rows)
      push('request', r.person_id, r.org_id, r.d);
    for (const i of (
      await sql<{ person_ids: string[]; org_id: string; d: string }>`
        select person_ids, org_id, ${brussels('starts_at')} as d from accompaniment_interventions
        where status = 'done'`.execute(db)
    ).rows)
      for (const p of i.person_ids) push('intervention', p, i.org_id, i.d);
    for (const b of (
      await sql<{ person_id: string; org_id: string; d: string }>`
        select person_id, org_id, ${brussels('starts_at')} as d from interpreter_bookings
        where person_id is not null and status in ('confirmed', 'done')`.execute(db)
    ).rows)
      if (newcomers.has(b.person_id)) push('interpreting', b.person_id, b.org_id, b.d);
    for (const c of (
      await sql<{
        id: string;
        person_id: string | null;
        pseudonym: string | null;
        org_id: string;
        d: string;
      }>`
        select id, person_id, pseudonym, org_id, to_char(contact_on, 'YYYY-MM-DD') as d
        from outreach_contacts`.execute(db)
    ).rows)
      push(
        'outreach',
        c.person_id,
        c.org_id,
        c.d,
        c.pseudonym?.trim() ? `${c.org_id}:${c.pseudonym.trim().toLowerCase()}` : c.id,
      );
    return rows.filter((r) => members.has(r.orgId));
  }

  const asAdmin = async <T>(fn: Parameters<typeof withContext<T>>[2]) => {
    const admin = (
      await sql<{ id: string }>`select id from users where platform_admin limit 1`.execute(t.db.engine.db)
    ).rows[0]!;
    return withContext(t.db.engine.db, { userId: admin.id, platformAdmin: true }, fn);
  };

  it('counts as its pure twin does, with and without the unlinked outreach contacts', async () => {
    const rows = await activityRows();
    for (const includeOutreach of [true, false]) {
      const pure = countNewcomers(rows, period, includeOutreach);
      const scope = { programmeId: programme, ...period, params: { includeOutreach } };
      const counted = await asAdmin((trx) => rule!.count(trx, scope));
      expect(counted.total).toBe(pure.total);
      for (const [orgId, n] of Object.entries(pure.byOrg))
        expect(counted.byPartner).toContainEqual({ orgId, n });
    }
    // The demo accompanies persons in several parts: the rule is not counting nothing.
    expect(countNewcomers(rows, period, false).total).toBeGreaterThanOrEqual(4);
  });

  it('counts the referred family and the linked outreach contact once each, by participant code', async () => {
    const db = t.db.engine.db;
    const scope = { programmeId: programme, ...period, params: { includeOutreach: true } };
    const records = await asAdmin((trx) => rule!.records(trx, scope));
    const subjects = records.map((r) => r.subject).filter((s) => s !== 'outreach');
    expect(new Set(subjects).size).toBe(subjects.length);
    const codes = async (lastName: string) =>
      (
        await sql<{ participant_code: string }>`select participant_code from persons
          where last_name = ${lastName}`.execute(db)
      ).rows.map((p) => p.participant_code);
    const family = await codes('Exemple-Tesfay');
    const linked = await codes('Exemple-Karimi');
    expect([family.length, linked.length]).toEqual([4, 1]);
    for (const c of [...family, ...linked]) expect(subjects.filter((s) => s === c)).toHaveLength(1);
    const kinds = ['status_event', 'request', 'intervention', 'interpreting', 'outreach'];
    expect(records.every((r) => kinds.includes(r.detail ?? ''))).toBe(true);
  });

  it('shows a partner its own rows only and never the rows as a whole', async () => {
    const fx = referralFixtures(t);
    const cresam = await fx.member('coordination@cresam.example');
    const scope = { programmeId: programme, ...period, params: { includeOutreach: true } };
    const all = await asAdmin((trx) => rule!.records(trx, scope));
    const own = await fx.asOrg(cresam, (trx) => rule!.records(trx, scope));
    expect(own.every((r) => r.partnerOrgId === cresam.orgId)).toBe(true);
    expect(own).toHaveLength(all.filter((r) => r.partnerOrgId === cresam.orgId).length);
    await expect(
      fx.asOrg(cresam, (trx) =>
        sql`select * from app.ind_newcomers_accompanied_all(${programme}::uuid, '2025-04-01', '2027-12-31', true)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });
});
