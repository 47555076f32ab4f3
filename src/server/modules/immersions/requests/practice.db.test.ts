import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import type { RequestView } from '../../../../common/immersions/request-schemas';
import { fixedClock } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';
import { requestFixtures } from './fixtures.testing';
import { runTakeUpReminders } from './takeup-reminders';

/**
 * What an immersion leaves for the practice library, on both engines: the good-practice sheet drawn from
 * the submitted report (by the visitor's organisation only, once, owned by it, with the right source,
 * programme and partner), and the take-up question six months after the end (one mail, never twice,
 * never before nor long after; the home-page item for 30 days), with the reminder column of migration 0030
 * out of reach of the host and of a third organisation.
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
  programmeId = await fx.programme(p.lead, 'IMM-P', [p.visitor.orgId, p.host.orgId, p.third.orgId]);
  offer = await fx.offer(p.host, { programmeId, capacity: 3, period: ['2026-01-05', '2026-12-31'] });
});
afterAll(async () => t?.close());

/** An immersion that took place, written as the system would have left it (sent, agreed, then moved on). */
const immersion = (status: string, startsOn: string, endsOn: string) =>
  withContext(fx.db, { platformAdmin: true }, async (trx) => {
    const r = await sql<{ id: string }>`insert into immersion_requests (org_id, host_org_id, offer_id,
        period_id, programme_id, visitor_user_id, requested_by, status, kind, theme, objectives, starts_on,
        ends_on, days, sent_to_host_at) values (${p.visitor.orgId}::uuid, ${p.host.orgId}::uuid,
        ${offer.id}::uuid, ${offer.periodId}::uuid, ${programmeId}::uuid, ${p.visitor.userId}::uuid,
        ${p.visitor.userId}::uuid, ${status}, 'short', 'youth', 'Zien hoe het team jongeren begeleidt.',
        ${startsOn}::date, ${endsOn}::date, 2, now()) returning id`.execute(trx);
    return r.rows[0]!.id;
  });

const view = async (email: string, id: string) => {
  const r = await (await t.login(email)).get(`/api/immersions/requests/${id}`);
  return { status: r.statusCode, body: r.json() as RequestView };
};
const draw = async (email: string, id: string) =>
  (await t.login(email)).post(`/api/immersions/requests/${id}/practice`);
const report = (submit: boolean) => ({
  surprised: 'Hoe snel het team met de werkgevers afspreekt.',
  worksDifferently: 'Eén loket voor jongeren en werkgevers samen.',
  toTransfer: 'Een maandelijks groepsatelier met werkgevers.',
  submit,
});
const count = (who: Member, q: string) =>
  fx.asOrg(who, async (trx) => Number((await sql.raw<{ n: number }>(q).execute(trx)).rows[0]?.n));

describe('a good-practice sheet drawn from an immersion report', () => {
  let a: string;
  let sheet: string;

  it('is refused until the report is submitted, and to anyone outside the visitor’s organisation', async () => {
    a = await immersion('completed', '2026-06-03', '2026-06-05');
    expect((await draw(VISITOR, a)).statusCode).toBe(409);
    const c = await t.login(VISITOR);
    expect((await c.put(`/api/immersions/requests/${a}/report`, report(false))).statusCode).toBe(200);
    const early = await draw(VISITOR, a);
    expect(early.statusCode).toBe(409);
    expect(early.body).toMatch(/ingediend/);
    expect((await view(VISITOR, a)).body.can.drawPractice).toBe(false);
    expect((await c.put(`/api/immersions/requests/${a}/report`, report(true))).statusCode).toBe(200);
    expect((await view(VISITOR, a)).body.can.drawPractice).toBe(true);
    // The host reads the submitted report but draws nothing from it; a third organisation sees nothing.
    expect((await view(HOST, a)).body.can.drawPractice).toBe(false);
    expect((await draw(HOST, a)).statusCode).toBe(404);
    expect((await draw(THIRD, a)).statusCode).toBe(404);
    expect((await draw(VISITOR, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await draw(VISITOR, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('makes a draft of the visitor’s organisation, prefilled, with its source, programme and host', async () => {
    const drawn = await draw(VISITOR, a);
    expect(drawn.statusCode, drawn.body).toBe(201);
    sheet = drawn.json().id;
    const row = await fx.asOrg(
      p.visitor,
      async (trx) =>
        (
          await sql<Record<string, unknown>>`select org_id, status, source_kind, source_id, programme_id,
          partner_org_ids, original_language, title_nl, title_fr, context_nl, description_nl, results_nl,
          difficulties_nl, created_by from practice_sheets where id = ${sheet}::uuid`.execute(trx)
        ).rows[0],
    );
    expect(row).toMatchObject({
      org_id: p.visitor.orgId,
      status: 'draft',
      source_kind: 'immersion_report',
      source_id: a,
      programme_id: programmeId,
      partner_org_ids: [p.host.orgId],
      // The visitor writes in Dutch: the report, hence the sheet's original version.
      original_language: 'nl',
      title_fr: null,
      context_nl: report(true).worksDifferently,
      description_nl: report(true).toTransfer,
      results_nl: report(true).surprised,
      difficulties_nl: null,
      created_by: p.visitor.userId,
    });
    expect(row?.title_nl).toMatch(/^Inschakeling van jongeren — /);
    expect(row?.title_nl).toMatch(/Tourcoing/);
    // The draft is the visitor's organisation's alone: the host does not read it.
    expect(await count(p.host, `select count(*)::int as n from practice_sheets where id = '${sheet}'`)).toBe(
      0,
    );
    const seen = await view(VISITOR, a);
    expect(seen.body.practice?.id).toBe(sheet);
    expect(seen.body.practice?.reference).toMatch(/^BP-\d{4}$/);
    expect(seen.body.can.drawPractice).toBe(false);
    expect((await view(HOST, a)).body.practice).toBeNull();
  });

  it('is drawn once: again, by the visitor or a practice writer of their organisation, is a 409', async () => {
    expect((await draw(VISITOR, a)).statusCode).toBe(409);
    const again = await draw(MANAGER, a);
    expect(again.statusCode).toBe(409);
    expect(again.body).toMatch(/al een goede-praktijkfiche/);
    expect(
      await count(
        p.visitor,
        `select count(*)::int as n from practice_sheets where source_kind = 'immersion_report' and source_id = '${a}'`,
      ),
    ).toBe(1);
  });

  it('asks the visitor once, six months after the end, whether something was taken up', async () => {
    const b = await immersion('completed', '2026-06-08', '2026-06-10');
    const stale = await immersion('completed', '2025-03-03', '2025-03-05');
    const running = await immersion('in_progress', '2026-06-03', '2026-06-05');
    const remind = (day: string) => runTakeUpReminders({ ...t.deps, clock: fixedClock(day) });
    const sent = async (marker: string) =>
      (
        await sql<{
          to_address: string;
          locale: string;
          body_text: string;
          org_id: string;
        }>`select to_address,
          locale, body_text, org_id from mail_outbox where template = 'immersions.requests.takeup_reminder'
          and body_text like ${`%${marker}%`}`.execute(fx.db)
      ).rows;
    // `a` ended on 5 June: asked from 5 December, with the sheet drawn from its report.
    await remind('2026-12-04');
    expect(await sent(sheet)).toEqual([]);
    await remind('2026-12-05');
    const mails = await sent(sheet);
    expect(mails.map((m) => [m.to_address, m.locale, m.org_id])).toEqual([[VISITOR, 'nl', p.visitor.orgId]]);
    expect(mails[0]?.body_text).toMatch(/overgenomen/);
    expect(mails[0]?.body_text).toContain(`/app/practices?org=${p.host.orgId}`);
    expect(mails[0]?.body_text).toContain('Inschakeling van jongeren');
    // Names and dates only: nothing of the objectives nor of the report.
    expect(mails[0]?.body_text).not.toMatch(/groepsatelier|jongeren begeleidt|werkgevers/);
    await remind('2026-12-06');
    expect(await sent(sheet)).toHaveLength(1);
    // `b`: no sheet drawn, the mail links to the request to draw one; sent once as well.
    await remind('2026-12-10');
    await remind('2026-12-11');
    const forB = await sent(`/app/immersions/requests/${b}`);
    expect(forB).toHaveLength(1);
    expect(forB[0]?.body_text).toMatch(/uit uw verwonderingsverslag halen/);
    // An immersion ended long ago gets no stale question; one not completed gets none.
    expect(await sent(`/app/immersions/requests/${stale}`)).toEqual([]);
    expect(await sent(`/app/immersions/requests/${running}`)).toEqual([]);
    const reminded = await count(
      p.visitor,
      `select count(*)::int as n from immersion_requests where takeup_reminded_on is not null
        and id in ('${a}', '${b}', '${stale}', '${running}')`,
    );
    expect(reminded).toBe(2);
  });

  it('keeps the reminder column from the host and from a third organisation', async () => {
    expect(await count(p.third, `select count(*)::int as n from immersion_requests where id = '${a}'`)).toBe(
      0,
    );
    const upd = await fx.asOrg(p.third, (trx) =>
      sql`update immersion_requests set takeup_reminded_on = null where id = ${a}::uuid`.execute(trx),
    );
    expect(Number(upd.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(p.host, (trx) =>
        sql`update immersion_requests set takeup_reminded_on = null where id = ${a}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/host may only/);
    expect(
      await count(
        p.visitor,
        `select count(*)::int as n from immersion_requests where id = '${a}' and takeup_reminded_on is not null`,
      ),
    ).toBe(1);
  });

  it('shows the visitor the question on the home page for 30 days from six months after the end', async () => {
    // The app's day is 7 December: `a` (asked from 5 December) is in its 30 days.
    const items = async (email: string) =>
      ((await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }).items;
    const takeUp = async (email: string) =>
      (await items(email)).find((i) => i.key === 'immersions.requests.attention.takeup');
    expect((await takeUp(VISITOR))?.count).toBeGreaterThanOrEqual(1);
    expect(await takeUp(HOST)).toBeUndefined();
    expect(await takeUp(MANAGER)).toBeUndefined();
    const before = (await takeUp(VISITOR))?.count ?? 0;
    // Not yet six months (ended 10 June: from 10 December), and past the 30 days (ended 1 May).
    await fx.setDates(a, '2026-06-09', '2026-06-10');
    expect((await takeUp(VISITOR))?.count ?? 0).toBe(before - 1);
    await fx.setDates(a, '2026-04-29', '2026-05-01');
    expect((await takeUp(VISITOR))?.count ?? 0).toBe(before - 1);
    await fx.setDates(a, '2026-06-03', '2026-06-05');
    expect((await takeUp(VISITOR))?.count).toBe(before);
  });
});
