/**
 * npm run bench:first-load — the console's first load on localhost in Debian's chromium: the built
 * server on a free port with a fresh data directory (Dongping profile, demo accounts, some cases),
 * then per run, in a new browser context (cold cache) and again in the same context (warm cache):
 *   baseline  GET /api/v1/health as a page: the floor of one navigation to this server
 *   login     /login until the form is usable (username input visible and enabled)
 *   home      / after logging in, until the stations and 我的工作 counts are shown
 *   cases     /cases until the first case row is shown
 * Times are from navigation start (performance.now() in the page at readiness, so the test
 * driver's round trips are not counted). Prints p50/p95, the ratio to the baseline's p50, the JS and
 * CSS bytes each route transfers with a cold cache, and whether the 1.5 s target holds.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { freePort, stop, waitForHealth } from '../scripts/built-server.mjs';
import { percentile } from './lib/load.js';
import { startNodeFlags } from './lib/spawn-bench-server.js';
import { order } from './lib/orders.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CASES = Number(process.env.BENCH_CASES ?? 300);
const TARGET_MS = 1500;
const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type RouteName = 'baseline' | 'login' | 'home' | 'cases';
interface Route {
  name: RouteName;
  path: string;
  /** selectors that must all be shown (and, for inputs, enabled) */
  ready: string[];
  needsSession: boolean;
}
const routes: Route[] = [
  { name: 'baseline', path: '/api/v1/health', ready: [], needsSession: false },
  { name: 'login', path: '/login', ready: ['input[data-test=username]:not([disabled])', 'input[data-test=password]:not([disabled])', '[data-test=login-submit]'], needsSession: false },
  { name: 'home', path: '/', ready: ['[data-test=stations] > *', '[data-test=home-work-total]'], needsSession: true },
  { name: 'cases', path: '/cases', ready: ['[data-test=cases-table] [data-test=case-no]', '[data-test=cases-count]'], needsSession: true },
];

/** Navigates and answers the page's own clock (ms since navigation start) when every selector is shown. */
async function timeTo(page: Page, url: string, ready: string[]): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // a string expression: this file is compiled for node, the check runs in the page
  const check = `(() => {
    const selectors = ${JSON.stringify(ready)};
    if (selectors.length === 0) return document.readyState === 'complete' ? performance.now() : false;
    const shown = selectors.every((s) => { const el = document.querySelector(s); return el instanceof HTMLElement && el.offsetParent !== null; });
    return shown ? performance.now() : false;
  })()`;
  const handle = await page.waitForFunction(check, undefined, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

interface Bytes {
  js: number;
  css: number;
  requests: number;
}

/** The JS and CSS bytes a navigation transferred (bodies as sent; the server does not compress). */
function countBytes(page: Page): { done(): Promise<Bytes> } {
  const pending: Promise<void>[] = [];
  const bytes: Bytes = { js: 0, css: 0, requests: 0 };
  const onResponse = (response: Response) => {
    const kind = response.request().resourceType();
    bytes.requests++;
    if (kind !== 'script' && kind !== 'stylesheet') return;
    pending.push(
      response
        .request()
        .sizes()
        .then((s) => {
          if (kind === 'script') bytes.js += s.responseBodySize;
          else bytes.css += s.responseBodySize;
        })
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  return {
    async done() {
      page.off('response', onResponse);
      await Promise.all(pending);
      return bytes;
    },
  };
}

async function logInByApi(context: BrowserContext, baseUrl: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/session`, { data: { username: 'dispatcher', password: 'cityops-demo' } });
  if (!res.ok()) throw new Error(`login: ${res.status()}`);
}

async function seedCases(baseUrl: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'cityops-demo' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < CASES) {
        const i = next++;
        const res = await fetch(`${baseUrl}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(order(i, 'first-load')) });
        if (res.status !== 201 && res.status !== 200) throw new Error(`intake ${i}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      }
    }),
  );
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

// (a) the build
const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
if (!fs.existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath} (apt-get install -y chromium)`);

// (b) the built server with a fresh data directory
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-first-load-'));
// with the flags `npm start` gives node: the server measured is the one the town runs
const server = spawn(process.execPath, [...startNodeFlags(), 'dist/server/main.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CITYOPS_DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  await waitForHealth(baseUrl, server, 90_000, 'the output above');
  await seedCases(baseUrl);
  console.log(`first load · chromium ${browser.version()} · ${baseUrl} · ${CASES} cases · ${RUNS} runs per route and cache state · ${os.cpus().length} cores`);

  const times: Record<'cold' | 'warm', Record<RouteName, number[]>> = {
    cold: { baseline: [], login: [], home: [], cases: [] },
    warm: { baseline: [], login: [], home: [], cases: [] },
  };
  const bytes: Partial<Record<RouteName, Bytes>> = {};
  // one warm-up context so the server's first answers (JIT, file system cache) do not count
  for (let run = -1; run < RUNS; run++) {
    for (const route of routes) {
      // cold: a new context has an empty HTTP cache; the session is made by the API, not by loading pages
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      if (route.needsSession) await logInByApi(context, baseUrl);
      const page = await context.newPage();
      const counter = countBytes(page);
      const cold = await timeTo(page, `${baseUrl}${route.path}`, route.ready);
      const transferred = await counter.done();
      // warm: the same context again; a blank page in between so it is a full navigation
      await page.goto('about:blank');
      const warm = await timeTo(page, `${baseUrl}${route.path}`, route.ready);
      await context.close();
      if (run < 0) continue;
      times.cold[route.name].push(cold);
      times.warm[route.name].push(warm);
      bytes[route.name] ??= transferred;
    }
  }

  const base = { cold: summary(times.cold.baseline).p50, warm: summary(times.warm.baseline).p50 };
  const rows = routes.map((route) => {
    const cold = summary(times.cold[route.name]);
    const warm = summary(times.warm[route.name]);
    const b = bytes[route.name]!;
    return {
      route: route.name,
      'cold p50 ms': Math.round(cold.p50),
      'cold p95 ms': Math.round(cold.p95),
      'cold ×base': Number((cold.p50 / base.cold).toFixed(1)),
      'warm p50 ms': Math.round(warm.p50),
      'warm p95 ms': Math.round(warm.p95),
      'warm ×base': Number((warm.p50 / base.warm).toFixed(1)),
      'JS kB': Math.round(b.js / 1024),
      'CSS kB': Math.round(b.css / 1024),
      requests: b.requests,
      '≤ 1.5 s': route.name === 'baseline' ? '' : cold.p95 <= TARGET_MS && warm.p95 <= TARGET_MS ? 'yes' : 'NO',
    };
  });
  console.table(rows);
  const missed = rows.filter((r) => r['≤ 1.5 s'] === 'NO').map((r) => r.route);
  console.log(missed.length === 0 ? `target met: every page is usable within ${TARGET_MS} ms (p95, cold and warm cache)` : `target missed by: ${missed.join(', ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await stop(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
