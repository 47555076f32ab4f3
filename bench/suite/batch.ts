// Section 4 of the issue: heavy work over HTTP (an observatory import, a long progress report PDF, a cohort
// suggestion), each timed with the responsiveness probe running beside it.

import { addReportActions, importFile, one } from './batch-data';
import type { EngineContext } from './context';
import { settle } from './load';
import { type ProbeStats, probeDuring, probeIdle } from './probe';

export interface BatchItem {
  name: string;
  ms: number | null;
  detail: Record<string, unknown>;
  probe: ProbeStats | null;
  error?: string;
}
export interface BatchResult {
  probePath: string;
  idle: ProbeStats;
  items: BatchItem[];
}

const PROBE_PATH = '/api/health';

async function csrf(ctx: EngineContext, cookie: string) {
  const r = await fetch(`${ctx.baseUrl}/api/auth/session`, { headers: { cookie } });
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

async function timed(
  ctx: EngineContext,
  name: string,
  fn: () => Promise<Record<string, unknown>>,
): Promise<BatchItem> {
  try {
    const t0 = performance.now();
    const { result, probe } = await probeDuring(ctx.baseUrl + PROBE_PATH, fn);
    const ms = Math.round(performance.now() - t0);
    ctx.log(`${name}: ${ms} ms ${JSON.stringify(result)}; probe p95 ${probe.p95} ms max ${probe.max} ms`);
    return { name, ms, detail: result, probe };
  } catch (e) {
    ctx.log(`${name}: failed: ${String(e)}`);
    return { name, ms: null, detail: {}, probe: null, error: String(e).slice(0, 500) };
  }
}

export async function runBatch(ctx: EngineContext): Promise<BatchResult> {
  const s = ctx.network.sample;
  await settle(ctx.baseUrl);
  const idle = await probeIdle(ctx.baseUrl + PROBE_PATH, 2000);
  const items: BatchItem[] = [];

  // 1. The observatory import: 1 million values at scale 1, one file, one request.
  const values = Math.max(1000, Math.round(1_000_000 * ctx.opts.scale));
  items.push(
    await timed(ctx, `import ${values} values`, async () => {
      const cookie = (await ctx.cookie(s.analystEmail))!;
      const file = await importFile(ctx.engine, values);
      const form = new FormData();
      form.append('settings', JSON.stringify({ vintage: `Bench suite ${Date.now()}`, format: 'long' }));
      form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'bench-suite.csv');
      const t = performance.now();
      const r = await fetch(`${ctx.baseUrl}/api/observatory/imports`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': await csrf(ctx, cookie) },
        body: form,
      });
      const body = (await r.json()) as { values?: number };
      const sec = (performance.now() - t) / 1000;
      if (!r.ok || body.values === undefined)
        throw new Error(`HTTP ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      const target = ctx.kind === 'postgres' ? 100_000 : 20_000;
      return { values: body.values, bytes: file.length, perSecond: Math.round(body.values / sec), target };
    }),
  );

  // 2. A progress report long enough for ~50 pages (narratives on added actions), then its PDF.
  items.push(
    await timed(ctx, 'progress report PDF', async () => {
      const cookie = (await ctx.cookie(s.coordinatorEmail))!;
      const token = await csrf(ctx, cookie);
      const headers = { cookie, 'x-csrf-token': token, 'content-type': 'application/json' };
      const p = await one<{ starts_on: string; ends_on: string }>(
        ctx.engine,
        `select starts_on::text, ends_on::text from programmes where id = $1`,
        [s.programmeId],
      );
      // Actions first: the report takes the programme's actions as they are when it is created.
      const actionIds = await addReportActions(ctx.engine, s.programmeId, 20);
      const created = await fetch(`${ctx.baseUrl}/api/programmes/${s.programmeId}/reports`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          period: `B${Date.now() % 1e9}`,
          startsOn: p.starts_on,
          endsOn: p.ends_on,
          dueOn: p.ends_on,
        }),
      });
      const report = (await created.json()) as { id?: string };
      if (created.status !== 201 || !report.id)
        throw new Error(`report not created: HTTP ${created.status} ${JSON.stringify(report).slice(0, 300)}`);
      const id = report.id;
      // One paragraph per narrative: the field takes no line breaks.
      const text = (n: number) =>
        Array.from(
          { length: n },
          (_, i) =>
            `Paragraphe ${i + 1} : accompagnement, placements et suivi des personnes au fil des mois, avec les partenaires des deux côtés de la frontière.`,
        ).join(' ');
      for (const key of ['general', ...actionIds]) {
        const r = await fetch(`${ctx.baseUrl}/api/reports/${id}/narratives`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ key, fr: text(key === 'general' ? 120 : 100), nl: null }),
        });
        if (!r.ok) throw new Error(`narrative refused: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
      }
      const t = performance.now();
      const pdf = await fetch(`${ctx.baseUrl}/api/reports/${id}/report.pdf?language=fr`, {
        headers: { cookie },
      });
      const bytes = Buffer.from(await pdf.arrayBuffer());
      if (!pdf.ok) throw new Error(`PDF: HTTP ${pdf.status} ${bytes.toString().slice(0, 300)}`);
      const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
      return {
        pdfMs: Math.round(performance.now() - t),
        pages,
        bytes: bytes.length,
        actions: actionIds.length,
      };
    }),
  );

  // 3. The cohort suggestion: 200 persons of a centre against up to 1,000 open offers.
  items.push(
    await timed(ctx, 'cohort suggestion', async () => {
      const who = await one<{ email: string; org_id: string }>(
        ctx.engine,
        `select u.email, m.org_id from users u join memberships m on m.user_id = u.id
          where 'coordinator' = any(m.roles) and exists (select 1 from persons p where p.org_id = m.org_id)
          order by (select count(*) from persons p where p.org_id = m.org_id) desc limit 1`,
        [],
      );
      const persons = (await ctx.engine.rawQuery(
        `select id from persons where org_id = $1 and status = 'active' order by id limit 200`,
        [who.org_id],
      )) as Array<{ id: string }>;
      // At most 1,000 open offers, the 200 × 1,000 (all of them on a smaller network).
      const offers = (await ctx.engine.rawQuery(
        `select id from placement_offers where status = 'open' and ends_on >= current_date order by id limit 1000`,
        [],
      )) as Array<{ id: string }>;
      const cookie = (await ctx.cookie(who.email))!;
      const t = performance.now();
      const r = await fetch(`${ctx.baseUrl}/api/offers/cohort-suggestion`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': await csrf(ctx, cookie), 'content-type': 'application/json' },
        body: JSON.stringify({
          personIds: persons.map((p) => p.id),
          ...(offers.length ? { offerIds: offers.map((o) => o.id) } : {}),
        }),
      });
      const body = (await r.json()) as { persons?: unknown[]; offers?: unknown[]; assignments?: unknown[] };
      if (!r.ok) throw new Error(`HTTP ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      return {
        requestMs: Math.round(performance.now() - t),
        persons: persons.length,
        offers: body.offers?.length ?? null,
        assigned: body.assignments?.length ?? null,
        coordinator: who.email,
      };
    }),
  );
  return { probePath: PROBE_PATH, idle, items };
}
