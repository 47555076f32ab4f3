import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { addDays } from '../../../../common/placements/dates';
import { sealPending } from '../../../platform/keys/rotation';
import { placementsSubjectData } from '../subject-data/providers';
import { followUpFixtures } from './fixtures.testing';

const available = await engineAvailable();

const REASON = 'Semaine résidentielle avec le service de santé mentale';
const DROP_OUT = 'Hospitalisation prolongée';
const NOTE = 'Reprise envisagée après la convalescence';

/**
 * Migration 0077: why the person stays abroad, an outcome's note and a drop-out's reason are sealed with the
 * home centre's key; the home centre reads them opened, the audit log never holds them, an anonymised
 * drop-out keeps the erasure marker, and what was written clear before is sealed at start.
 */
describe.skipIf(!available)('sealed stays abroad and outcomes', () => {
  let t: TestApp;
  let f: ReturnType<typeof followUpFixtures>;
  let home: Awaited<ReturnType<ReturnType<typeof followUpFixtures>['member']>>;
  let homeRef: Client;
  let tutor: Client;
  let id: string;
  let personId: string;
  const owner = () => t.db.engine.db;
  const stored = async () =>
    (
      await sql<{ reason: string | null; note: string | null; drop_out_reason: string | null }>`
        select (select reason from placement_stays_abroad where placement_id = ${id}) as reason,
          o.note, o.drop_out_reason from placement_outcomes o where o.placement_id = ${id}`.execute(owner())
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    f = followUpFixtures(t);
    home = await f.member('referent@cpas-mouscron.example');
    const host = await f.member('tuteur@atelier-roubaix.example');
    ({ id, personId } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      ...f.runningPeriod(f.today()),
    }));
    homeRef = await t.login('referent@cpas-mouscron.example');
    tutor = await t.login('tuteur@atelier-roubaix.example');
  });
  afterAll(async () => t?.close());

  it('stores the stay’s reason and the outcome’s texts sealed and shows them opened to the home centre', async () => {
    const today = f.today();
    const stay = await homeRef.post(`/api/placements/${id}/stays-abroad`, {
      startsOn: addDays(today, -6),
      endsOn: addDays(today, -5),
      reason: REASON,
    });
    expect(stay.statusCode, stay.body).toBe(201);
    await f.setStatus(home, id, 'interrupted', addDays(today, -3));
    const outcome = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'drop_out',
      dropOutReason: DROP_OUT,
      note: NOTE,
    });
    expect(outcome.statusCode, outcome.body).toBe(200);

    const row = await stored();
    for (const v of [row?.reason, row?.note, row?.drop_out_reason]) expect(v).toMatch(/^v2\.\d+\./);
    const view = await homeRef.get(`/api/placements/${id}/follow-up`);
    expect(view.json().stays[0]).toMatchObject({ reason: REASON });
    expect(view.json().outcomes[0].outcome).toMatchObject({ dropOutReason: DROP_OUT, note: NOTE });
    expect(view.body).not.toMatch(/v2\.\d+\./);
    // The host sees neither stays nor outcomes (nor gets a key for them).
    const hosted = await tutor.get(`/api/placements/${id}/follow-up`);
    expect(hosted.json()).toMatchObject({ stays: null, outcomes: null });
    const logged = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity in ('placement_stays_abroad', 'placement_outcomes')
        and (coalesce(before, '{}')::text || coalesce(after, '{}')::text || coalesce(detail, '{}')::text)
          similar to '%(Semaine|Hospitalisation|Reprise|v2.)%'`.execute(owner());
    expect(logged.rows[0]?.n).toBe(0);

    const sections = await f.asOrg(home, (trx) =>
      placementsSubjectData.collect(trx, null, personId, t.deps.secrets),
    );
    expect(sections.find((s) => s.key === 'placements.stays_abroad')?.rows[0]).toMatchObject({
      reason: REASON,
    });
    expect(sections.find((s) => s.key === 'placements.outcomes')?.rows[0]).toMatchObject({
      dropOutReason: DROP_OUT,
      note: NOTE,
    });
  });

  it('refuses clear text, and seals at start what was written clear before', async () => {
    await expect(
      f.asOrg(home, (trx) =>
        sql`update placement_stays_abroad set reason = 'en clair' where placement_id = ${id}`.execute(trx),
      ),
    ).rejects.toThrow(/placement_stays_abroad_reason_sealed/);
    await sql`alter table placement_outcomes drop constraint placement_outcomes_note_sealed`.execute(owner());
    try {
      await sql`update placement_outcomes set note = 'Écrit avant le scellement' where placement_id = ${id}`.execute(
        owner(),
      );
      // The fixture persons carry a made-up national-id ciphertext no key opens: out of this re-encryption.
      await sql`update persons set national_id_enc = null, national_id_bidx = null
        where national_id_enc = 'v1.SECRET-NATIONAL-ID-CIPHERTEXT'`.execute(owner());
      const report = await sealPending(ownerSession(t), t.deps.secrets);
      expect(report.resealed['placement_outcomes.note']).toBe(1);
    } finally {
      await sql`alter table placement_outcomes add constraint placement_outcomes_note_sealed
        check (note is null or note like 'v2.%') not valid`.execute(owner());
    }
    expect((await stored())?.note).toMatch(/^v2\.\d+\./);
    const view = await homeRef.get(`/api/placements/${id}/follow-up`);
    expect(view.json().outcomes[0].outcome.note).toBe('Écrit avant le scellement');
  });

  it('keeps an anonymised drop-out’s erasure marker, shown as it is and left alone at start', async () => {
    const anonymised = await f.asOrg(home, (trx) => placementsSubjectData.anonymise(trx, personId));
    expect(anonymised).toMatchObject({ outcomesCleared: 1, staysCleared: 1 });
    expect(await stored()).toEqual({ reason: null, note: null, drop_out_reason: '--' });
    const report = await sealPending(ownerSession(t), t.deps.secrets);
    expect(report.resealed['placement_outcomes.drop_out_reason'] ?? 0).toBe(0);
    expect((await stored())?.drop_out_reason).toBe('--');
    const view = await homeRef.get(`/api/placements/${id}/follow-up`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().outcomes[0].outcome).toMatchObject({
      situation: 'drop_out',
      dropOutReason: '--',
      note: null,
    });
    // Any other clear text in the column is still refused.
    await expect(
      f.asOrg(home, (trx) =>
        sql`update placement_outcomes set drop_out_reason = 'x-' where placement_id = ${id}`.execute(trx),
      ),
    ).rejects.toThrow(/placement_outcomes_drop_out_reason_sealed/);
  });
});
