import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import {
  EXPECTED_PARTICIPATIONS,
  EXPECTED_PERSONS,
  TRAINED_SESSIONS,
  trainedAttendances,
} from '../../../../common/forums/trained-cases.testing';
import { trainedCount } from '../../../../common/forums/trained-rules';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { forumIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * Professionals and volunteers trained (migration 0057) on both engines, on the same sessions as the pure
 * rule's test (trained-cases.testing.ts), in 2031 under AB Réfugiés' follow-up; then the demo's training
 * and Mindspring group session; and the trainer pair through the events API.
 */
describe.skipIf(!available)('forums indicator: professionals and volunteers trained', () => {
  let t: TestApp;
  let programmeId: string;
  const orgs = { A: '', B: '' };
  const rule = forumIndicatorRules.find((r) => r.code === 'forums.trained')!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.engine.db;
    programmeId = (
      await sql<{ id: string }>`select id from programmes where acronym = 'AB Réfugiés suite'`.execute(db)
    ).rows[0]!.id;
    const fx = referralFixtures(t);
    orgs.A = (await fx.member('accompagnement@lavieactive.example')).orgId;
    orgs.B = (await fx.member('begeleider@wereldhuis.example')).orgId;
    await withContext(t.deps.db, { scope: 'system' }, async (trx) => {
      for (const [i, s] of TRAINED_SESSIONS.entries()) {
        const org = orgs[s.org];
        const starts = new Date(Date.UTC(2031, 4, 5 + i, 9));
        const e = await trx
          .insertInto('forum_events')
          .values({
            org_id: org,
            kind: s.kind,
            title_fr: `Formation ${s.key}`,
            title_nl: `Opleiding ${s.key}`,
            starts_at: starts,
            ends_at: new Date(starts.getTime() + 3 * 3600_000),
            venue: 'Salle Exemple',
            languages: ['fr'],
            capacity: 30,
            audiences: s.audiences,
            programme_id: programmeId,
            status: s.status,
            published_at: new Date(),
            cancelled_at: s.status === 'cancelled' ? new Date() : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
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

  const scope = (uniquePersons: boolean, from = '2031-01-01', to = '2031-12-31') => ({
    programmeId,
    from,
    to,
    params: { uniquePersons },
  });
  const asWereldhuis = async <T>(fn: Parameters<typeof withContext<T>>[2]) => {
    const fx = referralFixtures(t);
    return fx.asOrg(await fx.member('begeleider@wereldhuis.example'), fn);
  };
  const byOrg = (rows: Array<{ orgId: string | null; n: number }>) =>
    Object.fromEntries(rows.map((r) => [r.orgId === orgs.A ? 'A' : 'B', r.n]));

  it('counts participations as the pure rule does', async () => {
    const c = await asWereldhuis((trx) => rule.count(trx, scope(false)));
    expect({ total: c.total, byOrg: byOrg(c.byPartner) }).toEqual(EXPECTED_PARTICIPATIONS);
    expect(trainedCount(trainedAttendances(orgs), false).total).toBe(c.total);
    const rows = await asWereldhuis((trx) => rule.records(trx, scope(false)));
    // A partner (not the programme's lead) sees its own rows: B's group session.
    expect(rows.map((r) => [r.subject, r.detail])).toEqual([['Formation T3', '3']]);
  });

  it('counts unique persons as the pure rule does, naming no address', async () => {
    const c = await asWereldhuis((trx) => rule.count(trx, scope(true)));
    expect({ total: c.total, byOrg: byOrg(c.byPartner) }).toEqual(EXPECTED_PERSONS);
    const rows = await asWereldhuis((trx) => rule.records(trx, scope(true)));
    expect(JSON.stringify(rows)).not.toContain('@');
    // B's own: p and s as pseudonyms, its code.
    expect(rows.map((r) => r.subject).sort()).toEqual([
      'MS-01',
      expect.stringMatching(/^R-/),
      expect.stringMatching(/^R-/),
    ]);
  });

  it('keeps the rows behind the count and records functions', async () => {
    await expect(
      asWereldhuis((trx) =>
        sql`select * from app.ind_forum_trained_all(${programmeId}::uuid, '2031-01-01', '2031-12-31')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });

  it('counts the demo’s training (4 present of 5) and Mindspring group session (3)', async () => {
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const parts = await asWereldhuis((trx) => rule.count(trx, scope(false, from, to)));
    const persons = await asWereldhuis((trx) => rule.count(trx, scope(true, from, to)));
    expect(parts.total).toBe(7);
    // Two trainees came to both.
    expect(persons.total).toBe(5);
  });

  it('keeps the trainer pair for trainings, network meetings and group sessions only', async () => {
    const c = await t.login('begeleider@wereldhuis.example');
    const body = {
      kind: 'group_session',
      titleFr: 'Séance Mindspring',
      titleNl: 'Mindspring-sessie',
      startsAt: '2031-09-01T16:00:00.000Z',
      endsAt: '2031-09-01T18:00:00.000Z',
      venue: 'Wereldhuis',
      languages: ['nl'],
      interpreting: false,
      capacity: 12,
      audiences: ['volunteers'],
      partnerOrgIds: [],
      programmeId,
      trainers: [{ name: 'Léa Fictive-Desmet' }, { name: 'Yonas Exemple-Tesfay' }],
    };
    const r = await c.post('/api/events', body);
    expect(r.statusCode, r.body).toBe(201);
    const e = (await c.get(`/api/events/${r.json().id}`)).json();
    expect(e.trainers).toEqual([
      { name: 'Léa Fictive-Desmet', userId: null },
      { name: 'Yonas Exemple-Tesfay', userId: null },
    ]);
    const forum = await c.post('/api/events', { ...body, kind: 'thematic_forum' });
    expect(forum.statusCode).toBe(400);
    expect(forum.body).toContain('trainers_kind');
    const stranger = await c.post('/api/events', {
      ...body,
      trainers: [{ name: 'Inconnu', userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(
      (await c.post('/api/events', { ...body, trainers: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }))
        .statusCode,
    ).toBe(400);
  });
});
