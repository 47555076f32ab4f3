import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { NewcomerRecord, SharedNewcomer } from '../../../../common/accompaniment/records-schemas';
import { fixedClock, systemClock } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { guardianConsentGap } from './guardian';
import { runPermitReminders } from './reminders';

const available = await engineAvailable();

const TABLES = [
  'newcomer_profiles',
  'newcomer_household_members',
  'newcomer_status_events',
  'newcomer_integration_paths',
  'newcomer_permit_reminders',
] as const;

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Newcomer records on both engines (issue 14): the demo family at La Vie Active, the home organisation's
 * writes and the history rules, the database keeping every other organisation out of every table, the
 * shared summary through the sharing door (audited), the guardian's consent of a minor, and the permit
 * reminders sent once each on a fixed clock.
 */
describe.skipIf(!available)('newcomer records', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let worker: Client;
  let cresamClient: Client;
  let lva: { userId: string; orgId: string };
  let cresam: { userId: string; orgId: string };
  let wereldhuis: { userId: string; orgId: string };
  const ids: Record<string, string> = {};
  const today = systemClock.today();
  const base = (id: string) => `/api/accompaniment/newcomers/${id}`;

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    lva = await f.member('accompagnement@lavieactive.example');
    cresam = await f.member('coordination@cresam.example');
    wereldhuis = await f.member('begeleider@wereldhuis.example');
    worker = await t.login('accompagnement@lavieactive.example');
    cresamClient = await t.login('coordination@cresam.example');
    const family = await sql<{ id: string; first_name: string }>`select id, first_name from persons
      where last_name = 'Exemple-Tesfay' and org_id = ${lva.orgId}`.execute(f.db);
    for (const p of family.rows) ids[p.first_name] = p.id;
    const minor = await sql<{
      id: string;
    }>`select id from persons where last_name = 'Exemple-Rahimi'`.execute(f.db);
    ids.minor = minor.rows[0]!.id;
  });
  afterAll(async () => t?.close());

  it('seeds the Exemple-Tesfay family at La Vie Active: refugees, a permit expiring in about 60 days', async () => {
    expect(Object.keys(ids).sort()).toEqual(['Dawit', 'Hiwet', 'Selam', 'Yonas', 'minor']);
    const r = await worker.get(base(ids.Hiwet!));
    expect(r.statusCode, r.body).toBe(200);
    const rec = r.json() as NewcomerRecord;
    expect(rec.profile).toMatchObject({ category: 'statutory_refugee', firstReceptionCountry: 'FR' });
    expect(rec.profile?.psychosocial.needed).toBe(true);
    expect(rec.status).toBe('refugee');
    expect(rec.permit).toMatchObject({ inForce: true, daysLeft: 60 });
    expect(rec.events.map((e) => e.kind)).toEqual([
      'asylum_requested',
      'interview',
      'decision',
      'permit_issued',
    ]);
    expect(rec.household.filter((h) => h.linkedPersonId)).toHaveLength(3);
    expect(rec.integration).toMatchObject({ scheme: 'fr_cir', status: 'in_progress' });
    expect(rec.canManage).toBe(true);
  });

  it('lets the home organisation open a record and append a coherent history, refusing incoherent events', async () => {
    ids.new = await f.createPerson(lva, { firstName: 'Mariam', lastName: 'Fictive-Nour' });
    const url = base(ids.new);
    // Nothing can be added before the profile exists.
    const early = await worker.post(`${url}/status-events`, { kind: 'asylum_requested', occurredOn: today });
    expect(early.statusCode).toBe(409);
    const p = await worker.put(`${url}/profile`, {
      category: 'asylum_seeker',
      arrivalOn: '2026-03-17',
      arrivalApproximate: true,
      firstReceptionCountry: 'FR',
      housing: 'reception_centre',
    });
    expect(p.statusCode, p.body).toBe(200);
    const refused = async (body: Record<string, unknown>) => {
      const r = await worker.post(`${url}/status-events`, body);
      expect(r.statusCode, r.body).toBe(400);
      return (r.json() as { error: { fields: Array<{ code: string; message: string }> } }).error.fields[0];
    };
    expect((await refused({ kind: 'decision', occurredOn: '2026-04-01', outcome: 'refugee' }))?.code).toBe(
      'accompaniment.records.errors.decision_without_request',
    );
    const future = await refused({ kind: 'asylum_requested', occurredOn: shift(today, 1) });
    expect(future?.code).toBe('accompaniment.records.errors.future_event');
    // Translated in the worker's language (French).
    expect(future?.message).toBe('Un évènement ne peut pas être daté dans le futur.');
    expect(
      (await worker.post(`${url}/status-events`, { kind: 'asylum_requested', occurredOn: '2026-03-20' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await worker.post(`${url}/status-events`, {
          kind: 'decision',
          occurredOn: '2026-05-02',
          outcome: 'subsidiary_protection',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await refused({
          kind: 'permit_issued',
          occurredOn: '2026-05-10',
          permitType: 'temporary',
          validFrom: '2026-05-10',
          expiresOn: '2026-05-01',
        })
      )?.code,
    ).toBe('accompaniment.records.errors.expiry_before_start');
    const ok = await worker.post(`${url}/status-events`, {
      kind: 'permit_issued',
      occurredOn: '2026-05-10',
      permitType: 'multi_year',
      validFrom: '2026-05-10',
      expiresOn: '2030-05-09',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      (
        await worker.put(`${url}/integration-path`, {
          scheme: 'fr_cir',
          status: 'in_progress',
          startedOn: '2026-06-01',
          provider: 'OFII',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await worker.put(`${url}/household`, {
          members: [
            { relation: 'child', birthYear: 2018, whereabouts: 'reunification_pending' },
            { relation: 'spouse', whereabouts: 'with_person', linkedPersonId: ids.Yonas },
          ],
        })
      ).statusCode,
    ).toBe(200);
    // A person of another organisation cannot be linked (refused like an unknown id).
    const foreign = await worker.put(`${url}/household`, {
      members: [{ relation: 'sibling', whereabouts: 'elsewhere', linkedPersonId: ids.minor }],
    });
    expect(foreign.statusCode).toBe(400);
    // A guardian only for an unaccompanied minor.
    expect((await worker.put(`${url}/guardian`, { name: 'Tuteur Fictif' })).statusCode).toBe(409);
    expect(
      (await worker.put(`${url}/psychosocial`, { needed: true, referredTo: 'Équipe mobile', since: today }))
        .statusCode,
    ).toBe(200);
    const rec = (await worker.get(url)).json() as NewcomerRecord;
    expect(rec.profile?.arrivalOn).toBe('2026-03-01');
    expect(rec.status).toBe('subsidiary_protection');
    expect(rec.permit).toMatchObject({ type: 'multi_year', expiresOn: '2030-05-09', inForce: true });
    expect(rec.household).toHaveLength(2);
    // Append-only: not even the home organisation changes or deletes an event.
    await expect(
      withContext(f.db, lva, (trx) =>
        sql`update newcomer_status_events set occurred_on = '2026-01-01' where person_id = ${ids.new}`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
    await expect(
      withContext(f.db, lva, (trx) =>
        sql`delete from newcomer_status_events where person_id = ${ids.new}`.execute(trx),
      ),
    ).rejects.toThrow();
  });

  it('keeps every other organisation out of every table, through the API and the database', async () => {
    expect((await cresamClient.get(base(ids.Hiwet!))).statusCode).toBe(404);
    expect((await cresamClient.put(`${base(ids.Hiwet!)}/profile`, { category: 'other' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await cresamClient.post(`${base(ids.Hiwet!)}/status-events`, {
          kind: 'asylum_requested',
          occurredOn: today,
        })
      ).statusCode,
    ).toBe(404);
    for (const table of TABLES) {
      const seen = await withContext(f.db, cresam, (trx) =>
        sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx),
      );
      expect(seen.rows[0]?.n, table).toBe(0);
      const changed = await withContext(f.db, cresam, (trx) =>
        sql`update ${sql.table(table)} set org_id = org_id where person_id = ${ids.Hiwet}`.execute(trx),
      ).catch(() => ({ numAffectedRows: 0n }));
      expect(Number(changed.numAffectedRows ?? 0n), table).toBe(0);
    }
    // Writing a row for the other organisation's person, under either organisation's id: refused.
    for (const orgId of [lva.orgId, cresam.orgId])
      await expect(
        withContext(f.db, cresam, (trx) =>
          trx
            .insertInto('newcomer_profiles')
            .values({ org_id: orgId, person_id: ids.Hiwet!, category: 'other' })
            .execute(),
        ),
      ).rejects.toThrow();
    await expect(
      withContext(f.db, cresam, (trx) =>
        trx
          .insertInto('newcomer_status_events')
          .values({
            org_id: cresam.orgId,
            person_id: ids.Hiwet!,
            kind: 'asylum_requested',
            occurred_on: today,
          })
          .execute(),
      ),
    ).rejects.toThrow();
  });

  it('shares the summary only with the legal status group, the flag only with the psychosocial group, audited', async () => {
    // A person of its own (the teams' demo already refers the family to CRéSaM).
    const person = ids.new!;
    const grant = async (fields: string[]) => {
      const consentId = await f.createConsent(lva, person, {
        purpose: 'accompaniment',
        categories: fields,
        recipients: [cresam.orgId],
      });
      await withContext(f.db, lva, (trx) =>
        trx
          .insertInto('person_grants')
          .values({
            org_id: lva.orgId,
            person_id: person,
            recipient_org_id: cresam.orgId,
            purpose: 'accompaniment',
            fields,
            source: 'referral',
            source_id: crypto.randomUUID(),
            consent_id: consentId,
            created_by: lva.userId,
          })
          .execute(),
      );
    };
    const url = `/api/accompaniment/shared-newcomers/${person}`;
    expect((await cresamClient.get(url)).statusCode).toBe(404);
    await grant(['identity']);
    expect((await cresamClient.get(url)).statusCode).toBe(404);
    const direct = await withContext(f.db, cresam, (trx) =>
      sql<{ v: unknown }>`select app.shared_newcomer(${person}::uuid) as v`.execute(trx),
    );
    expect(direct.rows[0]?.v).toBeNull();
    const before = await f.auditCount(lva.orgId, 'read', person);
    await grant(['identity', 'legal_status']);
    const r = await cresamClient.get(url);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json() as SharedNewcomer;
    expect(s.legalStatus).toEqual({
      category: 'asylum_seeker',
      currentStatus: 'subsidiary_protection',
      permitExpiresOn: '2030-05-09',
      integrationScheme: 'fr_cir',
      integrationStatus: 'in_progress',
    });
    expect(s.psychosocial).toBeUndefined();
    expect(s.fields).toEqual(['legal_status']);
    expect(await f.auditCount(lva.orgId, 'read', person)).toBe(before + 1);
    // The referral's key (ADR 0037) follows the 'psychosocial' group: none yet, the home's once granted.
    const keys = () =>
      withContext(
        f.db,
        cresam,
        async (trx) =>
          (await sql<{ org_id: string }>`select org_id from app.newcomer_keys(${person}::uuid)`.execute(trx))
            .rows,
      );
    expect(await keys()).toEqual([]);
    await grant(['psychosocial']);
    expect((await keys()).map((k) => k.org_id)).toContain(lva.orgId);
    const both = (await cresamClient.get(url)).json() as SharedNewcomer;
    expect(both.psychosocial).toEqual({ needed: true, referredTo: 'Équipe mobile', since: today });
    expect(both.fields).toEqual(['legal_status', 'psychosocial']);
    // Another organisation without any grant on the person: nothing.
    const other = await t.login('begeleider@wereldhuis.example');
    expect((await other.get(url)).statusCode).toBe(404);
  });

  it('asks the guardian’s consent for an unaccompanied minor, and nothing more for others', async () => {
    const gap = (personId: string, consent: { givenBy: string } | null, as = wereldhuis) =>
      withContext(f.db, as, (trx) => guardianConsentGap(trx, personId, consent));
    expect(await gap(ids.minor!, null)).toBe('guardian_consent_required');
    expect(await gap(ids.minor!, { givenBy: 'person' })).toBe('guardian_consent_required');
    expect(await gap(ids.minor!, { givenBy: 'legal_representative' })).toBeNull();
    expect(await gap(ids.Hiwet!, { givenBy: 'person' }, lva)).toBeNull();
    const prof = await withContext(f.db, wereldhuis, (trx) =>
      trx
        .selectFrom('newcomer_profiles')
        .select(['guardian_name', 'guardian_consent_on'])
        .where('person_id', '=', ids.minor!)
        .executeTakeFirst(),
    );
    expect(prof?.guardian_name).toBeTruthy();
    expect(prof?.guardian_consent_on).toBeTruthy();
  });

  it('shows the referent the permits expiring within 90 days on the dashboard', async () => {
    const r = await worker.get('/api/dashboard');
    expect(r.statusCode, r.body).toBe(200);
    const item = (
      r.json() as { items: Array<{ key: string; count: number; severity: string; dueOn?: string }> }
    ).items.find((i) => i.key === 'accompaniment.records.attention.permits_expiring');
    expect(item).toMatchObject({ count: 2, severity: 'normal', dueOn: shift(today, 60) });
    // Another organisation's staff: none of them.
    const other = (await cresamClient.get('/api/dashboard')).json() as { items: Array<{ key: string }> };
    expect(other.items.some((i) => i.key === 'accompaniment.records.attention.permits_expiring')).toBe(false);
  });

  it('reminds the referent at 90, 30 and 7 days before a permit expires, once each', async () => {
    const expiry = shift(today, 60);
    const run = (day: string) =>
      runPermitReminders({
        db: t.deps.db,
        clock: fixedClock(day),
        config: { publicUrl: 'https://samen.example' },
      });
    const sentFor = async () =>
      (
        await sql<{
          lead_days: number;
          n: number;
        }>`select r.lead_days, count(*)::int as n from newcomer_permit_reminders r
          join persons p on p.id = r.person_id where p.last_name = 'Exemple-Tesfay' group by r.lead_days order by r.lead_days desc`.execute(
          f.db,
        )
      ).rows.map((x) => [x.lead_days, x.n]);
    await run(today);
    expect(await sentFor()).toEqual([[90, 2]]);
    expect((await run(today)).mails).toBe(0);
    expect((await run(shift(expiry, -31))).mails).toBe(0);
    expect((await run(shift(expiry, -30))).mails).toBe(2);
    expect((await run(shift(expiry, -29))).mails).toBe(0);
    expect((await run(shift(expiry, -7))).mails).toBe(2);
    expect((await run(expiry)).mails).toBe(0);
    expect((await run(shift(expiry, 1))).mails).toBe(0);
    expect(await sentFor()).toEqual([
      [90, 2],
      [30, 2],
      [7, 2],
    ]);
    const mails = await sql<{
      to_address: string;
      body_text: string;
    }>`select to_address, body_text from mail_outbox
      where template = 'accompaniment.records.permit_reminder'`.execute(f.db);
    expect(mails.rows.length).toBeGreaterThanOrEqual(6);
    for (const m of mails.rows) {
      expect(m.to_address).toBe('accompagnement@lavieactive.example');
      expect(m.body_text).not.toContain('Exemple-Tesfay');
      expect(m.body_text).toMatch(/\/app\/people\/[0-9a-f-]{36}/);
    }
  });
});
