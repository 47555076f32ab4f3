import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import type { RequestInput, RequestList, RequestView } from '../../../../common/immersions/request-schemas';
import { fixedClock } from '../../../../common/kernel/clock';
import type { Actor } from '../../../platform/actor';
import { withContext } from '../../../platform/db/context';
import { requestAttention } from './attention';
import { requestFixtures } from './fixtures.testing';
import { immersionIndicatorRules } from './indicators';
import { runRequestReminders } from './reminders';
import { sharedOpenProgrammes } from './store';

/**
 * Immersion requests on both engines: who sees what at each step (the host never a draft nor a request
 * still with the visitor's manager, a third organisation nothing), the capacity refusal, the yearly-rule
 * warning on all three sides, the agreement, the logbook (the host reads only the shared entries), the
 * report, the mails and home-page items, the indicator counts and the partners' year.
 */
type Member = { userId: string; orgId: string };
let t: TestApp;
let fx: ReturnType<typeof requestFixtures>;
let p: Awaited<ReturnType<ReturnType<typeof requestFixtures>['people']>>;
let programmeId: string;
let offer: { id: string; periodId: string };

const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';
const THIRD = 'coordination@cpas-mouscron.example';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07') });
  fx = requestFixtures(t);
  p = await fx.people();
  programmeId = await fx.programme(p.lead, 'IMM-T', [p.visitor.orgId, p.host.orgId, p.third.orgId]);
  offer = await fx.offer(p.host, { programmeId, capacity: 1, period: ['2027-03-01', '2027-03-31'] });
});
afterAll(async () => t?.close());

const input = (over: Partial<RequestInput> = {}): RequestInput => ({
  offerId: offer.id,
  periodId: offer.periodId,
  programmeId: null,
  visitorUserId: null,
  kind: 'short',
  // Not the demo requests' theme: their days would count in this professional's year.
  theme: 'youth',
  objectives: 'Zien hoe het team jongeren naar werk begeleidt.',
  schedule: null,
  startsOn: '2027-03-02',
  endsOn: '2027-03-04',
  days: null,
  ...over,
});

const view = async (email: string, id: string) => {
  const r = await (await t.login(email)).get(`/api/immersions/requests/${id}`);
  return { status: r.statusCode, body: r.json() as RequestView };
};
const move = async (email: string, id: string, action: string, reason?: string) =>
  (await t.login(email)).post(`/api/immersions/requests/${id}/transition`, {
    action,
    reason: reason ?? null,
  });
/** An actor for a provider called straight (the home page's items on a chosen day). */
const actorOf = (m: Member): Actor => ({
  userId: m.userId,
  sessionId: 'test',
  email: 'test@example.org',
  displayName: 'Test',
  orgId: m.orgId,
  orgCountry: null,
  roles: [],
  platformAdmin: false,
  language: 'fr',
  csrfToken: '',
  mfaSetupRequired: false,
  requestId: 'test',
});
const rows = (who: Member, q: string, id: string) =>
  fx.asOrg(who, (trx) => sql.raw<{ n: number }>(q.replaceAll('$id', `'${id}'`)).execute(trx));

describe('immersion requests', () => {
  let a: string;
  let b: string;

  it('refuses bad input with translated 400s, and an offer of the requester’s own organisation', async () => {
    const c = await t.login(VISITOR);
    const bad = async (body: unknown, pattern: RegExp) => {
      const r = await c.post('/api/immersions/requests', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toMatch(pattern);
    };
    await bad(input({ theme: 'housing' }), /thema/i);
    await bad(input({ endsOn: '2027-03-01' }), /einde ligt vóór/i);
    await bad(input({ kind: 'shadowing' }), /meeloopdag/i);
    await bad(input({ startsOn: '2026-12-01', endsOn: '2026-12-02', periodId: null }), /begindatum/i);
    await bad(input({ startsOn: '2027-02-26', endsOn: '2027-03-02' }), /periode/i);
    await bad({ ...input(), objectives: 'Te kort' }, /.+/);
    await bad({ ...input(), objectives: 'Zien hoe het team\u0007 werkt met jongeren.' }, /.+/);
    await bad({ ...input(), offerId: 'not-a-uuid' }, /.+/);
    const own = await (await t.login(HOST)).post('/api/immersions/requests', input());
    expect(own.statusCode, own.body).toBe(400);
    expect(own.body).toMatch(/votre organisation/);
  });

  it('attaches a request to the one programme both organisations share on its dates, when neither the form nor the offer names one', async () => {
    const onlyHost = await fx.programme(p.lead, 'IMM-H', [p.host.orgId]);
    const shared = await fx.asOrg(p.visitor, (trx) =>
      sharedOpenProgrammes(trx, p.visitor.orgId, p.host.orgId, '2027-03-02', '2027-03-04'),
    );
    expect(shared).toContain(programmeId);
    expect(shared).not.toContain(onlyHost);
    const bare = await fx.offer(p.host, {
      programmeId: null,
      capacity: 2,
      period: ['2027-03-01', '2027-03-31'],
    });
    const c = await t.login(VISITOR);
    const made = async () => {
      const r = await c.post(
        '/api/immersions/requests',
        input({ offerId: bare.id, periodId: bare.periodId }),
      );
      expect(r.statusCode, r.body).toBe(201);
      return (await view(VISITOR, (r.json() as { id: string }).id)).body.programme?.id ?? null;
    };
    // With the demo's SAM-E suite shared too, the choice is not the platform's to make.
    expect(await made()).toBe(shared.length === 1 ? programmeId : null);
    // Once only one is open on the dates, it is that one (the others' ends put back afterwards).
    const others = shared.filter((id) => id !== programmeId);
    const ends = await sql<{ id: string; ends_on: string }>`select id, ends_on::text from programmes
      where id = any(${others}::uuid[])`.execute(fx.db);
    const setEnd = (id: string, end: string) =>
      withContext(fx.db, { platformAdmin: true }, (trx) =>
        sql`update programmes set ends_on = ${end}::date where id = ${id}::uuid`.execute(trx),
      );
    for (const o of ends.rows) await setEnd(o.id, '2027-01-31');
    expect(await made()).toBe(programmeId);
    for (const o of ends.rows) await setEnd(o.id, o.ends_on);
  });

  it('keeps a draft and a request with the manager from the host and from any third organisation', async () => {
    const c = await t.login(VISITOR);
    const created = await c.post('/api/immersions/requests', input());
    expect(created.statusCode, created.body).toBe(201);
    a = created.json().id;
    expect((await view(VISITOR, a)).body.request.status).toBe('draft');
    expect((await view(HOST, a)).status).toBe(404);
    expect((await view(THIRD, a)).status).toBe(404);
    expect((await move(VISITOR, a, 'submit')).statusCode).toBe(200);
    expect((await view(HOST, a)).status).toBe(404);
    const hostList = (
      await (await t.login(HOST)).get('/api/immersions/requests?scope=host')
    ).json() as RequestList;
    expect(hostList.items.map((i) => i.id)).not.toContain(a);
    expect(
      (await rows(p.host, 'select count(*)::int as n from immersion_requests where id = $id', a)).rows[0]?.n,
    ).toBe(0);
    // The host cannot act on it either, even knowing its id.
    expect((await move(HOST, a, 'approve_host')).statusCode).toBe(404);
    // The professional cannot approve as manager; the manager can.
    expect((await move(VISITOR, a, 'approve_manager')).statusCode).toBe(403);
    const queue = (
      await (await t.login(MANAGER)).get('/api/immersions/requests?scope=manager')
    ).json() as RequestList;
    expect(queue.items.map((i) => i.id)).toContain(a);
    expect((await move(MANAGER, a, 'approve_manager')).statusCode).toBe(200);
    const seen = await view(HOST, a);
    expect(seen.status).toBe(200);
    expect(seen.body.request.status).toBe('awaiting_host');
    expect(seen.body.request.side).toBe('host');
    expect(seen.body.people.visitor).toBe('Lotte Uitwisseling');
    expect(seen.body.actions.map((x) => x.action).sort()).toEqual(['approve_host', 'decline_host']);
    // A third organisation sees nothing, through the API or the database, and cannot write.
    expect((await view(THIRD, a)).status).toBe(404);
    expect((await move(THIRD, a, 'approve_host')).statusCode).toBe(404);
    expect(
      (await rows(p.third, 'select count(*)::int as n from immersion_requests where id = $id', a)).rows[0]?.n,
    ).toBe(0);
    const upd = await fx.asOrg(p.third, (trx) =>
      sql`update immersion_requests set objectives = 'Overschreven door derde' where id = ${a}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(upd.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(p.third, (trx) =>
        sql`insert into immersion_requests (org_id, host_org_id, offer_id, visitor_user_id, kind, theme,
          objectives, starts_on, ends_on, days) values (${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid,
          ${offer.id}::uuid, ${p.visitor.userId}::uuid, 'short', 'youth', 'Ingevoegd door een derde',
          '2027-03-02', '2027-03-03', 2)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('warns all three sides of the yearly rule, and refuses the host beyond the period’s capacity', async () => {
    const c = await t.login(VISITOR);
    const created = await c.post('/api/immersions/requests', {
      ...input({ startsOn: '2027-03-03', endsOn: '2027-03-05' }),
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    b = created.json().id;
    const mine = await view(VISITOR, b);
    expect(mine.body.warnings.yearly).toEqual({ code: 'above_yearly_max', total: 6, minDays: 2, maxDays: 5 });
    expect((await view(MANAGER, b)).body.warnings.yearly?.total).toBe(6);
    expect((await move(MANAGER, b, 'approve_manager')).statusCode).toBe(200);
    expect((await view(HOST, b)).body.warnings.yearly?.code).toBe('above_yearly_max');
    // The rule is a warning, never a block: the host approves the first one...
    expect((await move(HOST, a, 'approve_host')).statusCode).toBe(200);
    // ...and the period (one place) is then full for the second, overlapping one.
    const full = await view(HOST, b);
    expect(full.body.warnings.capacity).toEqual({ capacity: 1, taken: 1, full: true });
    expect(full.body.actions.find((x) => x.action === 'approve_host')?.blockedBy).toEqual([
      'capacity_available',
    ]);
    const refused = await move(HOST, b, 'approve_host');
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toMatch(/complète/);
    // The requester is warned before sending a third one.
    const { objectives: _o, schedule: _s, ...asked } = input();
    const preview = await c.post('/api/immersions/requests/preview', asked);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().warnings.capacity.full).toBe(true);
    // The host declines with a reason (none given: refused).
    expect((await move(HOST, b, 'decline_host')).statusCode).toBe(400);
    expect((await move(HOST, b, 'decline_host', 'Periode volzet')).statusCode).toBe(200);
  });

  it('lets the host change only its own side, in the database too', async () => {
    await expect(
      fx.asOrg(p.host, (trx) =>
        sql`update immersion_requests set objectives = 'Door de onthaalorganisatie gewijzigd'
          where id = ${a}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/the host may only/);
    await expect(
      fx.asOrg(p.visitor, (trx) =>
        sql`insert into immersion_requests (org_id, host_org_id, offer_id, visitor_user_id, kind, theme,
          objectives, starts_on, ends_on, days, status) values (${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid,
          ${offer.id}::uuid, ${p.visitor.userId}::uuid, 'short', 'youth', 'Meteen overeengekomen?',
          '2027-03-08', '2027-03-09', 2, 'agreed')`.execute(trx),
      ),
    ).rejects.toThrow(/starts as a draft/);
    // What both approved stays as approved: the visitor's side changes neither dates nor host afterwards.
    await expect(
      fx.asOrg(p.visitor, (trx) =>
        sql`update immersion_requests set ends_on = '2027-03-12', days = 9 where id = ${a}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/only as a draft/);
    await expect(
      fx.asOrg(p.visitor, (trx) =>
        sql`update immersion_requests set host_org_id = ${p.third.orgId}::uuid where id = ${a}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/keeps its parties/);
    // The host may still delete a period its visitors asked for: the requests keep the offer's capacity.
    const spare = await fx.asOrg(p.host, (trx) =>
      sql<{ id: string }>`insert into immersion_offer_periods (offer_id, org_id, starts_on, ends_on)
        values (${offer.id}::uuid, ${p.host.orgId}::uuid, '2027-06-01', '2027-06-30') returning id`.execute(
        trx,
      ),
    );
    await withContext(fx.db, { platformAdmin: true }, (trx) =>
      sql`update immersion_requests set period_id = ${spare.rows[0]!.id}::uuid where id = ${b}::uuid`.execute(
        trx,
      ),
    );
    await fx.asOrg(p.host, (trx) =>
      sql`delete from immersion_offer_periods where id = ${spare.rows[0]!.id}::uuid`.execute(trx),
    );
    const left = await sql<{ period_id: string | null }>`select period_id from immersion_requests
      where id = ${b}::uuid`.execute(fx.db);
    expect(left.rows[0]?.period_id).toBeNull();
  });

  it('records the undertaking by the visitor’s own signature, the host’s observer consents, and a logbook the host reads only where shared', async () => {
    const signAs = async (email: string, role: string) =>
      (await t.login(email)).post(`/api/immersions/requests/${a}/signatures`, {
        role,
        method: 'account',
        accept: true,
      });
    // The undertaking is the visitor's signature: her manager cannot give it in her name.
    expect((await signAs(MANAGER, 'visitor')).statusCode).toBe(403);
    expect((await signAs(VISITOR, 'visitor')).statusCode).toBe(200);
    expect((await move(VISITOR, a, 'start')).statusCode).toBe(409);
    expect((await signAs(MANAGER, 'visitor_org')).statusCode).toBe(200);
    expect((await signAs(HOST, 'host')).statusCode).toBe(200);
    // Time passes: the immersion took place last month.
    await fx.setDates(a, '2026-11-03', '2026-11-05');
    expect((await move(VISITOR, a, 'start')).statusCode).toBe(200);
    const h = await t.login(HOST);
    const consent = await h.post(`/api/immersions/requests/${a}/observer-consents`, {
      heldOn: '2026-11-04',
      activity: "Entretiens d'accueil",
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(
      (
        await h.post(`/api/immersions/requests/${a}/observer-consents`, {
          heldOn: '2026-12-01',
          activity: 'Atelier',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await (
          await t.login(VISITOR)
        ).post(`/api/immersions/requests/${a}/observer-consents`, {
          heldOn: '2026-11-04',
          activity: 'Atelier',
        })
      ).statusCode,
    ).toBe(403);
    const v = await t.login(VISITOR);
    const shared = await v.post(`/api/immersions/requests/${a}/logbook`, {
      entryOn: '2026-11-03',
      body: 'Groepsatelier met zes deelnemers.',
      sharedWithHost: true,
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const own = await v.post(`/api/immersions/requests/${a}/logbook`, {
      entryOn: '2026-11-04',
      body: 'Persoonlijke notitie, niet gedeeld.',
      sharedWithHost: false,
    });
    expect(own.statusCode).toBe(201);
    expect(
      (
        await v.post(`/api/immersions/requests/${a}/logbook`, {
          entryOn: '2026-11-20',
          body: 'Buiten',
          sharedWithHost: false,
        })
      ).statusCode,
    ).toBe(400);
    // The manager reads the logbook but does not write it: it is the visitor's own.
    expect(
      (
        await (
          await t.login(MANAGER)
        ).post(`/api/immersions/requests/${a}/logbook`, {
          entryOn: '2026-11-04',
          body: 'Door de leidinggevende',
          sharedWithHost: true,
        })
      ).statusCode,
    ).toBe(403);
    const hostView = (await view(HOST, a)).body;
    expect(hostView.logbook.map((e) => e.body)).toEqual(['Groepsatelier met zes deelnemers.']);
    expect(hostView.consents.map((c) => c.activity)).toEqual(["Entretiens d'accueil"]);
    expect(hostView.confidentialityAcceptedAt).not.toBeNull();
    expect((await view(VISITOR, a)).body.logbook).toHaveLength(2);
    expect((await view(MANAGER, a)).body.consents).toHaveLength(1);
    // In the database: the host reads the shared entry only, writes none; a third organisation reads nothing.
    const hostRows = await rows(
      p.host,
      'select count(*)::int as n from immersion_logbook_entries where request_id = $id',
      a,
    );
    expect(hostRows.rows[0]?.n).toBe(1);
    const thirdRows = await rows(
      p.third,
      'select (select count(*) from immersion_logbook_entries where request_id = $id) + (select count(*) from immersion_observer_consents where request_id = $id)::int as n',
      a,
    );
    expect(Number(thirdRows.rows[0]?.n)).toBe(0);
    const sharedOff = await fx.asOrg(p.host, (trx) =>
      sql`update immersion_logbook_entries set shared_with_host = true where request_id = ${a}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(sharedOff.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(p.host, (trx) =>
        sql`insert into immersion_logbook_entries (request_id, org_id, host_org_id, entry_on, body)
          values (${a}::uuid, ${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid, '2026-11-04', 'Ingevoegd')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      fx.asOrg(p.third, (trx) =>
        sql`insert into immersion_observer_consents (request_id, org_id, visitor_org_id, held_on, activity)
          values (${a}::uuid, ${p.third.orgId}::uuid, ${p.visitor.orgId}::uuid, '2026-11-04', 'Intrus')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security|foreign key|violates/);
    // Nothing else of the visitor's organisation: no persons, no other staff.
    const leak = await fx.asOrg(p.host, (trx) =>
      sql<{ n: number }>`select (select count(*) from persons where org_id = ${p.visitor.orgId}::uuid)
        + (select count(*) from users u where u.id in (${p.visitor.userId}::uuid, ${p.manager.userId}::uuid))
        + (select count(*) from immersion_requests where org_id = ${p.visitor.orgId}::uuid and sent_to_host_at is null)
        as n`.execute(trx),
    );
    expect(Number(leak.rows[0]?.n)).toBe(0);
  });

  it('completes, asks for the report, and shows it to the host once submitted', async () => {
    expect((await move(VISITOR, a, 'complete')).statusCode).toBe(200);
    const items = async (email: string) =>
      (
        (await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }
      ).items.filter((i) => i.key.startsWith('immersions.requests.attention.'));
    // Ended 2026-11-05, due 14 days later: overdue on 2026-12-07. The demo's immersion ending on the day
    // it was seeded may be due too, depending on that day.
    const due = (await items(VISITOR)).find((i) => i.key.endsWith('report_due'));
    expect(due).toMatchObject({ severity: 'high' });
    expect(due?.count).toBeGreaterThanOrEqual(1);
    const v = await t.login(VISITOR);
    const draft = {
      surprised: 'De tijd voor het eerste gesprek.',
      worksDifferently: '',
      toTransfer: '',
      submit: false,
    };
    expect((await v.put(`/api/immersions/requests/${a}/report`, draft)).statusCode).toBe(200);
    expect((await view(HOST, a)).body.report).toBeNull();
    const incomplete = await v.put(`/api/immersions/requests/${a}/report`, { ...draft, submit: true });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toMatch(/verslag/);
    const full = {
      surprised: 'De tijd voor het eerste gesprek.',
      worksDifferently: 'Werkgevers komen langs.',
      toTransfer: 'Een werkgeversdag.',
      submit: true,
    };
    expect((await v.put(`/api/immersions/requests/${a}/report`, full)).statusCode).toBe(200);
    expect((await view(HOST, a)).body.report?.toTransfer).toBe('Een werkgeversdag.');
    expect((await v.put(`/api/immersions/requests/${a}/report`, full)).statusCode).toBe(409);
    // This report no longer due: one fewer (the demo's may remain).
    expect((await items(VISITOR)).find((i) => i.key.endsWith('report_due'))?.count ?? 0).toBe(due!.count - 1);
  });

  it('keeps the report and the programme’s rule from any other organisation, in the database too', async () => {
    const seen = await rows(
      p.third,
      'select count(*)::int as n from immersion_reports where request_id = $id',
      a,
    );
    expect(seen.rows[0]?.n).toBe(0);
    const changed = await fx.asOrg(p.third, (trx) =>
      sql`update immersion_reports set to_transfer = 'Overschreven' where request_id = ${a}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(p.third, (trx) =>
        sql`insert into immersion_reports (request_id, org_id, host_org_id, surprised)
          values (${a}::uuid, ${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid, 'Intrus')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security|violates/);
    // The host reads the submitted report but cannot change it.
    const hostChanged = await fx.asOrg(p.host, (trx) =>
      sql`update immersion_reports set to_transfer = 'Door de onthaalorganisatie' where request_id = ${a}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(hostChanged.numAffectedRows ?? 0)).toBe(0);
    // The yearly rule is the lead's: a partner neither sets it through the API nor in the database.
    expect(
      (
        await (
          await t.login(HOST)
        ).put(`/api/programmes/${programmeId}/immersions/rule`, { minDays: 1, maxDays: 9 })
      ).statusCode,
    ).toBe(403);
    await expect(
      fx.asOrg(p.third, (trx) =>
        sql`insert into immersion_rules (programme_id, org_id, short_min_days, short_max_days)
          values (${programmeId}::uuid, ${p.third.orgId}::uuid, 1, 9)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    const lead = await t.login('coordination@udccas-nord.example');
    expect(
      (await lead.put(`/api/programmes/${programmeId}/immersions/rule`, { minDays: 5, maxDays: 2 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await lead.put(`/api/programmes/${programmeId}/immersions/rule`, { minDays: 2, maxDays: 8 }))
        .statusCode,
    ).toBe(200);
    // Now 6 days on the theme stay within the rule: no warning any more, on either side.
    expect((await view(HOST, b)).body.warnings.yearly).toBeNull();
    expect(
      (await lead.put(`/api/programmes/${programmeId}/immersions/rule`, { minDays: 2, maxDays: 5 }))
        .statusCode,
    ).toBe(200);
  });

  it('reminds the visitor once a week before the report is due and once when it is overdue, in their language', async () => {
    // Ended immersions written straight into the table, as time passing would leave them.
    const ended = (visitor: Member, status: string, endsOn: string) =>
      withContext(fx.db, { platformAdmin: true }, async (trx) => {
        const r = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
            visitor_user_id, requested_by, status, kind, theme, objectives, starts_on, ends_on, days,
            sent_to_host_at) values (${visitor.orgId}::uuid, ${p.host.orgId}::uuid, ${offer.id}::uuid,
            ${visitor.userId}::uuid, ${visitor.userId}::uuid, ${status}, 'short', 'youth',
            'Een afgeronde inleefstage zonder verslag', ${endsOn}::date - 1, ${endsOn}::date, 2, now())
          returning id`.execute(trx);
        return r.rows[0]!.id;
      });
    const id = await ended(p.visitor, 'completed', '2026-10-07');
    // A French-speaking visitor of another organisation, whose immersion is still marked as under way.
    const french = await ended(p.third, 'in_progress', '2026-10-07');
    // The same dates, the report submitted: nothing to remind.
    const submitted = await ended(p.visitor, 'completed', '2026-10-07');
    await withContext(fx.db, { platformAdmin: true }, (trx) =>
      sql`insert into immersion_reports (request_id, org_id, host_org_id, surprised, works_differently,
          to_transfer, submitted_at) values (${submitted}::uuid, ${p.visitor.orgId}::uuid,
          ${p.host.orgId}::uuid, 'Het onthaal', 'De werkgevers', 'Een werkgeversdag', now())`.execute(trx),
    );
    // The home page says the same to the French visitor (no other immersion of theirs): from the last day,
    // with the due date, urgent once it is past.
    const reportItem = (today: string) =>
      withContext(fx.db, { userId: p.third.userId, orgId: p.third.orgId, today }, async (trx) =>
        (await requestAttention(trx, { ...actorOf(p.third), roles: ['coordinator'] }, { today })).find(
          (i) => i.key === 'immersions.requests.attention.report_due',
        ),
      );
    expect(await reportItem('2026-10-06')).toBeUndefined();
    expect(await reportItem('2026-10-07')).toMatchObject({
      count: 1,
      severity: 'normal',
      dueOn: '2026-10-21',
    });
    expect(await reportItem('2026-10-21')).toMatchObject({ severity: 'normal', dueOn: '2026-10-21' });
    expect(await reportItem('2026-10-22')).toMatchObject({ severity: 'high', dueOn: '2026-10-21' });
    const reminders = (day: string) => runRequestReminders({ ...t.deps, clock: fixedClock(day) });
    const sent = async (request: string) =>
      (
        await sql<{
          template: string;
          to_address: string;
          locale: string;
          subject: string;
          body_text: string;
        }>`
          select template, to_address, locale, subject, body_text from mail_outbox
          where template like 'immersions.requests.report_%' and body_text like ${`%${request}%`}
          order by created_at`.execute(fx.db)
      ).rows;
    const templates = async (request: string) => (await sent(request)).map((m) => m.template);
    const SOON = 'immersions.requests.report_due_soon';
    const OVERDUE = 'immersions.requests.report_overdue';
    // Ended 2026-10-07: reminded from the 14th (a week before the due date, the 21st), overdue from the 22nd.
    // Not while it takes place, nor on its last day, nor in the days right after.
    for (const day of ['2026-10-06', '2026-10-07', '2026-10-13']) {
      await reminders(day);
      expect(await templates(id), day).toEqual([]);
      expect(await templates(french), day).toEqual([]);
    }
    await reminders('2026-10-14');
    const soon = await sent(id);
    expect(soon.map((m) => [m.template, m.to_address, m.locale])).toEqual([[SOON, VISITOR, 'nl']]);
    expect(soon[0]?.subject).toContain('2026-10-21');
    expect(soon[0]?.body_text).toMatch(/verwonderingsverslag.*uiterlijk op 2026-10-21/);
    expect(soon[0]?.body_text).toContain('2026-10-06 – 2026-10-07');
    expect(soon[0]?.body_text).toContain(`/app/immersions/requests/${id}`);
    const fr = await sent(french);
    expect(fr.map((m) => [m.template, m.to_address, m.locale])).toEqual([[SOON, THIRD, 'fr']]);
    expect(fr[0]?.body_text).toMatch(/rapport d’étonnement est attendu au plus tard le 2026-10-21/);
    // Once, however often the job runs, up to the due date included.
    await reminders('2026-10-15');
    await reminders('2026-10-21');
    expect(await templates(id)).toEqual([SOON]);
    expect(await templates(french)).toEqual([SOON]);
    // Then, the day after the due date, the overdue one, once too.
    await reminders('2026-10-22');
    await reminders('2026-10-23');
    expect((await sent(id)).map((m) => [m.template, m.to_address, m.locale])).toEqual([
      [SOON, VISITOR, 'nl'],
      [OVERDUE, VISITOR, 'nl'],
    ]);
    expect(await templates(french)).toEqual([SOON, OVERDUE]);
    expect(await templates(submitted)).toEqual([]);
    // Both markers are set on the request: nothing is sent again after a restart.
    const marks = await sql<{ soon: string | null; overdue: string | null }>`select
        report_due_reminded_on::text as soon, report_reminded_on::text as overdue from immersion_requests
        where id = ${id}::uuid`.execute(fx.db);
    expect(marks.rows[0]).toEqual({ soon: '2026-10-14', overdue: '2026-10-22' });
  });

  it('sends no before-due reminder once the due date is past: a late run sends only the overdue one', async () => {
    const id = await withContext(fx.db, { platformAdmin: true }, async (trx) => {
      const r = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
          visitor_user_id, requested_by, status, kind, theme, objectives, starts_on, ends_on, days,
          sent_to_host_at) values (${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid, ${offer.id}::uuid,
          ${p.visitor.userId}::uuid, ${p.visitor.userId}::uuid, 'completed', 'short', 'youth',
          'Een afgeronde inleefstage zonder verslag', '2026-09-01', '2026-09-02', 2, now())
        returning id`.execute(trx);
      return r.rows[0]!.id;
    });
    await runRequestReminders({ ...t.deps, clock: fixedClock('2026-09-30') });
    const templates = (
      await sql<{ template: string }>`select template from mail_outbox
        where template like 'immersions.requests.report_%' and body_text like ${`%${id}%`}`.execute(fx.db)
    ).rows.map((r) => r.template);
    expect(templates).toEqual(['immersions.requests.report_overdue']);
  });

  it('mails each move to the named people in their language, with names and dates only', async () => {
    while ((await t.deps.jobs.runDue(50)) > 0);
    const mails = (
      await sql<{ to_address: string; locale: string; template: string; body_text: string; org_id: string }>`
        select to_address, locale, template, body_text, org_id from mail_outbox
        where template like 'immersions.requests.%' and body_text like ${`%${a}%`}
        order by created_at, to_address`.execute(fx.db)
    ).rows;
    const of = (template: string) => mails.filter((m) => m.template === `immersions.requests.${template}`);
    expect(of('submit').map((m) => [m.to_address, m.locale])).toContainEqual([MANAGER, 'nl']);
    expect(of('approve_manager').map((m) => [m.to_address, m.locale, m.org_id])).toContainEqual([
      HOST,
      'fr',
      p.host.orgId,
    ]);
    expect(of('approve_manager').map((m) => m.to_address)).toContain(VISITOR);
    expect(of('approve_host').map((m) => m.to_address)).toEqual(expect.arrayContaining([VISITOR, MANAGER]));
    expect(of('approve_host').map((m) => m.to_address)).not.toContain(HOST);
    expect(of('report_submitted').map((m) => m.to_address)).toContain(HOST);
    for (const m of mails) {
      expect(m.body_text).not.toContain('jongeren naar werk');
      expect(m.body_text).not.toContain('werkgeversdag');
    }
  });

  it('counts the professional in the indicators, pseudonymously, and in the partners’ year', async () => {
    const scope = { programmeId, from: '2026-01-01', to: '2026-12-31' };
    const run = (name: string, params: Record<string, unknown> = {}) => {
      const rule = immersionIndicatorRules.find((r) => r.code === `immersions.${name}`)!;
      const defaults = Object.fromEntries(
        Object.entries(rule.params).map(([k, s]) => [k, s.kind === 'set' ? [...s.default] : s.default]),
      );
      return fx.asOrg(p.lead, async (trx) => ({
        count: await rule.count(trx, { ...scope, params: { ...defaults, ...params } as never }),
        records: await rule.records(trx, { ...scope, params: { ...defaults, ...params } as never }),
      }));
    };
    const completed = await run('professionals_completed');
    expect(completed.count.total).toBe(1);
    expect(completed.records).toHaveLength(1);
    expect(completed.records[0]).toMatchObject({ personId: null, partnerOrgId: p.visitor.orgId });
    expect(completed.records[0]?.subject).toMatch(/^PRO-[0-9A-F]{10}$/);
    expect(JSON.stringify(completed.records)).not.toMatch(/Lotte|Uitwisseling/);
    // Beyond the days given, not counted.
    expect((await run('professionals_completed', { maxDays: 2 })).count.total).toBe(0);
    expect((await run('joint_training_participations')).count.total).toBe(1);
    expect((await run('joint_training_completions')).count.total).toBe(1);

    const year = await (await t.login(HOST)).get(
      `/api/programmes/${programmeId}/immersions/partners?year=2026`,
    );
    expect(year.statusCode, year.body).toBe(200);
    const partners = year.json().partners as Array<{ orgId: string; sent: number; received: number }>;
    expect(partners.find((x) => x.orgId === p.visitor.orgId)).toMatchObject({ sent: 1, received: 0 });
    expect(partners.find((x) => x.orgId === p.host.orgId)).toMatchObject({ sent: 0, received: 1 });
    // Not a partner of the programme: refused.
    const other = await fx.programme(p.lead, 'IMM-O', [p.visitor.orgId]);
    expect((await (await t.login(HOST)).get(`/api/programmes/${other}/immersions/partners`)).statusCode).toBe(
      403,
    );
    const bad = await (await t.login(HOST)).get(
      `/api/programmes/${programmeId}/immersions/partners?year=abc`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('shows each side its work on the home page', async () => {
    const c = await t.login(VISITOR);
    const pending = await c.post('/api/immersions/requests', {
      ...input({ startsOn: '2027-03-16', endsOn: '2027-03-17' }),
      submit: true,
    });
    expect(pending.statusCode, pending.body).toBe(201);
    const items = async (email: string) =>
      ((await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }).items.map(
        (i) => i.key,
      );
    expect(await items(MANAGER)).toContain('immersions.requests.attention.manager');
    expect((await move(MANAGER, pending.json().id, 'approve_manager')).statusCode).toBe(200);
    expect(await items(HOST)).toContain('immersions.requests.attention.host');
    expect(await items(THIRD)).not.toContain('immersions.requests.attention.host');
  });
});
