import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { teamIndicatorRules } from './indicators/rules';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/**
 * Mobile teams on both engines: La Vie Active (FR) asks CRéSaM's Walloon team to accompany a family.
 * Without a consent nothing is written; with one, the persons are shared through the sharing door; the
 * team decides, records a cross-border intervention; clinical notes are ciphertext readable only by the
 * team's clinical roles; declining or closing ends the grants; another organisation sees nothing.
 */
describe.skipIf(!available)('mobile teams and their requests', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let lva: Member;
  let cresam: Member;
  let psyCresam: Member;
  let psyLva: Member;
  let wereldhuis: Member;
  let worker: Client;
  let coordinator: Client;
  let psychologist: Client;
  let otherPsychologist: Client;
  let other: Client;
  let teamId: string;
  let mother: string;
  let child: string;
  let requestId: string;

  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(f.db)).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    lva = await f.member('accompagnement@lavieactive.example');
    cresam = await f.member('coordination@cresam.example');
    psyCresam = await f.member('psychologue@cresam.example');
    psyLva = await f.member('psychologue@lavieactive.example');
    wereldhuis = await f.member('begeleider@wereldhuis.example');
    await sql`update organisations set email = 'equipe@cresam.example' where id = ${cresam.orgId}`.execute(
      f.db,
    );
    worker = await t.login('accompagnement@lavieactive.example');
    coordinator = await t.login('coordination@cresam.example');
    psychologist = await t.login('psychologue@cresam.example');
    otherPsychologist = await t.login('psychologue@lavieactive.example');
    other = await t.login('begeleider@wereldhuis.example');
    mother = await f.createPerson(lva, { firstName: 'Saba', lastName: 'Exemple-Testfamille' });
    child = await f.createPerson(lva, { firstName: 'Noah', lastName: 'Exemple-Testfamille' });
  });
  afterAll(async () => t?.close());

  it('shows the network the teams with professions counted, member names only to the team’s org', async () => {
    const list = (await other.get('/api/accompaniment/teams')).json();
    const walloon = list.items.find((i: { org: { id: string } }) => i.org.id === cresam.orgId);
    expect(walloon).toBeDefined();
    teamId = walloon.id;
    expect(walloon.professions).toMatchObject({ psychologist: 1, paramedical: 1 });
    const seen = (await other.get(`/api/accompaniment/teams/${teamId}`)).json();
    expect(seen.members).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('Sacha');
    const own = (await coordinator.get(`/api/accompaniment/teams/${teamId}`)).json();
    expect(own.members.map((m: { name: string }) => m.name)).toContain('Sacha Trauma-Fictif');
    // In SQL too: another organisation reads no member row, and cannot write one.
    const rows = await f.asOrg(wereldhuis, (trx) =>
      trx.selectFrom('accompaniment_team_members').select('id').execute(),
    );
    expect(rows).toHaveLength(0);
    await expect(
      f.asOrg(wereldhuis, (trx) =>
        trx
          .insertInto('accompaniment_teams')
          .values({
            org_id: cresam.orgId,
            name_fr: 'Intrus',
            name_nl: 'Indringer',
            regions: ['BE-WAL'],
            created_by: null,
          })
          .execute(),
      ),
    ).rejects.toThrow();
    expect(
      (
        await other.put(`/api/accompaniment/teams/${teamId}`, {
          nameFr: 'X team',
          nameNl: 'X team',
          languages: [],
          regions: ['BE-WAL'],
          active: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  const body = () => ({
    teamId,
    personIds: [mother, child],
    fields: ['identity', 'languages'],
    needs: ['psychological', 'interpreting'],
    urgency: 'high',
    languages: ['tir'],
    message: 'Famille à accompagner',
  });

  it('refuses a request without a valid consent, in French, and writes nothing', async () => {
    const before = [
      await count('accompaniment_requests'),
      await count('person_grants'),
      await count('accompaniment_request_persons'),
    ];
    await f.createConsent(lva, mother, {
      purpose: 'accompaniment',
      categories: ['identity', 'languages'],
      recipients: [cresam.orgId],
    });
    const r = await worker.post('/api/accompaniment/requests', body());
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.code).toBe('accompaniment.teams.requests.errors.consent_missing');
    expect(r.json().error.message).toContain('Noah Exemple-Testfamille');
    expect(r.json().error.message).toContain('consentement');
    expect([
      await count('accompaniment_requests'),
      await count('person_grants'),
      await count('accompaniment_request_persons'),
    ]).toEqual(before);
    // An override needs its permission (a referent has none).
    const o = await worker.post('/api/accompaniment/requests', {
      ...body(),
      overrideReason: 'Urgence médicale',
    });
    expect(o.statusCode).toBe(403);
    expect(await count('accompaniment_requests')).toBe(before[0]);
  });

  it('refuses an unaccompanied minor shared on their own consent (the guardian’s is needed)', async () => {
    const minor = await f.createPerson(lva, { firstName: 'Abel', lastName: 'Exemple-Mineur' });
    await sql`insert into newcomer_profiles (org_id, person_id, category)
      values (${lva.orgId}, ${minor}, 'unaccompanied_minor')`.execute(f.db);
    await f.createConsent(lva, minor, {
      purpose: 'accompaniment',
      categories: ['identity', 'languages'],
      recipients: [cresam.orgId],
    });
    const before = await count('accompaniment_requests');
    const preview = (
      await worker.get(
        `/api/accompaniment/requests/preview?teamId=${teamId}&personIds=${minor}&fields=identity,languages`,
      )
    ).json();
    expect(preview.persons[0].guardianGap).toBe('guardian_consent_required');
    const r = await worker.post('/api/accompaniment/requests', { ...body(), personIds: [minor] });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.code).toBe('accompaniment.teams.requests.errors.guardian_consent');
    expect(r.json().error.message).toContain('Abel Exemple-Mineur');
    expect(await count('accompaniment_requests')).toBe(before);
  });

  it('sends the request with consents: grants per person and a mail without personal data', async () => {
    await f.createConsent(lva, child, {
      purpose: 'accompaniment',
      categories: ['identity', 'languages'],
      recipients: [cresam.orgId],
    });
    const preview = (
      await worker.get(
        `/api/accompaniment/requests/preview?teamId=${teamId}&personIds=${mother},${child}&fields=identity,languages`,
      )
    ).json();
    expect(preview.persons.every((p: { consent: unknown }) => p.consent !== null)).toBe(true);
    const r = await worker.post('/api/accompaniment/requests', body());
    expect(r.statusCode, r.body).toBe(201);
    requestId = r.json().id;
    const grants = await sql<{ person_id: string }>`select person_id from person_grants
      where source = 'accompaniment_request' and source_id = ${requestId} and revoked_at is null`.execute(
      f.db,
    );
    expect(grants.rows.map((g) => g.person_id).sort()).toEqual([mother, child].sort());
    while ((await t.deps.jobs.runDue(50)) > 0);
    const mail = await sql<{
      to_address: string;
      body_text: string;
      subject: string;
    }>`select to_address, body_text,
      subject from mail_outbox where template = 'accompaniment.teams.request_received'
      and body_text like ${`%${requestId}%`}`.execute(f.db);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]?.to_address).toBe('equipe@cresam.example');
    expect(mail.rows[0]?.body_text).toContain(`/app/accompaniment/requests/${requestId}`);
    expect(`${mail.rows[0]?.subject} ${mail.rows[0]?.body_text}`).not.toMatch(/Saba|Noah|Testfamille/);
  });

  it('shows the team only the granted fields (audited), and nothing to another organisation', async () => {
    const before = await f.auditCount(lva.orgId, 'read', mother);
    const r = await coordinator.get(`/api/accompaniment/requests/${requestId}`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.side).toBe('team');
    expect(v.clinical).toBe(false);
    const shared = v.persons.map((p: { shared: { firstName: string } }) => p.shared.firstName).sort();
    expect(shared).toEqual(['Noah', 'Saba']);
    expect(r.body).not.toMatch(/1988-04-12|SECRET-NATIONAL-ID|fictif\.example/);
    const audited = await sql<{
      n: number;
    }>`select count(*)::int as n from audit.log where chain = ${lva.orgId}
      and action = 'read' and detail::text like ${`%${mother}%`}`.execute(f.db);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThan(0);
    expect(before).toBeGreaterThanOrEqual(0);
    expect((await other.get(`/api/accompaniment/requests/${requestId}`)).statusCode).toBe(404);
    const rows = await f.asOrg(wereldhuis, (trx) =>
      trx.selectFrom('accompaniment_requests').select('id').execute(),
    );
    expect(rows.map((x) => x.id)).not.toContain(requestId);
    // The requesting organisation cannot decide.
    expect(
      (await worker.post(`/api/accompaniment/requests/${requestId}/decision`, { action: 'accept' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets the team accept and record a cross-border intervention', async () => {
    const a = await coordinator.post(`/api/accompaniment/requests/${requestId}/decision`, {
      action: 'accept',
    });
    expect(a.statusCode, a.body).toBe(200);
    const i = await coordinator.post(`/api/accompaniment/requests/${requestId}/interventions`, {
      startsAt: '2026-03-02T09:00:00.000Z',
      durationMinutes: 90,
      place: 'Arras',
      placeCountry: 'FR',
      kind: 'home_visit',
      language: 'tir',
      personIds: [mother, child],
      otherParticipants: 1,
      memberIds: [],
      status: 'done',
      outcome: 'Premier entretien',
      onwardReferrals: [{ organisation: 'Médecin traitant', reason: 'Bilan' }],
    });
    expect(i.statusCode, i.body).toBe(201);
    const bad = await coordinator.post(`/api/accompaniment/requests/${requestId}/interventions`, {
      startsAt: '2026-03-09T09:00:00.000Z',
      durationMinutes: 60,
      place: 'Namur',
      placeCountry: 'BE',
      kind: 'consultation',
      language: 'tir',
      personIds: [wereldhuis.userId],
      otherParticipants: 0,
      memberIds: [],
      status: 'planned',
      onwardReferrals: [],
    });
    expect(bad.statusCode).toBe(400);
    const v = (await worker.get(`/api/accompaniment/requests/${requestId}`)).json();
    expect(v.status).toBe('accepted');
    expect(v.interventions).toHaveLength(1);
    expect(v.interventions[0].crossBorder).toBe(true);
    // Counted by the indicator (the programme of the seed is not needed: a programme of which CRéSaM is a member).
    const rule = teamIndicatorRules[0]!;
    expect(rule.code).toBe('accompaniment.interventions_cross_border');
  });

  it('keeps clinical notes encrypted and readable only by the team’s clinical roles', async () => {
    const w = await psychologist.post(`/api/accompaniment/requests/${requestId}/clinical-notes`, {
      personId: mother,
      body: 'TEXTE-CLINIQUE-SECRET',
    });
    expect(w.statusCode, w.body).toBe(201);
    const stored = await sql<{ body_enc: string }>`select body_enc from accompaniment_clinical_notes
      where request_id = ${requestId}`.execute(f.db);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.body_enc).toMatch(/^v2\./);
    expect(stored.rows[0]?.body_enc).not.toContain('TEXTE-CLINIQUE');
    // The audit trigger redacts the ciphertext column (audit.on_change('body_enc')).
    const logged = await sql<{ after: unknown }>`select after from audit.log
      where entity = 'accompaniment_clinical_notes'`.execute(f.db);
    // (The demo's note, if the records part's family was seeded, is there too: none holds a ciphertext.)
    expect(logged.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged.rows)).not.toContain(stored.rows[0]!.body_enc);
    expect(JSON.stringify(logged.rows)).not.toContain('TEXTE-CLINIQUE');
    const read = await psychologist.get(`/api/accompaniment/requests/${requestId}/clinical-notes`);
    expect(read.json().items).toHaveLength(1);
    expect(read.statusCode).toBe(200);
    expect(read.json().items[0].body).toBe('TEXTE-CLINIQUE-SECRET');
    expect((await psychologist.get(`/api/accompaniment/requests/${requestId}`)).json().clinical).toBe(true);
    // The team's coordinator: 403, and none in SQL; another organisation's psychologist: 404, none in SQL.
    expect(
      (await coordinator.get(`/api/accompaniment/requests/${requestId}/clinical-notes`)).statusCode,
    ).toBe(403);
    expect(
      (await coordinator.post(`/api/accompaniment/requests/${requestId}/clinical-notes`, { body: 'Essai' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherPsychologist.get(`/api/accompaniment/requests/${requestId}/clinical-notes`)).statusCode,
    ).toBe(404);
    for (const m of [cresam, psyLva, lva, wereldhuis]) {
      const rows = await f.asOrg(m, (trx) =>
        trx.selectFrom('accompaniment_clinical_notes').select('body_enc').execute(),
      );
      expect(rows).toHaveLength(0);
    }
    // Writing as the coordinator straight in SQL is refused too.
    await expect(
      f.asOrg(cresam, (trx) =>
        trx
          .insertInto('accompaniment_clinical_notes')
          .values({
            request_id: requestId,
            org_id: cresam.orgId,
            person_id: null,
            body_enc: 'v1.x.y.z',
            written_by: cresam.userId,
          })
          .execute(),
      ),
    ).rejects.toThrow();
    const own = await f.asOrg(psyCresam, (trx) =>
      trx
        .selectFrom('accompaniment_clinical_notes')
        .select('id')
        .where('request_id', '=', requestId)
        .execute(),
    );
    expect(own).toHaveLength(1);
    // Never in the request's page.
    const page = await coordinator.get(`/api/accompaniment/requests/${requestId}`);
    expect(page.body).not.toMatch(/v1\.|v2\.|TEXTE-CLINIQUE/);
  });

  it('counts the done cross-border intervention', async () => {
    const programme = await sql<{ id: string }>`select p.id from programmes p
      where exists (select 1 from app.programme_members(p.id, null) m where m.org_id = ${cresam.orgId})
      limit 1`.execute(f.db);
    const programmeId = programme.rows[0]?.id;
    if (!programmeId) return;
    const rule = teamIndicatorRules[0]!;
    const n = await f.asOrg(cresam, (trx) =>
      rule.count(trx, { programmeId, from: '2026-01-01', to: '2026-12-31', params: {} }),
    );
    expect(n.total).toBeGreaterThanOrEqual(1);
  });

  it('ends the grants when the team closes the request', async () => {
    const c = await coordinator.post(`/api/accompaniment/requests/${requestId}/decision`, {
      action: 'close',
    });
    expect(c.statusCode, c.body).toBe(200);
    const open = await sql<{ n: number }>`select count(*)::int as n from person_grants
      where source = 'accompaniment_request' and source_id = ${requestId} and revoked_at is null`.execute(
      f.db,
    );
    expect(Number(open.rows[0]?.n)).toBe(0);
    const v = (await coordinator.get(`/api/accompaniment/requests/${requestId}`)).json();
    expect(v.persons.every((p: { shared: unknown }) => p.shared === null)).toBe(true);
    const again = await coordinator.post(`/api/accompaniment/requests/${requestId}/decision`, {
      action: 'accept',
    });
    expect(again.statusCode).toBe(409);
  });

  it('ends the grants when the team declines a request (with a reason)', async () => {
    const r = await worker.post('/api/accompaniment/requests', { ...body(), personIds: [mother] });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    const noReason = await coordinator.post(`/api/accompaniment/requests/${id}/decision`, {
      action: 'decline',
    });
    expect(noReason.statusCode).toBe(400);
    const d = await coordinator.post(`/api/accompaniment/requests/${id}/decision`, {
      action: 'decline',
      reason: 'Hors de notre zone',
    });
    expect(d.statusCode, d.body).toBe(200);
    const open = await sql<{ n: number }>`select count(*)::int as n from person_grants
      where source = 'accompaniment_request' and source_id = ${id} and revoked_at is null`.execute(f.db);
    expect(Number(open.rows[0]?.n)).toBe(0);
    // The reason is sealed with the team's key (migration 0079) and opens for both parties, nowhere in the log.
    const stored = await sql<{
      reason: string;
      team_org_id: string;
    }>`select decline_reason as reason, team_org_id
      from accompaniment_requests where id = ${id}`.execute(f.db);
    expect(stored.rows[0]?.reason).toMatch(/^v2\.\d+\./);
    for (const c of [worker, coordinator]) {
      const seen = await c.get(`/api/accompaniment/requests/${id}`);
      expect(seen.json().declineReason).toBe('Hors de notre zone');
    }
    const logged = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'accompaniment_requests' and (coalesce(before, '{}')::text || coalesce(after, '{}')::text
        || coalesce(detail, '{}')::text) like '%notre zone%'`.execute(f.db);
    expect(logged.rows[0]?.n).toBe(0);
    await expect(
      sql`update accompaniment_requests set decline_reason = 'en clair' where id = ${id}`.execute(f.db),
    ).rejects.toThrow(/accompaniment_requests_decline_reason_sealed/);
  });
});
