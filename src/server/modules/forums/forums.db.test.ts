import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type { EventDetail, EventInput, EventList, PublicEventView } from '../../../common/forums/schemas';
import { withContext } from '../../platform/db/context';
import { runForumReminders } from './reminders';

const available = await engineAvailable();

/**
 * Forums and public registration on both engines (issue 13): an organiser's bilingual event, registration
 * without an account (the same answer for a new address, a known one and a robot; nothing of anyone else in
 * any answer), the waiting list and its promotion on a cancellation by the single-use link (the promoted
 * person is mailed), the reminder, and the database keeping another organisation out.
 */
describe.skipIf(!available)('forums', () => {
  let t: TestApp;
  let lille: Client;
  let other: Client;
  let eventId: string;
  const LILLE = 'benevolat@ccas-lille.example';
  const OTHER = 'coordination@udccas-nord.example';
  const inDays = (d: number, h = 9) => {
    const x = new Date(Date.now() + d * 86_400_000);
    x.setUTCHours(h, 0, 0, 0);
    return x.toISOString();
  };
  const input = (more: Partial<EventInput> = {}): EventInput => ({
    kind: 'thematic_forum',
    titleFr: 'Forum bénévolat et santé',
    titleNl: 'Forum vrijwilligerswerk en gezondheid',
    descriptionFr: 'Échanges de pratiques.',
    descriptionNl: 'Uitwisseling van praktijken.',
    theme: 'Santé',
    startsAt: inDays(10, 8),
    endsAt: inDays(10, 12),
    venue: 'Salle des fêtes, 1 rue de l’Exemple, Lille',
    onlineUrl: null,
    languages: ['fr', 'nl'],
    interpreting: true,
    capacity: 2,
    audiences: ['professionals', 'volunteers'],
    partnerOrgIds: [],
    programmeId: null,
    ...more,
  });
  let ip = 1;
  /** Each anonymous request from its own address unless told: the rate limit is tested on its own. */
  const anon = (method: 'GET' | 'POST', url: string, payload?: object, address?: string) =>
    t.app.inject({
      method,
      url,
      remoteAddress: address ?? `10.1.0.${ip++}`,
      headers: { 'x-samen-language': 'fr' },
      ...(payload ? { payload } : {}),
    });
  const person = (name: string, email: string, language: 'fr' | 'nl' | 'en' = 'fr') => ({
    name,
    email,
    organisation: 'Association Exemple',
    language,
    accessibilityNeeds: null,
    consentContact: true,
  });
  const register = (body: object, id = eventId, address?: string) =>
    anon('POST', `/api/public/events/${id}/registrations`, body, address);
  const tokenOf = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    lille = await t.login(LILLE);
    other = await t.login(OTHER);
  });
  afterAll(async () => t?.close());

  it('lets the organiser create and publish a bilingual event, shown without login once published', async () => {
    const created = await lille.post('/api/events', input());
    expect(created.statusCode, created.body).toBe(201);
    eventId = created.json().id;
    // A draft is nobody's business outside the organiser.
    expect((await anon('GET', `/api/public/events/${eventId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/events/${eventId}`)).statusCode).toBe(404);
    const bad = await lille.post('/api/events', input({ endsAt: inDays(9) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('forums.errors.ends_before');
    expect((await lille.post(`/api/events/${eventId}/transitions`, { to: 'published' })).statusCode).toBe(
      200,
    );
    const nl = await anon('GET', `/api/public/events/${eventId}?lang=nl`);
    expect(nl.statusCode, nl.body).toBe(200);
    const v = nl.json() as PublicEventView;
    expect(v.title).toBe('Forum vrijwilligerswerk en gezondheid');
    expect(v.full).toBe(false);
    expect(v.open).toBe(true);
    // The network sees it, without its registrations; another organisation may not change it.
    const seen = (await other.get(`/api/events/${eventId}`)).json() as EventDetail;
    expect(seen.canEdit).toBe(false);
    expect(seen.counts).toBeNull();
    expect((await other.put(`/api/events/${eventId}`, input({ titleFr: 'Détourné' }))).statusCode).toBe(403);
    const list = (await other.get('/api/events')).json() as EventList;
    expect(list.items.find((e) => e.id === eventId)?.counts).toBeNull();
  });

  it('registers without an account, mails the registrant in their language with the event and a link', async () => {
    const r = await register(person('Jan Voorbeeld', 'Jan.Voorbeeld@mail.example', 'nl'));
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toEqual({ received: true });
    const mails = await t.deliverMail();
    const mail = mails.find((m) => m.to === 'jan.voorbeeld@mail.example')!;
    expect(mail.subject).toContain('Forum vrijwilligerswerk en gezondheid');
    expect(mail.text).toContain('bevestigd');
    expect(tokenOf(mail.text)).not.toBe('');
    expect(mail.attachment?.contentType).toContain('text/calendar');
    const ics = mail.attachment!.content.toString('utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Forum vrijwilligerswerk en gezondheid');
    // The outbox keeps no live link.
    const outbox = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('mail_outbox').select('body_text').where('to_address', '=', mail.to).execute(),
    );
    expect(outbox.some((o) => o.body_text.includes(tokenOf(mail.text)))).toBe(false);
  });

  it('answers a known address, a robot and a new person identically, and shows nothing of anyone', async () => {
    const known = await register(person('Jan Voorbeeld', 'jan.voorbeeld@mail.example', 'nl'));
    const robot = await register({ ...person('Bot', 'bot@spam.example'), website: 'http://spam.example' });
    const fresh = await register(person('Léa Exemple', 'lea@mail.example'));
    expect([known.statusCode, robot.statusCode, fresh.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([known.body, robot.body, fresh.body]).size).toBe(1);
    const mails = await t.deliverMail();
    // The known address is told, to itself only; the robot gets nothing and is not recorded.
    expect(mails.filter((m) => m.to === 'jan.voorbeeld@mail.example')).toHaveLength(1);
    expect(mails.some((m) => m.to === 'bot@spam.example')).toBe(false);
    const detail = (await lille.get(`/api/events/${eventId}`)).json() as EventDetail;
    expect(detail.registrations.map((r) => r.email)).toEqual([
      'jan.voorbeeld@mail.example',
      'lea@mail.example',
    ]);
    expect(detail.counts).toEqual({ confirmed: 2, waiting: 0, cancelled: 0, attended: 0 });
    // The public page says "full", no name, no e-mail, no count.
    const page = await anon('GET', `/api/public/events/${eventId}`);
    expect(page.json().full).toBe(true);
    expect(page.body).not.toMatch(/mail\.example|Voorbeeld|Exemple"/);
    expect(JSON.stringify(page.json())).not.toContain('"capacity"');
  });

  it('puts the next ones on the waiting list and promotes the first when a place is cancelled', async () => {
    await register(person('Ana Attente', 'ana@mail.example'));
    await register(person('Bruno Attente', 'bruno@mail.example', 'en'));
    const waiting = await t.deliverMail();
    expect(waiting.find((m) => m.to === 'ana@mail.example')!.text).toContain('liste d’attente');
    const lea = (
      await withContext(t.deps.db, { scope: 'system' }, (trx) =>
        trx.selectFrom('mail_outbox').select('id').where('to_address', '=', 'lea@mail.example').execute(),
      )
    )[0];
    expect(lea).toBeDefined();
    const leaMail = t.mails.filter((m) => m.to === 'lea@mail.example').at(-1)!;
    const token = tokenOf(leaMail.text);
    // A wrong token, or the right one on another event, changes nothing.
    expect(
      (await anon('POST', `/api/public/events/${eventId}/cancellation`, { token: 'x'.repeat(43) }))
        .statusCode,
    ).toBe(404);
    const cancelled = await anon('POST', `/api/public/events/${eventId}/cancellation`, { token });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ title: 'Forum bénévolat et santé' });
    // Single use.
    expect((await anon('POST', `/api/public/events/${eventId}/cancellation`, { token })).statusCode).toBe(
      404,
    );
    const promoted = await t.deliverMail();
    const toAna = promoted.filter((m) => m.to === 'ana@mail.example');
    expect(toAna).toHaveLength(1);
    expect(toAna[0]!.text).toContain('une place s’est libérée');
    expect(toAna[0]!.attachment?.filename).toBe('event.ics');
    expect(promoted.some((m) => m.to === 'bruno@mail.example')).toBe(false);
    const detail = (await lille.get(`/api/events/${eventId}`)).json() as EventDetail;
    expect(detail.registrations.map((r) => [r.email, r.status])).toEqual([
      ['jan.voorbeeld@mail.example', 'confirmed'],
      ['lea@mail.example', 'cancelled'],
      ['ana@mail.example', 'confirmed'],
      ['bruno@mail.example', 'waiting'],
    ]);
  });

  it('reminds the confirmed registrants the day before, once', async () => {
    const starts = new Date(input().startsAt);
    const clock = { now: () => new Date(starts.getTime() - 12 * 3600_000), today: () => '2099-01-01' };
    const first = await runForumReminders({ ...t.deps, clock });
    expect(first.mails).toBe(2);
    expect((await runForumReminders({ ...t.deps, clock })).mails).toBe(0);
    const mails = await t.deliverMail();
    expect(mails.map((m) => m.to).sort()).toEqual(['ana@mail.example', 'jan.voorbeeld@mail.example']);
    expect(mails.find((m) => m.to === 'jan.voorbeeld@mail.example')!.subject).toContain('Herinnering');
  });

  it('sends no reminder after a confirmation already due as one, so that its cancellation link keeps working', async () => {
    const soon = await lille.post(
      '/api/events',
      input({
        startsAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 9 * 3600_000).toISOString(),
      }),
    );
    expect(soon.statusCode, soon.body).toBe(201);
    const soonId = (soon.json() as { id: string }).id;
    await lille.post(`/api/events/${soonId}/transitions`, { to: 'published' });
    // Starts within the day: the confirmation is the reminder.
    const starts = Date.parse((await lille.get(`/api/events/${soonId}`)).json().startsAt);
    expect(starts - Date.now()).toBeLessThan(24 * 3600_000);
    expect((await register(person('Zoé Tardive', 'zoe@mail.example'), soonId)).statusCode).toBe(202);
    const confirmation = (await t.deliverMail()).find((m) => m.to === 'zoe@mail.example')!;
    const reminders = await runForumReminders(t.deps);
    expect((await t.deliverMail()).some((m) => m.to === 'zoe@mail.example')).toBe(false);
    expect(reminders.mails).toBe(0);
    const cancelled = await anon('POST', `/api/public/events/${soonId}/cancellation`, {
      token: tokenOf(confirmation.text),
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  });

  it('refuses bad input with a translated 400 and registration to an unknown or draft event with a 404', async () => {
    const bad = await register({ ...person('X\u0007Y', 'a@mail.example') });
    expect(bad.statusCode).toBe(400);
    expect((await register(person('Zoé', 'not-an-email'))).statusCode).toBe(400);
    const draft = (await lille.post('/api/events', input())).json().id as string;
    expect((await register(person('Zoé Exemple', 'zoe@mail.example'), draft)).statusCode).toBe(404);
    expect(
      (await register(person('Zoé Exemple', 'zoe@mail.example'), '00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('limits registrations per address, whatever the answer', async () => {
    // Its own app, without the demo, with a tight limit (the shared one is high for the other tests).
    const limited = await createTestApp({ seed: false, env: { LOGIN_RATE_LIMIT: '2' } });
    try {
      const post = (address: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/public/events/00000000-0000-4000-8000-000000000000/registrations',
          remoteAddress: address,
          payload: person('Rita Limite', 'rita@mail.example'),
        });
      expect((await post('10.9.9.9')).statusCode).toBe(404);
      expect((await post('10.9.9.9')).statusCode).toBe(404);
      const third = await post('10.9.9.9');
      expect(third.statusCode).toBe(429);
      expect(third.body).not.toContain('rita');
      // Another address is not held back.
      expect((await post('10.9.9.10')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });

  it('keeps registrations from another organisation, the public and events from other writers', async () => {
    const lilleOrg = (
      await withContext(t.deps.db, { scope: 'system' }, (trx) =>
        trx.selectFrom('forum_events').select('org_id').where('id', '=', eventId).executeTakeFirstOrThrow(),
      )
    ).org_id;
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
      expect(await trx.selectFrom('forum_registrations').selectAll().execute()).toEqual([]);
      const u = await trx
        .updateTable('forum_events')
        .set({ title_fr: 'Pris' })
        .where('id', '=', eventId)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
    });
    await expect(
      withContext(t.deps.db, { orgId: otherOrg }, (trx) =>
        trx
          .insertInto('forum_events')
          .values({ ...rowOf(lilleOrg) })
          .execute(),
      ),
    ).rejects.toThrow();
    await withContext(t.deps.db, { scope: 'public' }, async (trx) => {
      expect(await trx.selectFrom('forum_registrations').selectAll().execute()).toEqual([]);
    });
    // The registration scope sees no other tenant table.
    await withContext(t.deps.db, { scope: 'forum_registration' }, async (trx) => {
      expect(await trx.selectFrom('persons').select('id').execute()).toEqual([]);
      expect(await trx.selectFrom('mail_outbox').select('id').execute()).toEqual([]);
      const u = await trx
        .updateTable('forum_events')
        .set({ capacity: 999 })
        .where('id', '=', eventId)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
    });
    const title = (await lille.get(`/api/events/${eventId}`)).json().titleFr;
    expect(title).toBe('Forum bénévolat et santé');
  });
});

const rowOf = (orgId: string) => ({
  org_id: orgId,
  kind: 'training',
  title_fr: 'Usurpé',
  title_nl: 'Vervalst',
  starts_at: new Date(Date.now() + 86_400_000),
  ends_at: new Date(Date.now() + 90_000_000),
  venue: 'Ailleurs',
  languages: ['fr'],
  capacity: 5,
  audiences: ['residents'],
});
