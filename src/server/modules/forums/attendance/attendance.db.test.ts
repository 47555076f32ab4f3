import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { CheckInView } from '../../../../common/forums/attendance-schemas';
import type { EventInput } from '../../../../common/forums/schemas';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

/**
 * Check-in and attendance on both engines (migration 0050): the QR code's check-in code in the
 * confirmation (and nowhere in the outbox), resolved by the organiser only; one-tap present and its undo;
 * the organiser cancelling for someone promotes the waiting list as the person's own link does; attendance
 * without identities refuses e-mails, national numbers and names and changes nothing then; the bilingual
 * attendance sheet; the new tables keep another organisation out.
 */
describe.skipIf(!available)('forum check-in and attendance', () => {
  let t: TestApp;
  let lille: Client;
  let other: Client;
  let eventId: string;
  const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const input = (more: Partial<EventInput> = {}): EventInput => ({
    kind: 'awareness_session',
    titleFr: 'Séance : se soigner en Belgique',
    titleNl: 'Sessie: zorg in België',
    descriptionFr: null,
    descriptionNl: null,
    theme: null,
    // In two hours: registration still open, check-in already open.
    startsAt: inHours(2),
    endsAt: inHours(4),
    venue: 'Salle des fêtes, 1 rue de l’Exemple, Lille',
    onlineUrl: null,
    languages: ['fr', 'nl'],
    interpreting: false,
    capacity: 2,
    audiences: ['residents'],
    partnerOrgIds: [],
    programmeId: null,
    ...more,
  });
  let ip = 1;
  const register = (name: string, email: string, id = eventId) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/events/${id}/registrations`,
      remoteAddress: `10.2.0.${ip++}`,
      payload: { name, email, organisation: 'Asso Exemple', language: 'fr', consentContact: false },
    });
  const codeOf = (text: string) => /code d’accueil : ([A-Z0-9]+)/.exec(text)?.[1] ?? '';
  const view = async () => (await lille.get(`/api/events/${eventId}/check-in`)).json() as CheckInView;
  const idOf = async (email: string) => (await view()).rows.find((r) => r.email === email)!.id;

  beforeAll(async () => {
    t = await createTestApp();
    lille = await t.login('benevolat@ccas-lille.example');
    other = await t.login('coordination@udccas-nord.example');
    eventId = (await lille.post('/api/events', input())).json().id;
    await lille.post(`/api/events/${eventId}/transitions`, { to: 'published' });
  });
  afterAll(async () => t?.close());

  it('sends a QR code and a check-in code that only the organiser can resolve', async () => {
    expect((await register('Alice Exemple', 'alice@mail.example')).statusCode).toBe(202);
    const [mail] = (await t.deliverMail()).filter((m) => m.to === 'alice@mail.example');
    const code = codeOf(mail!.text);
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(mail!.attachments?.map((a) => a.filename)).toEqual(['event.ics', 'check-in.png']);
    const png = mail!.attachments![1]!.content;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The outbox keeps neither the code nor a readable attachment.
    const outbox = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('mail_outbox').select(['body_text']).where('to_address', '=', mail!.to).execute(),
    );
    expect(outbox.some((o) => o.body_text.includes(code))).toBe(false);
    // Found by the organiser, typed with spaces and in small letters; nobody else learns anything.
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    const found = await lille.post(`/api/events/${eventId}/check-in/lookup`, { code: typed });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().registrationId).toBe(await idOf('alice@mail.example'));
    expect((await other.post(`/api/events/${eventId}/check-in/lookup`, { code })).statusCode).toBe(403);
    const anon = await t.anonymous.post(`/api/events/${eventId}/check-in/lookup`, { code });
    expect([401, 403]).toContain(anon.statusCode);
    expect(anon.body).not.toContain('alice');
    const wrong = await lille.post(`/api/events/${eventId}/check-in/lookup`, { code: 'ZZZZZZZZZZ' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('forums.errors.unknown_code');
  });

  it('marks present in one tap, undoes it, and counts expected and present', async () => {
    await register('Bruno Exemple', 'bruno@mail.example');
    await register('Chloé Attente', 'chloe@mail.example');
    await t.deliverMail();
    const v = await view();
    expect(v.open).toBe(true);
    expect([v.expected, v.present]).toEqual([2, 0]);
    expect(v.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice Exemple', 'confirmed'],
      ['Bruno Exemple', 'confirmed'],
      ['Chloé Attente', 'waiting'],
    ]);
    const alice = await idOf('alice@mail.example');
    const url = `/api/events/${eventId}/registrations/${alice}/attendance`;
    expect((await lille.put(url, { present: true })).statusCode).toBe(200);
    expect((await lille.put(url, { present: true })).statusCode).toBe(200);
    let after = await view();
    expect([after.expected, after.present]).toEqual([2, 1]);
    expect(after.rows[0]!.attendedAt).not.toBeNull();
    expect((await lille.put(url, { present: false })).statusCode).toBe(200);
    expect((await view()).rows[0]!.status).toBe('confirmed');
    // Let in from the waiting list, then undone: back on the waiting list.
    const chloe = await idOf('chloe@mail.example');
    const chloeUrl = `/api/events/${eventId}/registrations/${chloe}/attendance`;
    await lille.put(chloeUrl, { present: true });
    expect((await view()).rows.find((r) => r.id === chloe)!.status).toBe('attended');
    await lille.put(chloeUrl, { present: false });
    expect((await view()).rows.find((r) => r.id === chloe)!.status).toBe('waiting');
    // Another organisation may not; the audit names the user who did.
    expect((await other.put(url, { present: true })).statusCode).toBe(403);
    await lille.put(url, { present: true });
    const audit = await sql<{ n: string }>`select count(*) as n from audit.log
      where entity = 'forum_registrations' and entity_id = ${alice} and actor_user_id is not null
        and after ? 'attended_at'`.execute(t.db.engine.db);
    expect(Number(audit.rows[0]!.n)).toBeGreaterThanOrEqual(3);
    after = await view();
    expect(after.present).toBe(1);
  });

  it('refuses attendance before check-in opens', async () => {
    const later = (
      await lille.post('/api/events', input({ startsAt: inHours(72), endsAt: inHours(74) }))
    ).json().id as string;
    await lille.post(`/api/events/${later}/transitions`, { to: 'published' });
    await register('Dora Tôt', 'dora@mail.example', later);
    await t.deliverMail();
    const v = (await lille.get(`/api/events/${later}/check-in`)).json() as CheckInView;
    expect(v.open).toBe(false);
    const r = await lille.put(`/api/events/${later}/registrations/${v.rows[0]!.id}/attendance`, {
      present: true,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('forums.errors.check_in_closed');
  });

  it('lets the organiser cancel for someone, promoting the waiting list and mailing the promoted', async () => {
    const bruno = await idOf('bruno@mail.example');
    const r = await lille.post(`/api/events/${eventId}/registrations/${bruno}/cancellation`);
    expect(r.statusCode, r.body).toBe(200);
    const mails = await t.deliverMail();
    const told = mails.find((m) => m.to === 'bruno@mail.example');
    expect(told?.subject).toBe('Inscription annulée : Séance : se soigner en Belgique');
    expect(told?.text).not.toMatch(/#token=|code d’accueil/);
    const promoted = mails.find((m) => m.to === 'chloe@mail.example');
    expect(promoted?.text).toContain('une place s’est libérée');
    expect(codeOf(promoted!.text)).toMatch(/^[A-Z0-9]{10}$/);
    const v = await view();
    expect(v.rows.find((x) => x.email === 'chloe@mail.example')!.status).toBe('confirmed');
    expect(v.rows.some((x) => x.email === 'bruno@mail.example')).toBe(false);
    // Twice: nothing left to cancel. Another organisation: refused.
    expect((await lille.post(`/api/events/${eventId}/registrations/${bruno}/cancellation`)).statusCode).toBe(
      409,
    );
    const alice = await idOf('alice@mail.example');
    expect((await other.post(`/api/events/${eventId}/registrations/${alice}/cancellation`)).statusCode).toBe(
      403,
    );
  });

  it('records attendance without identities, refusing e-mails, national numbers and names', async () => {
    const url = `/api/events/${eventId}/anonymous-attendance`;
    const bad = await lille.put(url, {
      counts: [{ homeCountry: null, participants: 12, firstTime: 10 }],
      codes: ['mou 0412', 'jan@mail.example', '850101123456', 'Dupont', 'A\u0007'],
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.fields as Array<{ path: string; code: string }>).map((f) => [
      f.path,
      f.code,
    ]);
    // The control character is refused by the schema before any rule.
    expect(bad.json().error.code).toMatch(/validation|errors/);
    expect(paths.length).toBeGreaterThan(0);
    const bad2 = await lille.put(url, {
      counts: [
        { homeCountry: 'FR', participants: 5, firstTime: 6 },
        { homeCountry: null, participants: 3, firstTime: 1 },
      ],
      codes: ['mou 0412', 'jan@mail.example', '850101123456', 'Dupont'],
    });
    expect(bad2.statusCode).toBe(400);
    expect(
      (bad2.json().error.fields as Array<{ path: string; code: string }>).map((f) => [f.path, f.code]),
    ).toEqual([
      ['counts.0', 'forums.errors.count_first_time'],
      ['counts.1', 'forums.errors.count_mixed'],
      ['codes.1', 'forums.errors.code_email'],
      ['codes.2', 'forums.errors.code_national_number'],
      ['codes.3', 'forums.errors.code_no_digit'],
    ]);
    expect((await view()).anonymous).toEqual({ counts: [], codes: [] });
    const ok = await lille.put(url, {
      counts: [
        { homeCountry: 'BE', participants: 7, firstTime: 5 },
        { homeCountry: 'FR', participants: 4, firstTime: 4 },
      ],
      codes: ['mou 0412', 'MOU-0412', 'mou.0415'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().codes).toEqual(['MOU-0412', 'MOU-0415']);
    expect((await view()).anonymous.counts).toHaveLength(2);
    expect((await other.put(url, { counts: [], codes: [] })).statusCode).toBe(403);
  });

  it('prints a bilingual attendance sheet with the confirmed registrations and blank rows', async () => {
    // Stored for its owner, then downloaded from where the answer points (ADR 0033).
    const made = await lille.get(`/api/events/${eventId}/attendance-sheet.pdf?blank=3`);
    expect(made.statusCode, made.body.slice(0, 200)).toBe(303);
    const r = await lille.get(String(made.headers.location));
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'sheet-pdf-'));
    writeFileSync(join(dir, 's.pdf'), r.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    for (const s of [
      'Feuille de présence / Aanwezigheidslijst',
      'Séance : se soigner en Belgique',
      'Sessie: zorg in België',
      'Signature / Handtekening',
      'Alice Exemple',
      'Chloé Attente',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Organisateurs \/ Organisatoren : Centre Communal/);
    // Cancelled registrations are not on it; 2 names + 3 blank rows numbered on.
    expect(text).not.toContain('Bruno');
    expect(text).toMatch(/\b5\b/);
    expect((await other.get(`/api/events/${eventId}/attendance-sheet.pdf`)).statusCode).toBe(403);
    // It names the registrants: the download is in the audit log, with how many names it held.
    const logged = await sql<{ detail: { rows: number } }>`select detail from audit.log
      where action = 'export' and entity = 'forum_registrations' and entity_id = ${eventId}`.execute(
      t.deps.db,
    );
    expect(logged.rows.map((x) => x.detail.rows)).toEqual([2]);
  });

  it('keeps the attendance tables from another organisation', async () => {
    const lilleOrg = (await view()).id && (await orgOf(eventId));
    const otherOrg = (
      await withContext(t.deps.db, { scope: 'system' }, (trx) =>
        trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '<>', lilleOrg)
          .where('kind', '=', 'ccas')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    await withContext(t.deps.db, { orgId: otherOrg }, async (trx) => {
      expect(await trx.selectFrom('forum_attendance_counts').selectAll().execute()).toEqual([]);
      expect(await trx.selectFrom('forum_attendance_codes').selectAll().execute()).toEqual([]);
      const u = await trx
        .updateTable('forum_attendance_counts')
        .set({ participants: 999 })
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
      const d = await trx
        .deleteFrom('forum_attendance_codes')
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      expect(Number(d.numDeletedRows)).toBe(0);
    });
    for (const table of ['forum_attendance_codes', 'forum_attendance_counts'] as const)
      await expect(
        withContext(t.deps.db, { orgId: otherOrg }, (trx) =>
          table === 'forum_attendance_codes'
            ? trx.insertInto(table).values({ event_id: eventId, org_id: otherOrg, code: 'X-001' }).execute()
            : trx
                .insertInto(table)
                .values({ event_id: eventId, org_id: otherOrg, participants: 3, first_time: 1 })
                .execute(),
        ),
      ).rejects.toThrow();
    await withContext(t.deps.db, { scope: 'public' }, async (trx) => {
      expect(await trx.selectFrom('forum_attendance_codes').selectAll().execute()).toEqual([]);
    });
    await withContext(t.deps.db, { scope: 'forum_registration' }, async (trx) => {
      expect(await trx.selectFrom('forum_attendance_counts').selectAll().execute()).toEqual([]);
    });
    expect((await view()).anonymous.codes).toEqual(['MOU-0412', 'MOU-0415']);
  });

  const orgOf = async (id: string) =>
    (
      await withContext(t.deps.db, { scope: 'system' }, (trx) =>
        trx.selectFrom('forum_events').select('org_id').where('id', '=', id).executeTakeFirstOrThrow(),
      )
    ).org_id;
});
