import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { FeedbackSummary } from '../../../../common/forums/feedback-schemas';
import type { EventInput } from '../../../../common/forums/schemas';
import { withContext } from '../../../platform/db/context';
import { runForumFeedbackRequests } from './requests';
import { sentCount } from './store';

const available = await engineAvailable();

/**
 * Feedback after an event on both engines (issue 13, migration 0048): the job mails each registrant who
 * held a place once, with a single-use link; the public answer is the same refusal for any bad link, is
 * stored without the registrant, refuses control characters with a translated 400 and ignores a robot;
 * the organiser and the partners read the summary, nobody else, and the database keeps other
 * organisations out of the answers.
 */
describe.skipIf(!available)('forum feedback', () => {
  let t: TestApp;
  let lille: Client;
  let partner: Client;
  let other: Client;
  let eventId: string;
  let mouscron: string;
  const tokens: Record<string, string> = {};
  const at = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
  const input = (partnerOrgIds: string[]): EventInput => ({
    kind: 'thematic_forum',
    titleFr: 'Forum retours d’expérience',
    titleNl: 'Forum ervaringsuitwisseling',
    descriptionFr: null,
    descriptionNl: null,
    theme: null,
    startsAt: at(48),
    endsAt: at(52),
    venue: 'Salle Exemple, Lille',
    onlineUrl: null,
    languages: ['fr', 'nl'],
    interpreting: false,
    capacity: 2,
    audiences: ['professionals'],
    partnerOrgIds,
    programmeId: null,
  });
  let ip = 1;
  const anon = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      remoteAddress: `10.2.0.${ip++}`,
      headers: { 'x-samen-language': 'nl' },
      ...(payload ? { payload } : {}),
    });
  const answer = (body: object, id = eventId) => anon('POST', `/api/public/events/${id}/feedback`, body);
  const good = (token: string, more: object = {}) => ({
    token,
    language: 'nl',
    overall: 4,
    usefulness: 5,
    again: 'yes',
    mostUseful: 'De workshops',
    suggestions: 'Een gezamenlijke vorming voor vrijwilligers',
    consentContact: false,
    ...more,
  });
  const tokenOf = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
  const system = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.deps.db, { scope: 'system' }, fn);

  beforeAll(async () => {
    t = await createTestApp();
    lille = await t.login('benevolat@ccas-lille.example');
    partner = await t.login('coordination@cpas-mouscron.example');
    other = await t.login('coordination@udccas-nord.example');
    mouscron = (
      await system((trx) =>
        trx
          .selectFrom('organisations')
          .select('id')
          .where('name_fr', 'ilike', '%mouscron%')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    const created = await lille.post('/api/events', input([mouscron]));
    expect(created.statusCode, created.body).toBe(201);
    eventId = created.json().id;
    await lille.post(`/api/events/${eventId}/transitions`, { to: 'published' });
    for (const [name, email, language] of [
      ['Jan Voorbeeld', 'jan@mail.example', 'nl'],
      ['Léa Exemple', 'lea@mail.example', 'fr'],
      ['Wim Wachtlijst', 'wim@mail.example', 'nl'],
    ] as const)
      await anon('POST', `/api/public/events/${eventId}/registrations`, {
        name,
        email,
        language,
        organisation: null,
        accessibilityNeeds: null,
        consentContact: false,
      });
    await t.deliverMail();
    // The event took place: moved to yesterday (the public registration closes once it has started).
    await system((trx) =>
      trx
        .updateTable('forum_events')
        .set({ starts_at: at(-28), ends_at: at(-24) })
        .where('id', '=', eventId)
        .execute(),
    );
  });
  afterAll(async () => t?.close());

  it('mails each registrant who held a place once, in their language, with a link kept out of the outbox', async () => {
    const first = await runForumFeedbackRequests(t.deps);
    expect(first.mails).toBeGreaterThanOrEqual(2);
    expect((await runForumFeedbackRequests(t.deps)).mails).toBe(0);
    const mails = (await t.deliverMail()).filter((m) => m.to.endsWith('@mail.example'));
    // The waiting list never took part.
    expect(mails.map((m) => m.to).sort()).toEqual(['jan@mail.example', 'lea@mail.example']);
    const jan = mails.find((m) => m.to === 'jan@mail.example')!;
    expect(jan.subject).toContain('Forum ervaringsuitwisseling');
    expect(jan.text).toContain(`/events/${eventId}/feedback?lang=nl#token=`);
    for (const m of mails) tokens[m.to] = tokenOf(m.text);
    const outbox = await system((trx) =>
      trx
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('to_address', '=', 'jan@mail.example')
        .execute(),
    );
    expect(outbox.some((o) => o.body_text.includes(tokens['jan@mail.example']!))).toBe(false);
    const stored = await system((trx) =>
      trx
        .selectFrom('forum_registrations')
        .select(['email', 'feedback_sent_at', 'feedback_token_hash'])
        .where('event_id', '=', eventId)
        .orderBy('position')
        .execute(),
    );
    expect(stored.map((r) => [r.email, r.feedback_sent_at !== null])).toEqual([
      ['jan@mail.example', true],
      ['lea@mail.example', true],
      ['wim@mail.example', false],
    ]);
    // The hash only.
    expect(stored[0]!.feedback_token_hash?.toString('base64url')).not.toBe(tokens['jan@mail.example']);
  });

  it('takes one answer per link, stored without the registrant, and refuses any bad link alike', async () => {
    const unknown = await answer(good('x'.repeat(43)));
    expect(unknown.statusCode).toBe(404);
    const elsewhere = await answer(good(tokens['jan@mail.example']!), '00000000-0000-4000-8000-000000000000');
    expect(elsewhere.statusCode).toBe(404);
    const ok = await answer(good(tokens['jan@mail.example']!));
    expect(ok.statusCode, ok.body).toBe(202);
    expect(ok.json()).toEqual({ received: true });
    const again = await answer(good(tokens['jan@mail.example']!));
    expect(again.statusCode).toBe(404);
    // Used, unknown, another event's: one code, one message.
    expect(new Set([unknown, elsewhere, again].map((r) => r.json().error.code))).toEqual(
      new Set(['forums.feedback.errors.invalid_link']),
    );
    expect(new Set([unknown, elsewhere, again].map((r) => r.json().error.message)).size).toBe(1);
    const rows = await system((trx) =>
      trx.selectFrom('forum_feedback').selectAll().where('event_id', '=', eventId).execute(),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      overall: 4,
      usefulness: 5,
      again: 'yes',
      language: 'nl',
      contact_name: null,
    });
    expect(JSON.stringify(rows[0])).not.toMatch(/jan|Voorbeeld/i);
    const reg = await system((trx) =>
      trx
        .selectFrom('forum_registrations')
        .select(['feedback_answered_at', 'feedback_token_hash'])
        .where('email', '=', 'jan@mail.example')
        .executeTakeFirstOrThrow(),
    );
    expect(reg.feedback_token_hash).toBeNull();
    // Kept to the day: the time of the answer is nowhere on the registration.
    expect(new Date(reg.feedback_answered_at!).toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it('leaves nothing in the audit log that ties an answer to its registration', async () => {
    const jan = await system((trx) =>
      trx
        .selectFrom('forum_registrations')
        .select('id')
        .where('email', '=', 'jan@mail.example')
        .executeTakeFirstOrThrow(),
    );
    // The registration's audited changes say nothing of the link's use (no token hash, no answered day):
    // the answer's own entry shares its request id, and would otherwise name the registrant.
    const rows = await sql<{ after: Record<string, unknown> | null }>`select after from audit.log
      where entity = 'forum_registrations' and entity_id = ${jan.id}`.execute(t.db.engine.db);
    // (Migration 0050 recreates this trigger: it must keep '-feedback_token_hash', '-feedback_answered_at'.)
    const keys = rows.rows.flatMap((r) =>
      Object.entries(r.after ?? {})
        .filter(([, v]) => v !== null)
        .map(([k]) => k),
    );
    expect(keys).not.toContain('feedback_token_hash');
    expect(keys).not.toContain('feedback_answered_at');
    const answers = await sql<{ after: Record<string, unknown> }>`select after from audit.log
      where entity = 'forum_feedback' and after ->> 'event_id' = ${eventId}`.execute(t.db.engine.db);
    expect(answers.rows).toHaveLength(1);
    expect(JSON.stringify(answers.rows[0]!.after)).not.toContain('jan');
  });

  it('ignores a robot, refuses control characters with a translated 400, keeps a contact only by consent', async () => {
    const robot = await answer(good(tokens['lea@mail.example']!, { website: 'http://spam.example' }));
    expect(robot.statusCode).toBe(202);
    const bad = await answer(good(tokens['lea@mail.example']!, { suggestions: 'Idée\u0007cachée' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/\S/);
    expect(bad.json().error.message).not.toMatch(/validation\./);
    const outOfRange = await answer(good(tokens['lea@mail.example']!, { overall: 9 }));
    expect(outOfRange.statusCode).toBe(400);
    // The link still works after those: nothing was written.
    const ok = await answer(
      good(tokens['lea@mail.example']!, { language: 'fr', overall: 2, again: 'maybe', consentContact: true }),
    );
    expect(ok.statusCode, ok.body).toBe(202);
    const rows = await system((trx) =>
      trx.selectFrom('forum_feedback').selectAll().where('event_id', '=', eventId).execute(),
    );
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.contact_email === 'lea@mail.example')).toHaveLength(1);
  });

  it('summarises for the organiser and the partner, and shows nothing to another organisation', async () => {
    const own = await lille.get(`/api/events/${eventId}/feedback`);
    expect(own.statusCode, own.body).toBe(200);
    const s = own.json() as FeedbackSummary;
    expect(s).toMatchObject({ sent: 2, answers: 2, again: { yes: 1, no: 0, maybe: 1 } });
    expect(s.overall).toEqual({ average: 3, counts: [0, 1, 0, 1, 0] });
    expect(s.comments.map((c) => c.contact?.email ?? null).sort()).toEqual(['lea@mail.example', null]);
    const seen = await partner.get(`/api/events/${eventId}/feedback`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect((seen.json() as FeedbackSummary).sent).toBe(2);
    expect((await other.get(`/api/events/${eventId}/feedback`)).statusCode).toBe(404);
    expect((await other.get(`/api/events/${eventId}/feedback.csv`)).statusCode).toBe(404);
    const csv = await lille.get(`/api/events/${eventId}/feedback.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('De workshops');
    expect(csv.body).toContain('lea@mail.example');
    expect(csv.body).not.toContain('jan@mail.example');
  });

  it('gives the contacts to those who follow the ideas up, not to every staff member of a partner', async () => {
    // A referent of the partner centre has forum.view, not forum.manage.
    const referent = await t.login('referent@cpas-mouscron.example');
    const s = await referent.get(`/api/events/${eventId}/feedback`);
    expect(s.statusCode, s.body).toBe(200);
    expect((s.json() as FeedbackSummary).comments.length).toBeGreaterThan(0);
    expect(s.body).not.toContain('lea@mail.example');
    const csv = await referent.get(`/api/events/${eventId}/feedback.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('De workshops');
    expect(csv.body).not.toContain('lea@mail.example');
    const coordinator = await partner.get(`/api/events/${eventId}/feedback`);
    expect(coordinator.body).toContain('lea@mail.example');
  });

  it('shows the demo forum’s feedback', async () => {
    const past = await system((trx) =>
      trx
        .selectFrom('forum_events')
        .select('id')
        .where('title_fr', 'like', 'Forum transfrontalier : le bénévolat%')
        .executeTakeFirstOrThrow(),
    );
    const s = (await lille.get(`/api/events/${past.id}/feedback`)).json() as FeedbackSummary;
    expect(s.answers).toBe(6);
    expect(s.sent).toBe(8);
    expect(s.comments.filter((c) => c.contact)).toHaveLength(2);
  });

  it('keeps the answers from another organisation, the public and the registration scope', async () => {
    const lilleOrg = (
      await system((trx) =>
        trx.selectFrom('forum_events').select('org_id').where('id', '=', eventId).executeTakeFirstOrThrow(),
      )
    ).org_id;
    // Another centre, not a partner of the event.
    const otherOrg = (
      await system((trx) =>
        trx
          .selectFrom('organisations')
          .select('id')
          .where('id', 'not in', [lilleOrg, mouscron])
          .where('kind', '=', 'ccas')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    const row = {
      event_id: eventId,
      org_id: lilleOrg,
      overall: 1,
      usefulness: 1,
      again: 'no',
      language: 'fr',
    };
    await withContext(t.deps.db, { orgId: otherOrg }, async (trx) => {
      expect(await trx.selectFrom('forum_feedback').selectAll().execute()).toEqual([]);
      const d = await trx.deleteFrom('forum_feedback').where('event_id', '=', eventId).executeTakeFirst();
      expect(Number(d.numDeletedRows)).toBe(0);
    });
    await expect(
      withContext(t.deps.db, { orgId: otherOrg }, (trx) =>
        trx.insertInto('forum_feedback').values(row).execute(),
      ),
    ).rejects.toThrow();
    await expect(
      withContext(t.deps.db, { orgId: otherOrg }, (trx) =>
        trx
          .insertInto('forum_feedback')
          .values({ ...row, org_id: otherOrg })
          .execute(),
      ),
    ).rejects.toThrow();
    // Even the organiser cannot write an answer, nor change one.
    await withContext(t.deps.db, { orgId: lilleOrg }, async (trx) => {
      expect(
        (await trx.selectFrom('forum_feedback').selectAll().where('event_id', '=', eventId).execute()).length,
      ).toBe(2);
      const d = await trx.deleteFrom('forum_feedback').where('event_id', '=', eventId).executeTakeFirst();
      expect(Number(d.numDeletedRows)).toBe(0);
    });
    // Nobody may change an answer (no update grant at all).
    await expect(
      withContext(t.deps.db, { orgId: lilleOrg }, (trx) =>
        trx.updateTable('forum_feedback').set({ overall: 5 }).where('event_id', '=', eventId).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withContext(t.deps.db, { orgId: lilleOrg }, (trx) =>
        trx.insertInto('forum_feedback').values(row).execute(),
      ),
    ).rejects.toThrow();
    for (const scope of ['public', 'forum_registration'] as const)
      await withContext(t.deps.db, { scope }, async (trx) => {
        expect(await trx.selectFrom('forum_feedback').selectAll().execute()).toEqual([]);
      });
    // The count of mails sent is given to the organiser and partners only (a signed-in user's context).
    const userId = (
      await system((trx) =>
        trx
          .selectFrom('forum_events')
          .select('created_by')
          .where('id', '=', eventId)
          .executeTakeFirstOrThrow(),
      )
    ).created_by;
    const count = (orgId: string) =>
      withContext(t.deps.db, { orgId, userId }, (trx) => sentCount(trx, eventId));
    expect(await count(otherOrg)).toBe(0);
    expect(await count(mouscron)).toBe(2);
    expect(await count(lilleOrg)).toBe(2);
  });

  it('limits answers per address, whatever the answer', async () => {
    const limited = await createTestApp({ seed: false, env: { LOGIN_RATE_LIMIT: '2' } });
    try {
      const post = (address: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/public/events/00000000-0000-4000-8000-000000000000/feedback',
          remoteAddress: address,
          payload: good('x'.repeat(43)),
        });
      expect((await post('10.9.9.9')).statusCode).toBe(404);
      expect((await post('10.9.9.9')).statusCode).toBe(404);
      expect((await post('10.9.9.9')).statusCode).toBe(429);
      expect((await post('10.9.9.10')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});
