import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { sealPending } from '../../../platform/keys/rotation';
import { accompanimentSubjectData } from '../subject-data';

const available = await engineAvailable();

/**
 * ADR 0038, migration 0073: the guardian of an unaccompanied minor (name, contact), the notes of the legal
 * status history and the outreach contacts' notes are sealed with their own organisation's key. Clear text
 * is refused, the audit log never holds them, the start-up re-encryption seals what was written before —
 * a restricted person's rows included — while a user's write to a restricted person is still refused.
 */
describe.skipIf(!available)('sealed guardians, status notes and outreach notes', () => {
  let t: TestApp;
  let professional: Client;
  let ambassador: Client;
  const owner = () => t.db.engine.db;
  const one = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(owner())).rows[0]!;
  let minor: { person_id: string; org_id: string };
  const record = () => `/api/accompaniment/newcomers/${minor.person_id}`;
  const NOTE = 'Audition au CGRA : récit cohérent, craint un retour forcé';
  const OUTREACH = 'Slaapt in het station; vraagt naar een dokter';

  beforeAll(async () => {
    t = await createTestApp();
    professional = await t.login('begeleider@wereldhuis.example');
    ambassador = await t.login('ambassadeur@wereldhuis.example');
    minor =
      await one(sql`select person_id, org_id from newcomer_profiles where category = 'unaccompanied_minor'
      and guardian_name is not null limit 1`);
  });
  afterAll(async () => t?.close());

  it('keeps the demo’s guardian and outreach notes as ciphertext, opened for their organisation', async () => {
    const stored = await one<{ name: string; contact: string }>(sql`select guardian_name as name,
      guardian_contact as contact from newcomer_profiles where person_id = ${minor.person_id}`);
    expect(stored.name).toMatch(/^v2\.1\./);
    expect(stored.contact).toMatch(/^v2\.1\./);
    const r = await professional.get(record());
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().profile.guardian).toMatchObject({
      name: 'Els Voogd-Fictief',
      organisation: 'Dienst Voogdij',
      contact: 'voogd@voogdij.example',
    });
    const notes = await one<{ clear: number; sealed: number }>(sql`select
      count(*) filter (where note not like 'v2.%')::int as clear, count(*) filter (where note like 'v2.1.%')::int
      as sealed from outreach_contacts where note is not null`);
    expect(notes).toEqual({ clear: 0, sealed: 2 });
    const list = await ambassador.get('/api/accompaniment/outreach/contacts');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { note: string | null }) => c.note)).toContain(
      'Wil Nederlands leren; komt langs met een vriend die tolkt.',
    );
  });

  it('seals what users write, and keeps it out of the audit log', async () => {
    const g = await professional.put(`${record()}/guardian`, {
      name: 'Tuteur Exemple-Nouveau',
      organisation: 'Dienst Voogdij',
      contact: '+32 470 00 00 00',
      consentOn: null,
    });
    expect(g.statusCode, g.body).toBe(200);
    const e = await professional.post(`${record()}/status-events`, {
      kind: 'interview',
      occurredOn: new Date().toISOString().slice(0, 10),
      note: NOTE,
    });
    expect(e.statusCode, e.body).toBe(201);
    const c = await ambassador.post('/api/accompaniment/outreach/contacts', {
      contactOn: new Date().toISOString().slice(0, 10),
      place: 'Station Kortrijk',
      country: 'BE',
      ageBand: 'unknown',
      needs: ['health'],
      note: OUTREACH,
    });
    expect(c.statusCode, c.body).toBe(201);

    const stored = await one<{ name: string; contact: string; note: string; outreach: string }>(sql`select
      p.guardian_name as name, p.guardian_contact as contact,
      (select note from newcomer_status_events where id = ${e.json().id}) as note,
      (select note from outreach_contacts where id = ${c.json().id}) as outreach
      from newcomer_profiles p where p.person_id = ${minor.person_id}`);
    for (const v of Object.values(stored)) expect(v).toMatch(/^v2\.1\./);

    const r = (await professional.get(record())).json();
    expect(r.profile.guardian).toMatchObject({ name: 'Tuteur Exemple-Nouveau', contact: '+32 470 00 00 00' });
    expect(r.events.map((x: { note: string | null }) => x.note)).toContain(NOTE);
    const contact = await ambassador.get(`/api/accompaniment/outreach/contacts/${c.json().id}`);
    expect(contact.json().note).toBe(OUTREACH);

    const logged = await one<{ n: number }>(sql`select count(*)::int as n from audit.log
      where entity in ('newcomer_profiles', 'newcomer_status_events', 'outreach_contacts')
        and (detail::text like '%Exemple-Nouveau%' or detail::text like '%470 00%'
          or detail::text like '%CGRA%' or detail::text like '%station; vraagt%' or detail::text like '%v2.1.%')`);
    expect(logged.n).toBe(0);
  });

  it('refuses clear text from the application role', async () => {
    const who = await one<{ user: string }>(sql`select id as user from users
      where email = 'ambassadeur@wereldhuis.example'`);
    await expect(
      withContext(t.deps.db, { orgId: minor.org_id, userId: who.user }, (trx) =>
        sql`insert into outreach_contacts (org_id, contact_on, place, country, note)
          values (${minor.org_id}, current_date, 'Markt', 'BE', 'en clair')`.execute(trx),
      ),
    ).rejects.toThrow(/outreach_contacts_note_sealed/);
  });

  it('gives the home organisation the opened texts in a subject-data export', async () => {
    const who = await one<{ user: string }>(sql`select id as user from users
      where email = 'begeleider@wereldhuis.example'`);
    const sections = await withContext(t.deps.db, { orgId: minor.org_id, userId: who.user }, (trx) =>
      accompanimentSubjectData.collect(trx, null, minor.person_id, t.deps.secrets),
    );
    const profile = sections.find((s) => s.key === 'accompaniment.profile')?.rows[0];
    expect(profile).toMatchObject({
      guardianName: 'Tuteur Exemple-Nouveau',
      guardianContact: '+32 470 00 00 00',
    });
    const events = sections.find((s) => s.key === 'accompaniment.status_events')?.rows ?? [];
    expect(events.map((x) => x.note)).toContain(NOTE);
  });

  it('seals at start what was written before, for a restricted person too, and refuses a user’s write', async () => {
    const checks = [
      ['newcomer_profiles', 'newcomer_profiles_guardian_name_sealed', 'guardian_name'],
      ['newcomer_profiles', 'newcomer_profiles_guardian_contact_sealed', 'guardian_contact'],
      ['newcomer_status_events', 'newcomer_status_events_note_sealed', 'note'],
    ] as const;
    for (const [table, name] of checks)
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(owner());
    try {
      // As the rows were before migration 0073, then the person restricted (GDPR art. 18).
      await sql`update newcomer_profiles set guardian_name = 'Voogd van vroeger', guardian_contact = 'v2. bel na 17u'
        where person_id = ${minor.person_id}`.execute(owner());
      await sql`update newcomer_status_events set note = 'Nota van vroeger' where person_id = ${minor.person_id}
        and note is null`.execute(owner());
      await sql`update persons set restricted_at = now(), restriction_reason = 'Betwisting (test)'
        where id = ${minor.person_id}`.execute(owner());
      const report = await sealPending(ownerSession(t), t.deps.secrets);
      expect(report.resealed['newcomer_profiles.guardian_name']).toBe(1);
      expect(report.resealed['newcomer_profiles.guardian_contact']).toBe(1);
      expect(report.resealed['newcomer_status_events.note']).toBeGreaterThanOrEqual(1);
    } finally {
      for (const [table, name, column] of checks)
        await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)}
          check (${sql.ref(column)} is null or ${sql.ref(column)} like 'v2.%') not valid`.execute(owner());
    }
    const left = await one<{ n: number }>(sql`select
      (select count(*) from newcomer_profiles where guardian_name not like 'v2.1.%'
        or guardian_contact not like 'v2.1.%')::int
      + (select count(*) from newcomer_status_events where note not like 'v2.1.%')::int as n`);
    expect(left.n).toBe(0);
    // A signed-in user reads it (a restricted record is read, not processed) but cannot change it.
    await sql`update persons set restricted_at = null, restriction_reason = null
      where id = ${minor.person_id}`.execute(owner());
    const r = (await professional.get(record())).json();
    expect(r.profile.guardian).toMatchObject({ name: 'Voogd van vroeger', contact: 'v2. bel na 17u' });
    expect(r.events.map((x: { note: string | null }) => x.note)).toContain('Nota van vroeger');
    await sql`update persons set restricted_at = now(), restriction_reason = 'Betwisting (test)'
      where id = ${minor.person_id}`.execute(owner());
    const changed = await professional.put(`${record()}/guardian`, {
      name: 'Iemand anders',
      consentOn: null,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toMatch(/restricted/);
  });
});
