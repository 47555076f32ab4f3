import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { CalendarView, FeedCreated } from '../../../../common/immersions/calendar-schemas';
import { fixedClock } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';
import { requestFixtures } from '../requests/fixtures.testing';

/**
 * Immersion calendars on both engines: the reader's own immersions (pending ones marked), their team's
 * hosting (not another team's), a programme's (organisations and counts, never names); the secret feed:
 * the user's own and their team's immersions and nothing of a third organisation, renewed and revoked
 * tokens are 404, the token is stored hashed, and nobody else reads or writes a user's feed rows.
 */
type Member = { userId: string; orgId: string };
let t: TestApp;
let fx: ReturnType<typeof requestFixtures>;
let p: Awaited<ReturnType<ReturnType<typeof requestFixtures>['people']>>;
let programmeId: string;
const ids = { agreed: '', pending: '', third: '', otherTeam: '' };
const names = { visitor: '', third: '' };

const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';
const THIRD = 'coordination@cpas-mouscron.example';

/** A request written as the platform administrator (whom the workflow guard lets set any status). */
const request = (
  visitor: Member,
  host: Member,
  offerId: string,
  r: { status: string; kind: string; from: string; to: string; days: number },
) =>
  withContext(fx.db, { platformAdmin: true }, async (trx) => {
    const row = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
        programme_id, visitor_user_id, requested_by, status, kind, theme, objectives, starts_on, ends_on, days,
        sent_to_host_at)
      values (${visitor.orgId}::uuid, ${host.orgId}::uuid, ${offerId}::uuid, ${programmeId}::uuid,
        ${visitor.userId}::uuid, ${visitor.userId}::uuid, ${r.status}, ${r.kind}, 'youth',
        'Voir comment l’équipe accompagne les jeunes.', ${r.from}::date, ${r.to}::date, ${r.days},
        ${r.status === 'awaiting_manager' ? null : new Date()})
      returning id`.execute(trx);
    return row.rows[0]!.id;
  });

const calendar = async (email: string, query: string) => {
  const r = await (await t.login(email)).get(`/api/immersions/calendar?${query}`);
  return { status: r.statusCode, body: r.json() as CalendarView, text: r.body };
};
const feedPath = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07') });
  fx = requestFixtures(t);
  p = await fx.people();
  programmeId = await fx.programme(p.lead, 'CAL-T', [p.visitor.orgId, p.host.orgId, p.third.orgId]);
  const teamOffer = await fx.offer(p.host, { programmeId, period: ['2027-03-01', '2027-03-31'] });
  const otherOffer = await fx.offer(p.host, { programmeId, period: ['2027-03-01', '2027-03-31'] });
  // The host's professional belongs to the first offer's team only.
  await fx.asOrg(p.host, (trx) =>
    sql`insert into org_unit_members (unit_id, org_id, user_id)
      select unit_id, org_id, ${p.host.userId}::uuid from immersion_offers where id = ${teamOffer.id}::uuid`.execute(
      trx,
    ),
  );
  ids.agreed = await request(p.visitor, p.host, teamOffer.id, {
    status: 'agreed',
    kind: 'short',
    from: '2027-03-02',
    to: '2027-03-04',
    days: 3,
  });
  ids.pending = await request(p.visitor, p.host, teamOffer.id, {
    status: 'awaiting_host',
    kind: 'shadowing',
    from: '2027-03-10',
    to: '2027-03-10',
    days: 1,
  });
  ids.third = await request(p.third, p.host, teamOffer.id, {
    status: 'agreed',
    kind: 'short',
    from: '2027-03-02',
    to: '2027-03-03',
    days: 2,
  });
  ids.otherTeam = await request(p.third, p.host, otherOffer.id, {
    status: 'in_progress',
    kind: 'short',
    from: '2027-03-15',
    to: '2027-03-16',
    days: 2,
  });
  for (const k of ['visitor', 'third'] as const) {
    const m = p[k];
    const r = await sql<{ display_name: string }>`select display_name from users
      where id = ${m.userId}::uuid`.execute(fx.db);
    names[k] = r.rows[0]!.display_name;
  }
});
afterAll(async () => t?.close());

const window = 'from=2027-02-01&to=2027-04-30';

describe('immersion calendars', () => {
  it('shows the reader’s own immersions, the pending one marked, with the visitor’s name', async () => {
    const r = await calendar(VISITOR, `scope=mine&${window}`);
    expect(r.status, r.text).toBe(200);
    const byId = new Map(r.body.items.map((i) => [i.requestId, i]));
    // The demo's immersions of the same professional may fall in the window too: only theirs, though.
    expect([...byId.keys()]).toEqual(expect.arrayContaining([ids.agreed, ids.pending]));
    expect([...byId.keys()]).not.toContain(ids.third);
    expect(r.body.items.every((i) => i.visitorName === names.visitor)).toBe(true);
    expect(byId.get(ids.agreed)?.pending).toBe(false);
    expect(byId.get(ids.pending)?.pending).toBe(true);
    expect(byId.get(ids.agreed)?.visitorName).toBe(names.visitor);
    expect(byId.get(ids.agreed)?.unitName).toMatch(/Service insertion/);
  });

  it('shows the team’s hosting to its members only: agreed and under way, not another team’s', async () => {
    const r = await calendar(HOST, `scope=team&${window}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.map((i) => i.requestId).sort()).toEqual([ids.agreed, ids.third].sort());
    expect(r.body.items.find((i) => i.requestId === ids.third)?.visitorName).toBe(names.third);
    // The visitor's organisation belongs to no hosting team of its own here.
    expect((await calendar(VISITOR, `scope=team&${window}`)).body.items).toEqual([]);
  });

  it('shows a programme’s immersions to its members as organisations and counts, never names', async () => {
    const r = await calendar(THIRD, `scope=programme&programmeId=${programmeId}&${window}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.length).toBe(3);
    expect(r.body.items.every((i) => i.requestId === null && i.visitorName === null)).toBe(true);
    expect(r.body.items.reduce((n, i) => n + i.visitors, 0)).toBe(3);
    expect(r.text).not.toContain(names.visitor);
    expect(r.text).not.toContain(names.third);
    // The lead reads it too; an organisation outside the programme gets a 404, as for an unknown one.
    const lead = await calendar(
      'coordination@udccas-nord.example',
      `scope=programme&programmeId=${programmeId}`,
    );
    expect(lead.status).toBe(200);
    const outsider = await calendar(
      'coordination@cpas-charleroi.example',
      `scope=programme&programmeId=${programmeId}`,
    );
    expect(outsider.status).toBe(404);
  });

  it('refuses a window backwards or too long with a translated 400', async () => {
    const field = (text: string) =>
      (JSON.parse(text) as { error: { fields: { code: string; message: string }[] } }).error.fields[0]!;
    const back = await calendar(VISITOR, 'from=2027-03-01&to=2027-02-01');
    expect(back.status).toBe(400);
    expect(field(back.text).code).toBe('immersions.calendar.errors.window_order');
    expect(field(back.text).message).not.toBe('immersions.calendar.errors.window_order');
    const long = await calendar(VISITOR, 'from=2027-01-01&to=2029-01-01');
    expect(long.status).toBe(400);
    expect(field(long.text).code).toBe('immersions.calendar.errors.window_too_long');
    expect(field(long.text).message).not.toBe('immersions.calendar.errors.window_too_long');
  });
});

describe('the iCalendar feed', () => {
  let visitorFeed: FeedCreated;

  it('serves the user’s own immersions as all-day events, nothing of a third organisation, no names', async () => {
    const c = await t.login(VISITOR);
    expect((await c.get('/api/immersions/calendar/feed')).json()).toEqual({ createdAt: null });
    const created = await c.post('/api/immersions/calendar/feed');
    expect(created.statusCode, created.body).toBe(201);
    visitorFeed = created.json() as FeedCreated;
    expect(visitorFeed.url).toMatch(/\/api\/immersions\/calendar\/feed\.ics\?token=[A-Za-z0-9_-]{43}$/);
    expect((await c.get('/api/immersions/calendar/feed')).json()).toEqual({
      createdAt: visitorFeed.createdAt,
    });

    const r = await t.anonymous.get(feedPath(visitorFeed.url));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/calendar/);
    expect(r.body).toContain(`UID:immersion-${ids.agreed}-visitor@`);
    expect(r.body).toContain(`UID:immersion-${ids.pending}-visitor@`);
    expect(r.body).not.toContain(ids.third);
    expect(r.body).not.toContain(ids.otherTeam);
    expect(r.body).toContain('DTSTART;VALUE=DATE:20270302\r\nDTEND;VALUE=DATE:20270305\r\n');
    expect(r.body).toContain('STATUS:TENTATIVE');
    expect(r.body).not.toContain(names.visitor);
    expect(r.body).not.toContain('jeunes');
  });

  it('serves the host team’s hosting, without the visitors’ names', async () => {
    const c = await t.login(HOST);
    const url = ((await c.post('/api/immersions/calendar/feed')).json() as FeedCreated).url;
    const r = await t.anonymous.get(feedPath(url));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`UID:immersion-${ids.agreed}-host@`);
    expect(r.body).toContain(`UID:immersion-${ids.third}-host@`);
    expect(r.body).not.toContain(ids.pending);
    expect(r.body).not.toContain(ids.otherTeam);
    expect(r.body).not.toContain(names.visitor);
    expect(r.body).not.toContain(names.third);
  });

  it('stores only the token’s hash, which the application cannot read back', async () => {
    const token = new URL(visitorFeed.url).searchParams.get('token') as string;
    const rows = await sql<{ token_hash: Buffer }>`select token_hash from immersion_calendar_feeds
      where user_id = ${p.visitor.userId}::uuid and revoked_at is null`.execute(fx.db);
    expect(rows.rows).toHaveLength(1);
    expect(Buffer.from(rows.rows[0]!.token_hash).equals(createHash('sha256').update(token).digest())).toBe(
      true,
    );
    await expect(
      fx.asOrg(p.visitor, (trx) => sql`select token_hash from immersion_calendar_feeds`.execute(trx)),
    ).rejects.toThrow();
  });

  it('answers 404 to a renewed, revoked or unknown token, and 400 to a malformed one', async () => {
    const c = await t.login(VISITOR);
    const renewed = (await c.post('/api/immersions/calendar/feed')).json() as FeedCreated;
    expect((await t.anonymous.get(feedPath(visitorFeed.url))).statusCode).toBe(404);
    expect((await t.anonymous.get(feedPath(renewed.url))).statusCode).toBe(200);
    expect((await c.del('/api/immersions/calendar/feed')).json()).toEqual({ ok: true });
    expect((await t.anonymous.get(feedPath(renewed.url))).statusCode).toBe(404);
    expect((await c.get('/api/immersions/calendar/feed')).json()).toEqual({ createdAt: null });
    const unknown = `/api/immersions/calendar/feed.ics?token=${'A'.repeat(43)}`;
    expect((await t.anonymous.get(unknown)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/immersions/calendar/feed.ics?token=short')).statusCode).toBe(400);
  });

  it('audits creation and revocation without the hash', async () => {
    const r = await sql<{ action: string; after: Record<string, unknown> | null }>`select action, after
      from audit.log where entity = 'immersion_calendar_feeds' and actor_user_id = ${p.visitor.userId}::uuid
      order by id`.execute(fx.db);
    expect(r.rows.length).toBeGreaterThanOrEqual(4);
    const hashes = await sql<{
      h: string;
    }>`select encode(token_hash, 'hex') as h from immersion_calendar_feeds
      where user_id = ${p.visitor.userId}::uuid`.execute(fx.db);
    for (const row of r.rows) {
      expect(row.after?.token_hash ?? '[redacted]').toBe('[redacted]');
      for (const { h } of hashes.rows) expect(JSON.stringify(row.after)).not.toContain(h);
    }
    expect(r.rows.some((row) => row.after?.revoked_at)).toBe(true);
  });

  it('lets nobody else read or write a user’s feed rows: not a colleague, not another organisation', async () => {
    const c = await t.login(VISITOR);
    await c.post('/api/immersions/calendar/feed');
    const manager = await fx.member(MANAGER);
    const third = await fx.member(THIRD);
    for (const who of [manager, third]) {
      const read = await fx.asOrg(who, (trx) =>
        sql<{ n: number }>`select count(*)::int as n from immersion_calendar_feeds`.execute(trx),
      );
      expect(read.rows[0]!.n).toBe(0);
      const upd = await fx.asOrg(who, (trx) =>
        sql`update immersion_calendar_feeds set revoked_at = now()
          where user_id = ${p.visitor.userId}::uuid`.execute(trx),
      );
      expect(Number(upd.numAffectedRows ?? 0)).toBe(0);
      await expect(
        fx.asOrg(who, (trx) =>
          sql`insert into immersion_calendar_feeds (user_id, org_id, token_hash)
            values (${p.visitor.userId}::uuid, ${p.visitor.orgId}::uuid, ${createHash('sha256').update('x').digest()})`.execute(
            trx,
          ),
        ),
      ).rejects.toThrow();
    }
    const own = await fx.asOrg(p.visitor, (trx) =>
      sql<{ n: number }>`select count(*)::int as n from immersion_calendar_feeds
        where revoked_at is null`.execute(trx),
    );
    expect(own.rows[0]!.n).toBe(1);
  });
});

describe('a feed whose owner left', () => {
  it('answers 404 once the user is no longer an active member of the organisation', async () => {
    const c = await t.login(MANAGER);
    const url = ((await c.post('/api/immersions/calendar/feed')).json() as FeedCreated).url;
    expect((await t.anonymous.get(feedPath(url))).statusCode).toBe(200);
    const manager = await fx.member(MANAGER);
    await sql`update memberships set active = false where user_id = ${manager.userId}::uuid
      and org_id = ${manager.orgId}::uuid`.execute(fx.db);
    expect((await t.anonymous.get(feedPath(url))).statusCode).toBe(404);
  });
});
