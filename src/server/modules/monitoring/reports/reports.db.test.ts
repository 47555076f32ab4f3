import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import { fixedClock } from '../../../../common/kernel/clock';
import type { ReportList, ReportView } from '../../../../common/monitoring/report-schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';
import { runReportReminders } from './reminders';

/**
 * Progress reports on both engines: figures snapshotted at creation (previous, this period, cumulative),
 * refreshed on request while a draft, frozen on submission (in the database too), re-opened with a reason
 * into a new version while every earlier one is kept; partners read submitted versions only; another
 * organisation reads and writes nothing; the exports are in the language asked for.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let reportId: string;
type Member = Awaited<ReturnType<ReturnType<typeof agreementFixtures>['member']>>;
let lead: Member;
let home: Member;
let host: Member;
let outsider: Member;

const place = (startsOn: string, endsOn: string) =>
  fx.createAgreement(home, host, { programmeId, startsOn, endsOn, status: 'completed' });

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  home = await fx.member('referent@cpas-mouscron.example');
  host = await fx.member('tuteur@atelier-roubaix.example');
  outsider = await fx.member('analist@west-vlaanderen.example');
  const kortrijk = await fx.member('financien@ocmw-kortrijk.example');
  programmeId = await fx.createProgramme(lead.orgId, 'REP-T');
  for (const org of [home.orgId, kortrijk.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
  // Five persons placed before the period (January–June), six during it.
  for (let i = 0; i < 5; i++) await place(`2026-02-0${i + 2}`, `2026-05-2${i}`);
  for (let i = 0; i < 6; i++) await place(`2026-08-0${i + 3}`, `2026-11-2${i}`);
  const coord = await t.login('coordination@udccas-nord.example');
  const r = await coord.post(`/api/programmes/${programmeId}/indicators`, {
    code: 'P1',
    euCode: 'RCO82',
    kind: 'output',
    unit: 'persons',
    labelFr: 'Personnes en chantier',
    labelNl: 'Personen op een werkplek',
    labelEn: 'Persons placed',
    baseline: 0,
    target: 50,
    actionId: null,
    ruleCode: 'placements.persons_placed',
    ruleParams: { minDurationDays: 56 },
  });
  expect(r.statusCode, r.body).toBe(201);
  // Kortrijk declares its expenditure of the period.
  const fin = await t.login('financien@ocmw-kortrijk.example');
  const d = await fin.post(`/api/programmes/${programmeId}/expenditure`, { period: '2026-S2' });
  expect(d.statusCode, d.body).toBe(201);
  const item = await fin.post(`/api/expenditure/${d.json().id}/items`, {
    category: 'travel',
    actionId: null,
    description: 'Treinreizen Kortrijk–Rijsel',
    supplier: 'NMBS',
    invoiceNumber: 'NB-7',
    invoiceDate: '2026-09-10',
    paidOn: '2026-09-20',
    amount: '386.40',
    proofRef: null,
  });
  expect(item.statusCode, item.body).toBe(201);
  expect((await fin.post(`/api/expenditure/${d.json().id}/submit`)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const input = { period: '2026-S2', startsOn: '2026-07-01', endsOn: '2026-12-31', dueOn: '2027-02-28' };
const p1 = (v: ReportView) => v.figures.indicators.find((i) => i.code === 'P1');

describe('a progress report', () => {
  it('refuses a period that makes no sense, with translated errors, and creates nothing', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    for (const [bad, pattern] of [
      [{ endsOn: '2026-06-30' }, /précède son début/],
      [{ startsOn: '2025-07-01' }, /hors de la période du programme/],
      [{ dueOn: '2026-12-01' }, /avant la fin de sa période/],
      [{ period: '2026\u0000S2' }, /./],
      [{ dueOn: '2027-02-30' }, /./],
    ] as const) {
      const r = await coord.post(`/api/programmes/${programmeId}/reports`, { ...input, ...bad });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toMatch(pattern);
    }
    const list = (await coord.get(`/api/programmes/${programmeId}/reports`)).json() as ReportList;
    expect(list.items).toEqual([]);
    expect(list.canManage).toBe(true);
  });

  it('snapshots the figures when created: before the period, during it, cumulative', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/reports`, input);
    expect(r.statusCode, r.body).toBe(201);
    reportId = r.json().id;
    expect((await coord.post(`/api/programmes/${programmeId}/reports`, input)).statusCode).toBe(409);
    const v = (await coord.get(`/api/reports/${reportId}`)).json() as ReportView;
    expect(v.version).toMatchObject({ number: 1, status: 'draft' });
    expect(v.canEdit).toBe(true);
    expect(p1(v)).toMatchObject({ previous: 5, thisPeriod: 6, cumulative: 11, target: 50, percent: 22 });
    const kortrijk = (await fx.member('financien@ocmw-kortrijk.example')).orgId;
    expect(v.figures.expenditure.byPartnerCategory).toContainEqual(
      expect.objectContaining({ orgId: kortrijk, category: 'travel', declaredPeriod: '386.40' }),
    );
    expect(v.figures.expenditure.missingDeclarations).toContain(home.orgId);
    expect(v.figures.expenditure.missingDeclarations).not.toContain(kortrijk);
  });

  it('keeps a draft from the partners and everything from another organisation (API and database)', async () => {
    const partner = await t.login('coordination@cpas-mouscron.example');
    const list = (await partner.get(`/api/programmes/${programmeId}/reports`)).json() as ReportList;
    expect(list.items).toMatchObject([{ id: reportId, status: 'draft', readableVersion: null }]);
    expect(list.canManage).toBe(false);
    expect((await partner.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
    expect((await partner.post(`/api/reports/${reportId}/submit`)).statusCode).toBe(403);

    const analyst = await t.login('analist@west-vlaanderen.example');
    expect((await analyst.get(`/api/programmes/${programmeId}/reports`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/reports/${reportId}/report.pdf`)).statusCode).toBe(404);
    const seen = await fx.asOrg(outsider, (trx) =>
      sql`select r.id from progress_reports r where r.programme_id = ${programmeId}::uuid union all
        select v.id from progress_report_versions v where v.report_id = ${reportId}::uuid`.execute(trx),
    );
    expect(seen.rows).toHaveLength(0);
    const updated = await fx.asOrg(outsider, (trx) =>
      sql`update progress_reports set due_on = '2027-12-31' where id = ${reportId}::uuid`.execute(trx),
    );
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(outsider, (trx) =>
        sql`insert into progress_reports (programme_id, lead_org_id, period, starts_on, ends_on, due_on)
          values (${programmeId}::uuid, ${lead.orgId}::uuid, 'X', '2026-01-01', '2026-02-01',
            '2026-03-01')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    // A partner cannot write the lead's report in the database either.
    const byPartner = await fx.asOrg(home, (trx) =>
      sql`update progress_report_versions set narratives = '{}' where report_id = ${reportId}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(byPartner.numAffectedRows ?? 0)).toBe(0);
  });

  it('takes narratives per action and the figures again while it is a draft', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const saved = await coord.put(`/api/reports/${reportId}/narratives`, {
      key: 'general',
      fr: 'Onze personnes ont été placées depuis le début du programme.',
      nl: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const other = await coord.put(`/api/reports/${reportId}/narratives`, {
      key: '00000000-0000-4000-8000-000000000000',
      fr: 'x',
      nl: null,
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toMatch(/n’appartient pas au programme/);
    await place('2026-09-01', '2026-12-15');
    expect(p1((await coord.get(`/api/reports/${reportId}`)).json())?.cumulative).toBe(11);
    expect((await coord.post(`/api/reports/${reportId}/refresh`)).statusCode).toBe(200);
    const v = (await coord.get(`/api/reports/${reportId}`)).json() as ReportView;
    expect(p1(v)).toMatchObject({ previous: 5, thisPeriod: 7, cumulative: 12 });
    expect(v.narratives.general?.fr).toMatch(/Onze personnes/);
  });

  it('freezes the version on submission, for the application and in the database', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    expect((await coord.post(`/api/reports/${reportId}/submit`)).statusCode).toBe(200);
    const v = (await coord.get(`/api/reports/${reportId}`)).json() as ReportView;
    expect(v.version.status).toBe('submitted');
    expect(v.version.submittedBy).toBeTruthy();
    expect(v.canEdit).toBe(false);
    expect(v.canReopen).toBe(true);
    const late = await coord.put(`/api/reports/${reportId}/narratives`, {
      key: 'general',
      fr: 'x',
      nl: null,
    });
    expect(late.statusCode).toBe(409);
    expect((await coord.post(`/api/reports/${reportId}/refresh`)).statusCode).toBe(409);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`update progress_report_versions set figures = '{}' where report_id = ${reportId}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`delete from progress_report_versions where report_id = ${reportId}::uuid`.execute(trx),
      ),
    ).rejects.toThrow();
    // The partners now read it.
    const partner = await t.login('coordination@cpas-mouscron.example');
    const seen = (await partner.get(`/api/reports/${reportId}`)).json() as ReportView;
    expect(p1(seen)?.cumulative).toBe(12);
    expect(seen.narratives.general?.fr).toMatch(/Onze personnes/);
  });

  it('re-opens with a reason into a new version, keeping the submitted one unchanged', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const noReason = await coord.post(`/api/reports/${reportId}/reopen`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const r = await coord.post(`/api/reports/${reportId}/reopen`, {
      reason: 'Placement de septembre oublié',
    });
    expect(r.statusCode, r.body).toBe(200);
    await place('2026-10-01', '2026-12-20');
    expect((await coord.post(`/api/reports/${reportId}/refresh`)).statusCode).toBe(200);
    const v2 = (await coord.get(`/api/reports/${reportId}`)).json() as ReportView;
    expect(v2.version).toMatchObject({ number: 2, status: 'draft' });
    expect(p1(v2)?.cumulative).toBe(13);
    expect(v2.narratives.general?.fr).toMatch(/Onze personnes/);
    expect(v2.versions.map((x) => [x.number, x.status, x.reopenReason])).toEqual([
      [2, 'draft', null],
      [1, 'reopened', 'Placement de septembre oublié'],
    ]);
    const v1 = (await coord.get(`/api/reports/${reportId}?version=1`)).json() as ReportView;
    expect(p1(v1)?.cumulative).toBe(12);
    expect(v1.canEdit).toBe(false);
    // A partner still reads version 1 only.
    const partner = await t.login('coordination@cpas-mouscron.example');
    expect((await partner.get(`/api/reports/${reportId}`)).json().version.number).toBe(1);
    expect((await partner.get(`/api/reports/${reportId}?version=2`)).statusCode).toBe(404);
  });

  it('exports a version as a PDF with embedded fonts and as an XLSX, in the language asked for', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const pdf = await coord.get(`/api/reports/${reportId}/report.pdf?version=1&language=nl`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="REP-T_2026-S2_v1_nl.pdf"/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/DejaVuSans/);
    expect((await coord.get(`/api/reports/${reportId}/report.pdf?language=de`)).statusCode).toBe(400);

    const xlsx = await coord.get(`/api/reports/${reportId}/report.xlsx?version=1&language=nl`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Indicatoren', 'Uitgaven']);
    const ind = wb.getWorksheet('Indicatoren');
    expect(ind?.getRow(1).getCell(7).value).toBe('Vóór de periode');
    expect(ind?.getRow(2).values).toEqual(
      expect.arrayContaining(['P1', 'RCO82', 'Personen op een werkplek', 5, 7, 12, 50]),
    );
    const exp = wb.getWorksheet('Uitgaven');
    expect(exp?.getRow(2).getCell(4).value).toBe(386.4);
  });
});

describe('deadlines', () => {
  const outbox = async (template: string) =>
    (
      await sql<{ to_address: string; locale: string; subject: string; body_text: string }>`
        select to_address, locale, subject, body_text from mail_outbox where template = ${template}
        order by to_address`.execute(fx.db)
    ).rows;

  it('reminds the lead of a report not submitted, and the partners without a declaration, once each', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/reports`, {
      period: '2027-S1',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      dueOn: '2027-07-31',
    });
    expect(r.statusCode, r.body).toBe(201);
    const run = (day: string) => runReportReminders({ ...t.deps, clock: fixedClock(day) });
    // Three weeks before: nothing yet.
    expect((await run('2027-07-10')).mails).toBe(0);
    const first = await run('2027-07-20');
    expect(first.mails).toBeGreaterThan(0);
    const due = await outbox('monitoring.reports.due');
    expect(due.map((m) => m.to_address)).toEqual(['coordination@udccas-nord.example']);
    expect(due[0]?.subject).toMatch(/REP-T 2027-S1/);
    expect(due[0]?.body_text).toMatch(/\/app\/reports\//);
    // Every partner without a declaration for 2027-S1 is asked: Kortrijk's finance officer in Dutch.
    const asked = await outbox('monitoring.reports.declaration');
    const kortrijk = asked.find((m) => m.to_address === 'financien@ocmw-kortrijk.example');
    expect(kortrijk?.locale).toBe('nl');
    expect(kortrijk?.subject).toMatch(/uitgavendeclaratie 2027-S1/);
    // No figure and no person in the mails.
    for (const m of [...due, ...asked]) expect(m.body_text).not.toMatch(/Nora|Fictive|\d+ personnes/);
    // The same day again: nothing twice.
    expect((await run('2027-07-20')).mails).toBe(0);
    // What was sent is the lead's record: a partner neither reads nor writes it.
    const seen = await fx.asOrg(home, (trx) => sql`select kind from progress_report_reminders`.execute(trx));
    expect(seen.rows).toHaveLength(0);
    await expect(
      fx.asOrg(home, (trx) =>
        sql`insert into progress_report_reminders (report_id, lead_org_id, kind, sent_on)
          values (${r.json().id}::uuid, ${lead.orgId}::uuid, 'report:overdue', '2027-08-01')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    // A week before: the next step.
    expect((await run('2027-07-24')).mails).toBeGreaterThan(0);
    // Once submitted, the lead hears nothing more.
    expect((await coord.post(`/api/reports/${r.json().id}/submit`)).statusCode).toBe(200);
    const before = (await outbox('monitoring.reports.due')).length;
    await run('2027-07-30');
    expect((await outbox('monitoring.reports.due')).length).toBe(before);
  });

  it('shows the report due on the lead’s home page, and the missing declaration on a partner’s', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/reports`, {
      period: 'NOW',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(r.statusCode, r.body).toBe(201);
    const items = async (email: string) =>
      ((await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }).items;
    expect((await items('coordination@udccas-nord.example')).map((i) => i.key)).toContain(
      'monitoring.reports.attention.report_due',
    );
    const fin = (await items('financien@ocmw-kortrijk.example')).find(
      (i) => i.key === 'monitoring.reports.attention.declaration_due',
    );
    expect(fin?.link).toBe(`/app/programmes/${programmeId}/expenditure`);
    // Not a partner of the programme: nothing.
    expect((await items('analist@west-vlaanderen.example')).map((i) => i.key)).not.toContain(
      'monitoring.reports.attention.declaration_due',
    );
  });
});

describe('the demo’s reports', () => {
  it('give the lead exact figures and the partners suppressed ones; the exact ones stay the lead’s in the database', async () => {
    const sam = (
      await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(fx.db)
    ).rows[0]?.id;
    const coord = await t.login('coordination@udccas-nord.example');
    const list = (await coord.get(`/api/programmes/${sam}/reports`)).json() as ReportList;
    // The semester in preparation holds the demo's current activity: submit it, then read it as both.
    const draft = list.items.find((r) => r.status === 'draft');
    expect((await coord.post(`/api/reports/${draft?.id}/submit`)).statusCode).toBe(200);
    const submitted = list.items;
    expect(submitted.length).toBeGreaterThan(0);
    const fin = await t.login('financien@ocmw-kortrijk.example');
    const pairs: Array<[ReportView, ReportView]> = [];
    for (const r of submitted)
      pairs.push([
        (await coord.get(`/api/reports/${r.id}`)).json() as ReportView,
        (await fin.get(`/api/reports/${r.id}`)).json() as ReportView,
      ]);
    for (const [lead, partner] of pairs) {
      expect(lead.exact).toBe(true);
      expect(partner.exact).toBe(false);
    }
    const counts = pairs.flatMap(([lead, partner]) =>
      lead.figures.indicators.map((i) => ({
        unit: i.unit,
        lead: i.cumulative,
        partner: partner.figures.indicators.find((x) => x.code === i.code)?.cumulative,
      })),
    );
    const small = counts.find((c) => c.unit === 'persons' && c.lead !== null && c.lead > 0 && c.lead < 5);
    expect(small, 'the demo has a small count of persons').toBeTruthy();
    expect(small?.partner).toBeNull();
    const rows = await fx.asOrg(home, (trx) =>
      sql`select version_id from progress_report_exact_figures`.execute(trx),
    );
    expect(rows.rows).toHaveLength(0);
  });
});
