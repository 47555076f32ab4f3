import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import type { OverviewPage } from '../../../../common/placements/overview-schemas';
import { withContext } from '../../../platform/db/context';
import { agreementFixtures } from '../reminders/fixtures.testing';

let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let sam: string;
let other: string;
let home1: { userId: string; orgId: string };
let home2: { userId: string; orgId: string };
let host: { userId: string; orgId: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  const lead = await fx.member('coordination@udccas-nord.example');
  sam = await fx.createProgramme(lead.orgId, 'OVW-T');
  // A programme led by another organisation.
  other = await fx.createProgramme((await fx.member('admin@cpas-mouscron.example')).orgId, 'OVW-O');
  home1 = await fx.member('referent@cpas-mouscron.example');
  home2 = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
  host = await fx.member('tuteur@atelier-roubaix.example');
  const a = await fx.createAgreement(home1, host, {
    lastName: 'Overviewa',
    programmeId: sam,
    startsOn: '2026-09-01',
    endsOn: '2026-12-31',
  });
  await fx.addAttendance(a, [
    { day: '2026-09-01', planned: 7, status: 'present' },
    { day: '2026-09-02', planned: 7, status: 'present', hours: 5 },
    { day: '2026-09-03', planned: 7, status: 'unjustified_absence' },
    { day: '2026-09-05', planned: 0, status: 'not_planned' },
  ]);
  await fx.addEvaluation(a, 'mid_term', '2026-10-30');
  const b = await fx.createAgreement(home2, host, {
    lastName: 'Overviewb',
    programmeId: sam,
    status: 'completed',
    startsOn: '2026-02-02',
    endsOn: '2026-05-29',
    endedOn: '2026-05-29',
  });
  await fx.addOutcome(b, 'exit', '2026-06-05', 'training');
  const c = await fx.createAgreement(home1, host, {
    lastName: 'Overviewc',
    programmeId: sam,
    status: 'draft',
    startsOn: '2027-01-04',
    endsOn: '2027-04-30',
    siteName: '=HYPERLINK("http://evil.example","clic")',
  });
  // Outside the programme: never listed.
  const d = await fx.createAgreement(home1, host, {
    lastName: 'Overviewd',
    startsOn: '2026-09-01',
    endsOn: '2026-12-31',
  });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });
});
afterAll(async () => t?.close());

const codeOf = async (placementId: string) =>
  (
    await sql<{
      c: string;
    }>`select pe.participant_code as c from placements p join persons pe on pe.id = p.person_id
      where p.id = ${placementId}`.execute(fx.db)
  ).rows[0]!.c;

/** An export is stored for its owner, then downloaded from where the answer points (ADR 0033). */
async function download(c: Client, url: string) {
  const made = await c.get(url);
  expect(made.statusCode, made.body).toBe(303);
  expect(String(made.headers.location)).toMatch(/^\/api\/exports\/[0-9a-f-]{36}$/);
  return c.get(String(made.headers.location));
}

describe('programme overview', () => {
  it('lists every partner placement of the programme for the lead coordinator, pseudonymously', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.get(`/api/programmes/${sam}/placements`);
    expect(r.statusCode).toBe(200);
    const page = r.json() as OverviewPage;
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    // Latest start first by default.
    expect(page.items.map((i) => i.id)).toEqual([ids.c, ids.a, ids.b]);
    expect(page.counts).toEqual({ active: 1, completed: 1, draft: 1 });
    expect(page.canExport).toBe(true);
    expect(r.body).not.toMatch(/Nora|Overview[abc]|1988-04-12|fictif\.example/);
    const a = page.items.find((i) => i.id === ids.a)!;
    expect(a.participantCode).toBe(await codeOf(ids.a!));
    expect(a.homeOrg.id).toBe(home1.orgId);
    expect(a.hostOrg.id).toBe(host.orgId);
    expect(a.attendanceRate).toBeCloseTo(12 / 21, 5);
    expect([a.midTermDone, a.finalDone]).toEqual([true, false]);
    expect(a.municipalityNameFr).toBe('Roubaix');
    const b = page.items.find((i) => i.id === ids.b)!;
    expect([b.exitSituation, b.sixMonthSituation, b.attendanceRate, b.endedOn]).toEqual([
      'training',
      null,
      null,
      '2026-05-29',
    ]);
  });

  it('filters by status, organisations, period and participant code; sorts and pages', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const list = async (q: string) => {
      const r = await coord.get(`/api/programmes/${sam}/placements?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as OverviewPage;
    };
    const idsOf = (p: OverviewPage) => p.items.map((i) => i.id);
    expect(idsOf(await list('status=active'))).toEqual([ids.a]);
    const byStatus = await list('status=active');
    // The chips count under the other filters, not the status itself.
    expect(byStatus.counts).toEqual({ active: 1, completed: 1, draft: 1 });
    expect(byStatus.total).toBe(1);
    expect(idsOf(await list(`homeOrgId=${home2.orgId}`))).toEqual([ids.b]);
    expect((await list(`homeOrgId=${home1.orgId}`)).counts).toEqual({ active: 1, draft: 1 });
    expect((await list(`hostOrgId=${home1.orgId}`)).total).toBe(0);
    expect(idsOf(await list('from=2026-06-01&to=2026-08-31'))).toEqual([]);
    expect(idsOf(await list('from=2026-05-01&to=2026-06-30'))).toEqual([ids.b]);
    expect(idsOf(await list('from=2026-12-01'))).toEqual([ids.c, ids.a]);
    const code = (await codeOf(ids.b!)).toLowerCase().replaceAll('-', '');
    expect(idsOf(await list(`code=${code}`))).toEqual([ids.b]);
    expect(idsOf(await list('sort=starts_on&order=asc'))).toEqual([ids.b, ids.a, ids.c]);
    expect(idsOf(await list('sort=status'))).toEqual([ids.c, ids.a, ids.b]);
    expect(idsOf(await list('sort=status&order=desc'))).toEqual([ids.b, ids.a, ids.c]);
    const p2 = await list('pageSize=2&page=2');
    expect([p2.total, idsOf(p2)]).toEqual([3, [ids.b]]);
    expect(idsOf(await list('pageSize=2&page=3'))).toEqual([]);
    expect((await coord.get(`/api/programmes/${sam}/placements?code=nope`)).statusCode).toBe(400);
    expect(
      (await coord.get(`/api/programmes/${sam}/placements?from=2026-02-01&to=2026-01-01`)).statusCode,
    ).toBe(400);
    expect((await coord.get(`/api/programmes/${sam}/placements?status=bogus`)).statusCode).toBe(400);
  });

  it('is refused to other roles and to coordinators of other programmes', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    expect((await coord.get(`/api/programmes/${other}/placements`)).statusCode).toBe(403);
    expect(
      (await coord.get('/api/programmes/00000000-0000-4000-8000-000000000000/placements')).statusCode,
    ).toBe(404);
    expect((await coord.get('/api/programmes/not-an-id/placements')).statusCode).toBe(400);
    for (const email of [
      'referent@cpas-mouscron.example',
      'admin@cpas-mouscron.example',
      'tuteur@atelier-roubaix.example',
    ]) {
      const c = await t.login(email);
      expect((await c.get(`/api/programmes/${sam}/placements`)).statusCode, email).toBe(403);
      expect((await c.get(`/api/programmes/${sam}/placements.csv`)).statusCode, email).toBe(403);
    }
    const admin = await t.login('admin@samen.example');
    const r = await admin.get(`/api/programmes/${sam}/placements`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as OverviewPage).total).toBe(3);
    expect((r.json() as OverviewPage).canExport).toBe(false);
  });

  it('the database function itself answers nothing outside the lead organisation', async () => {
    const call = (ctx: { userId: string; orgId: string }) =>
      withContext(fx.db, ctx, async (trx) => {
        const rows = await sql`select * from app.programme_placements(${sam}::uuid, null, null, null, null,
          null, null, null, false, 'fr', null, 0)`.execute(trx);
        const counts = await sql`select * from app.programme_placement_counts(${sam}::uuid, null, null, null,
          null, null)`.execute(trx);
        return [rows.rows.length, counts.rows.length];
      });
    expect(await call(home1)).toEqual([0, 0]);
    expect(await call(await fx.member('coordination@udccas-nord.example'))).toEqual([3, 3]);
    // Without a signed-in user the function answers nothing, even for the lead organisation.
    const lead = await fx.member('coordination@udccas-nord.example');
    expect(await call({ userId: '', orgId: lead.orgId })).toEqual([0, 0]);
  });
});

describe('one attendance rate (issue 9 #12)', () => {
  it('is the follow-up’s rate in the overview, the CSV and the XLSX: hours worked over hours planned', async () => {
    // Placement a: 2 of 3 planned days present (67 % by days) but 12 of 21 planned hours (57 %).
    const referent = await t.login('referent@cpas-mouscron.example');
    const fu = await referent.get(`/api/placements/${ids.a}/follow-up`);
    expect(fu.statusCode, fu.body).toBe(200);
    const rate = fu.json().summary.attendanceRate as number;
    expect(rate).toBeCloseTo(12 / 21, 10);
    expect(fu.json().summary).toMatchObject({ realisedHours: 12, plannedHours: 21 });

    const coord = await t.login('coordination@udccas-nord.example');
    const page = (await coord.get(`/api/programmes/${sam}/placements`)).json() as OverviewPage;
    expect(page.items.find((i) => i.id === ids.a)?.attendanceRate).toBeCloseTo(rate, 10);

    const csv = (
      await download(coord, `/api/programmes/${sam}/placements.csv?code=${await codeOf(ids.a!)}`)
    ).rawPayload
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    const header = csv[0]!.split(';');
    const column = header.indexOf('"Taux de présence (heures réalisées / heures prévues)"');
    expect(column).toBeGreaterThan(0);
    expect(csv[1]!.split(';')[column]).toBe(`"${(rate * 100).toFixed(1).replace('.', ',')}"`);

    const xlsx = await download(coord, `/api/programmes/${sam}/placements.xlsx?code=${await codeOf(ids.a!)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(column + 1).value).toBe(
      'Taux de présence (heures réalisées / heures prévues)',
    );
    expect(ws.getRow(2).getCell(column + 1).value).toBeCloseTo(rate, 10);
  });
});

describe('exports', () => {
  const auditExports = async (orgId: string) =>
    (
      await sql<{ detail: { format: string; rows: number; filters: Record<string, string> } }>`select detail
        from audit.log where chain = ${orgId} and action = 'export' and entity = 'placements'
        order by id`.execute(fx.db)
    ).rows.map((r) => r.detail);

  it('CSV: BOM, semicolons, headers in the reader language, formulas neutralised, audited', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const lead = await fx.member('coordination@udccas-nord.example');
    const before = (await auditExports(lead.orgId)).length;
    const r = await download(coord, `/api/programmes/${sam}/placements.csv?homeOrgId=${home1.orgId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(r.headers['content-disposition'])).toMatch(
      /^attachment; filename="OVW-T-placements-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''OVW-T-placements-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = r.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    // The coordinator reads French: headers, statuses and yes/no in French, decimals with a comma.
    expect(lines[0]).toMatch(/^"Code participant";"Centre d’origine";"Organisation d’accueil";"Chantier";/);
    expect(lines.join('\n')).toContain('"\'=HYPERLINK(""http://evil.example"",""clic"")"');
    expect(lines.join('\n')).toMatch(/"En cours";"1";"57,1";"Oui";"Non"/);
    expect(text).not.toMatch(/Nora|Overview/);
    const audits = await auditExports(lead.orgId);
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ format: 'csv', rows: 2, filters: { homeOrgId: home1.orgId } });
  });

  it('XLSX: typed dates and numbers, neutralised text, audited', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const lead = await fx.member('coordination@udccas-nord.example');
    const r = await download(coord, `/api/programmes/${sam}/placements.xlsx?sort=starts_on&order=asc`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Stages');
    expect(ws.getRow(1).getCell(1).value).toBe('Code participant');
    expect(ws.rowCount).toBe(4);
    // Rows by start: b (completed), a (active), c (draft, with the formula-like site).
    const rowA = ws.getRow(3);
    expect(rowA.getCell(1).value).toBe(await codeOf(ids.a!));
    expect(rowA.getCell(6).value).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(rowA.getCell(10).value).toBe(1);
    expect(rowA.getCell(11).value).toBeCloseTo(12 / 21, 5);
    expect(ws.getRow(4).getCell(4).value).toBe('\'=HYPERLINK("http://evil.example","clic")');
    expect(ws.getRow(2).getCell(14).value).toBe('Formation');
    expect((await auditExports(lead.orgId)).at(-1)).toMatchObject({ format: 'xlsx', rows: 3 });
  });

  it('needs placement.export', async () => {
    const admin = await t.login('admin@samen.example');
    expect((await admin.get(`/api/programmes/${sam}/placements.xlsx`)).statusCode).toBe(403);
  });
});
