// The web figures of issue 15: for each main route, the JavaScript and CSS a cold browser downloads
// (gzipped, as a compressing proxy would send them) and the time until the page's heading shows, in headless
// Chromium against a running server with the demo data. Standalone:
//   node --import tsx bench/web.ts --base=http://127.0.0.1:8091 [--runs=3] [--json]
// bench/run.ts calls benchWeb(baseUrl) and reports what it returns.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/demo/accounts';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core') as typeof import('playwright-core');

/** The first screen's budget (issue 15): gzipped JavaScript of the sign-in page, then of the dashboard. */
export const FIRST_SCREEN_JS_BUDGET = 200_000;

export interface WebRoute {
  name: string;
  /** Who opens it (signed in through the API first); none for a public page. */
  account?: string;
  /** The address, or how to find it once signed in (an id from the API). */
  path: string | ((page: Page) => Promise<string>);
}

export interface WebRouteResult {
  name: string;
  path: string;
  jsFiles: number;
  jsGzip: number;
  cssGzip: number;
  /** Milliseconds from navigation to the page's first heading on screen (median of the runs). */
  firstRenderMs: number;
  /** Until no request is pending: chunks and catalogues fetched after the first render count too. */
  settledMs: number;
  /** A catalogue key shown as such at first render (a word missing its catalogue). */
  untranslated: string | null;
}

export interface WebBenchResult {
  baseUrl: string;
  runs: number;
  routes: WebRouteResult[];
  firstScreen: { loginJsGzip: number; dashboardJsGzip: number; budget: number; withinBudget: boolean };
}

const REFERENT = 'referent@cpas-mouscron.example';

const firstId =
  (api: string, field: 'id' | 'code' = 'id') =>
  async (page: Page) => {
    const r = await page.request.get(api);
    const body = (await r.json()) as
      | { items?: Array<Record<string, string>> }
      | Array<Record<string, string>>;
    const items = Array.isArray(body) ? body : (body.items ?? []);
    if (!items[0]?.[field]) throw new Error(`${api} lists nothing to open`);
    return items[0][field];
  };

export const WEB_ROUTES: WebRoute[] = [
  { name: 'login', path: '/login' },
  { name: 'dashboard', account: REFERENT, path: '/app' },
  { name: 'caseload', account: REFERENT, path: '/app/people' },
  {
    name: 'person',
    account: REFERENT,
    path: async (page) => `/app/people/${await firstId('/api/people')(page)}`,
  },
  { name: 'placements', account: REFERENT, path: '/app/placements' },
  { name: 'immersions', account: 'immersions@ccas-tourcoing.example', path: '/app/immersions/offers' },
  {
    name: 'observatory board',
    account: 'analyse@ccas-tourcoing.example',
    path: async (page) => `/app/observatory/boards/${await firstId('/api/observatory/boards', 'code')(page)}`,
  },
  {
    name: 'monitoring',
    account: 'coordination@udccas-nord.example',
    path: async (page) => `/app/programmes/${await firstId('/api/programmes')(page)}/monitoring`,
  },
  { name: 'directory (public)', path: '/directory' },
  { name: 'accompaniment hub', account: 'accompagnement@lavieactive.example', path: '/app/accompaniment' },
];

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// Records when a heading with text first shows, and the first text that looks like a catalogue key.
const WATCH = `(() => {
  const KEY = /^[a-z][a-z0-9_]*(\\.[a-z0-9_]+){2,}$/;
  const check = () => {
    const h = document.querySelector('main h1, h1');
    if (h && h.textContent.trim() && window.__firstRender === undefined) {
      window.__firstRender = performance.now();
      const texts = [...document.querySelectorAll('h1, h2, h3, label, button, a, th, p')]
        .map((e) => e.textContent.trim()).filter((t) => KEY.test(t));
      window.__untranslated = texts[0] ?? null;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function signIn(context: BrowserContext, baseUrl: string, email: string) {
  const r = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { origin: baseUrl },
  });
  if (!r.ok()) throw new Error(`sign-in of ${email} failed: ${r.status()} ${await r.text()}`);
}

async function measureOnce(browser: Browser, baseUrl: string, route: WebRoute) {
  // A new context each time: an empty cache, as a first visit.
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-BE' });
  try {
    if (route.account) await signIn(context, baseUrl, route.account);
    const page = await context.newPage();
    const path = typeof route.path === 'string' ? route.path : await route.path(page);
    const bodies: Array<Promise<{ type: 'js' | 'css'; gz: number }>> = [];
    page.on('response', (res) => {
      const url = res.url();
      const type = /\.m?js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : null;
      if (!type || !url.startsWith(baseUrl)) return;
      bodies.push(
        res.body().then(
          (b) => ({ type, gz: gzipSync(b).length }),
          () => ({ type, gz: 0 }),
        ),
      );
    });
    await page.addInitScript(WATCH);
    const started = Date.now();
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as { __firstRender?: number }).__firstRender !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const { firstRender, untranslated } = await page.evaluate(() => ({
      firstRender: (window as { __firstRender?: number }).__firstRender ?? 0,
      untranslated: (window as { __untranslated?: string | null }).__untranslated ?? null,
    }));
    await page.waitForLoadState('networkidle');
    const settledMs = Date.now() - started;
    const files = await Promise.all(bodies);
    const sum = (t: 'js' | 'css') => files.filter((f) => f.type === t).reduce((a, f) => a + f.gz, 0);
    return {
      path,
      jsFiles: files.filter((f) => f.type === 'js').length,
      jsGzip: sum('js'),
      cssGzip: sum('css'),
      firstRenderMs: Math.round(firstRender),
      settledMs,
      untranslated,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchWeb(
  baseUrl: string,
  opts: { runs?: number; routes?: WebRoute[]; chromiumPath?: string; log?: boolean } = {},
): Promise<WebBenchResult> {
  const runs = opts.runs ?? 3;
  const browser = await chromium.launch({
    executablePath: opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const routes: WebRouteResult[] = [];
  try {
    for (const route of opts.routes ?? WEB_ROUTES) {
      if (opts.log) console.error(`web: ${route.name}…`);
      const all = [];
      for (let i = 0; i < runs; i++) all.push(await measureOnce(browser, baseUrl, route));
      const last = all[all.length - 1]!;
      routes.push({
        name: route.name,
        ...last,
        firstRenderMs: median(all.map((r) => r.firstRenderMs)),
        settledMs: median(all.map((r) => r.settledMs)),
        untranslated: all.map((r) => r.untranslated).find((u) => u) ?? null,
      });
    }
  } finally {
    await browser.close();
  }
  const js = (name: string) => routes.find((r) => r.name === name)?.jsGzip ?? 0;
  const loginJsGzip = js('login');
  const dashboardJsGzip = js('dashboard');
  return {
    baseUrl,
    runs,
    routes,
    firstScreen: {
      loginJsGzip,
      dashboardJsGzip,
      budget: FIRST_SCREEN_JS_BUDGET,
      withinBudget: loginJsGzip <= FIRST_SCREEN_JS_BUDGET && dashboardJsGzip <= FIRST_SCREEN_JS_BUDGET,
    },
  };
}

/** The figures as a Markdown table (docs/performance.md, "Web"). */
export function webMarkdown(r: WebBenchResult): string {
  const kb = (n: number) => (n / 1000).toFixed(1);
  const rows = r.routes.map(
    (x) =>
      `| ${x.name} | \`${x.path}\` | ${x.jsFiles} | ${kb(x.jsGzip)} | ${kb(x.cssGzip)} | ${x.firstRenderMs} | ${x.settledMs} |${x.untranslated ? ` ${x.untranslated}` : ''}`,
  );
  return [
    '| Route | Path | JS files | JS gz (kB) | CSS gz (kB) | First render (ms) | Settled (ms) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = arg('base') ?? 'http://127.0.0.1:8091';
  const only = arg('only')?.split(',');
  const routes = only ? WEB_ROUTES.filter((r) => only.includes(r.name)) : WEB_ROUTES;
  const result = await benchWeb(base, { runs: Number(arg('runs') ?? 3), routes, log: true });
  console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : webMarkdown(result));
  const f = result.firstScreen;
  console.log(
    `\nFirst screen JS (gz): login ${f.loginJsGzip} B, dashboard ${f.dashboardJsGzip} B; budget ${f.budget} B: ${f.withinBudget ? 'within' : 'OVER'}`,
  );
}
