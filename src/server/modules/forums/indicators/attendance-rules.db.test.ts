import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import {
  CASE_SESSIONS,
  caseAttendances,
  EXPECTED_AWARE,
  EXPECTED_PARTICIPATIONS,
} from '../../../../common/forums/attendance-cases.testing';
import { uniquePersonsAware } from '../../../../common/forums/attendance-rules';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { forumIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * SAM indicator 5 (unique persons made aware) and RCO81 (participations in joint actions) on both engines,
 * on the same sessions as the pure rule's test (attendance-cases.testing.ts), held in 2031 so that the
 * demo's sessions stay outside the period; then the demo's own figures.
 */
describe.skipIf(!available)('forums indicators from attendance', () => {
  let t: TestApp;
  let programmeId: string;
  const orgs = { A: '', B: '' };
  const rule = (code: string) => forumIndicatorRules.find((r) => r.code === code)!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.engine.db;
    const lille = (
      await sql<{ id: string; programme_id: string }>`select org_id as id, programme_id from forum_events
        where programme_id is not null and kind = 'thematic_forum' order by starts_at limit 1`.execute(db)
    ).rows[0]!;
    programmeId = lille.programme_id;
    orgs.A = lille.id;
    orgs.B = (
      await sql<{ id: string }>`select m.org_id as id from app.programme_members(${programmeId}::uuid, null) m
        join organisations o on o.id = m.org_id where o.country = 'BE' order by o.name_fr limit 1`.execute(db)
    ).rows[0]!.id;
    await withContext(t.deps.db, { scope: 'system' }, async (trx) => {
      for (const [i, s] of CASE_SESSIONS.entries()) {
        const org = orgs[s.org];
        const starts = new Date(Date.UTC(2031, 2, 3 + i, 9));
        const e = await trx
          .insertInto('forum_events')
          .values({
            org_id: org,
            kind: s.kind,
            title_fr: `Séance ${s.key}`,
            title_nl: `Sessie ${s.key}`,
            starts_at: starts,
            ends_at: new Date(starts.getTime() + 2 * 3600_000),
            venue: 'Salle Exemple',
            languages: ['fr'],
            capacity: 50,
            audiences: ['residents'],
            programme_id: programmeId,
            status: s.status,
            published_at: new Date(),
            cancelled_at: s.status === 'cancelled' ? new Date() : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (s.withPartner)
          await trx
            .insertInto('forum_event_partners')
            .values({ event_id: e.id, partner_org_id: orgs.B, org_id: org })
            .execute();
        const regs = [
          ...s.present.map((email) => ({ email, present: true })),
          ...s.absent.map((email) => ({ email, present: false })),
        ];
        if (regs.length)
          await trx
            .insertInto('forum_registrations')
            .values(
              regs.map((r, n) => ({
                event_id: e.id,
                org_id: org,
                name: `Personne ${n + 1}`,
                email: r.email,
                language: 'fr',
                status: r.present ? 'attended' : 'confirmed',
                position: n + 1,
                attended_at: r.present ? starts : null,
                attended_from: r.present ? 'confirmed' : null,
              })),
            )
            .execute();
        if (s.codes.length)
          await trx
            .insertInto('forum_attendance_codes')
            .values(s.codes.map((code) => ({ event_id: e.id, org_id: org, code })))
            .execute();
        if (s.counts.length)
          await trx
            .insertInto('forum_attendance_counts')
            .values(
              s.counts.map((c) => ({
                event_id: e.id,
                org_id: org,
                participants: c.participants,
                first_time: c.firstTime,
              })),
            )
            .execute();
      }
    });
  });
  afterAll(async () => t?.close());

  const scope = (from = '2031-01-01', to = '2031-12-31') => ({ programmeId, from, to, params: {} });
  const asLille = async <T>(fn: Parameters<typeof withContext<T>>[2]) => {
    const fx = referralFixtures(t);
    return fx.asOrg(await fx.member('benevolat@ccas-lille.example'), fn);
  };
  const byOrg = (rows: Array<{ orgId: string; n: number }>) =>
    Object.fromEntries(rows.map((r) => [r.orgId === orgs.A ? 'A' : 'B', r.n]));

  it('counts unique persons made aware as the pure rule does', async () => {
    const c = await asLille((trx) => rule('forums.persons_aware').count(trx, scope()));
    expect(c.total).toBe(EXPECTED_AWARE.total);
    expect(byOrg(c.byPartner)).toEqual(EXPECTED_AWARE.byOrg);
    const pure = uniquePersonsAware(caseAttendances(orgs));
    expect(c.total).toBe(pure.total);
    // One session's day: S1 alone (x, y, K-001 and 5 first-timers).
    const one = await asLille((trx) =>
      rule('forums.persons_aware').count(trx, scope('2031-03-03', '2031-03-03')),
    );
    expect(one.total).toBe(8);
    // The records name no e-mail: registrants as R-…, codes as themselves, counts as their session.
    const rows = await asLille((trx) => rule('forums.persons_aware').records(trx, scope()));
    expect(JSON.stringify(rows)).not.toContain('@');
    expect(rows.map((r) => r.subject)).toEqual(expect.arrayContaining(['K-001', 'K-002', 'Séance S1']));
    // Lille's own rows (a partner sees its own): x once for two sessions, y once.
    const registrants = rows.filter((r) => /^R-[0-9A-F]{8}$/.test(r.subject) && r.partnerOrgId === orgs.A);
    expect(registrants.map((r) => r.detail).sort()).toEqual(['1 ×', '2 ×']);
  });

  it('counts every participation at cross-border events (RCO81)', async () => {
    const c = await asLille((trx) => rule('forums.participations').count(trx, scope()));
    expect(c.total).toBe(EXPECTED_PARTICIPATIONS.total);
    expect(byOrg(c.byPartner)).toEqual(EXPECTED_PARTICIPATIONS.byOrg);
    const rows = await asLille((trx) => rule('forums.participations').records(trx, scope()));
    expect(rows.map((r) => [r.subject, r.detail])).toEqual([
      ['Séance S1', 'R 2 · C 1 · N 8'],
      ['Séance S2', 'R 1 · C 2 · N 0'],
      ['Séance S4', 'R 1 · C 0 · N 0'],
    ]);
  });

  it('keeps the rows behind the count and records functions', async () => {
    for (const f of ['ind_forum_persons_aware_all', 'ind_forum_participations_all'])
      await expect(
        asLille((trx) =>
          sql`select * from ${sql.raw(`app.${f}`)}(${programmeId}::uuid, '2031-01-01', '2031-12-31')`.execute(
            trx,
          ),
        ),
      ).rejects.toThrow();
  });

  it('counts the demo: the awareness sessions’ first-timers and codes, the forum’s attendance', async () => {
    const demo = scope('2020-01-01', '2030-12-31');
    const aware = await asLille((trx) => rule('forums.persons_aware').count(trx, demo));
    const parts = await asLille((trx) => rule('forums.participations').count(trx, demo));
    // Mouscron's sessions: 11 + 9 first-timers, 7 codes; the past forum: 8 present.
    expect(aware.total).toBe(27);
    expect(parts.total).toBe(23 + 7 + 8);
  });
});
