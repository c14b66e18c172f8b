/**
 * 一屏观全镇 (/screen) at 1920×1080 as the leader: the login brings them back to the screen; every
 * panel is there with the figures GET /api/v1/dashboard gives; nothing overlaps or leaves the window
 * at 1920×1080, 1366×768 and 3840×2160 (screenshots kept); a case taken through the API shows in
 * 今日新增 and on the map within 1 s; after a network break the page catches up; and 10 000 events
 * leave the page's heap flat.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto, DashboardMapDto } from '../src/contracts/dashboard.js';
import { baseUrl, closeBrowser, demoPassword, openBrowser, screenshot, type Session } from './support/browser.js';
import { startTcpProxy } from './support/tcp-proxy.js';

/** what the in-page checks (waitForFunction) use of the DOM; the test's own tsconfig has no DOM types */
declare const document: { querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null };

async function cookieOf(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function get<T>(path: string, cookie: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function post(path: string, cookie: string, body: unknown): Promise<{ id: string; caseNo: string }> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as { id: string; caseNo: string };
}

/** Runs `count` tasks with `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

const descriptions = ['路口有流动摊贩占道经营', '小区门口垃圾堆放未清运', '道路井盖缺失有安全隐患', '河道漂浮垃圾较多', '夜间施工噪音扰民', '绿化带被占用停车', '路灯不亮影响通行'];
const channels = ['hotline_12345', 'hotline_12319', 'citizen', 'department', 'inspector'];

const panels = ['screen-header', 'panel-kpis', 'panel-channels', 'panel-categories', 'panel-departments', 'panel-map', 'panel-alerts', 'panel-stations', 'panel-trends'];
const kpiText = (page: Page, key: string) => page.locator(`[data-test=kpi-${key}] [data-test=kpi-value]`).textContent();
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

describe('一屏观全镇', () => {
  let s: Session;
  let dispatcher = '';
  let leader = '';
  /** grid centres, where the test's cases are taken */
  let points: { lng: number; lat: number }[] = [];
  let n = 0;
  const intake = (extra: Record<string, unknown> = {}) => {
    const i = n++;
    const p = points[i % points.length]!;
    return post('/cases', dispatcher, {
      channel: channels[i % channels.length],
      description: `${descriptions[i % descriptions.length]}（大屏测试第${i + 1}件）`,
      location: { lng: p.lng + ((i % 5) - 2) * 0.0004, lat: p.lat + ((i % 3) - 1) * 0.0004 },
      ...extra,
    });
  };
  const waitSettled = async (page: Page) => {
    // the page has seen the record's last event and its trailing refetch has landed
    const head = (await get<DashboardDto>('/dashboard', leader)).lastSeq;
    await page.waitForFunction((seq) => Number(document.querySelector('[data-test=screen-page]')?.getAttribute('data-last-seq')) >= seq, head, { timeout: 120_000, polling: 100 });
    await page.waitForTimeout(1000);
  };

  beforeAll(async () => {
    s = await openBrowser();
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    dispatcher = await cookieOf('dispatcher');
    leader = await cookieOf('leader');
    const grids = await get<{ features: { geometry: { type: string; coordinates: unknown } }[] }>('/grids', dispatcher);
    points = grids.features.map((f) => {
      const ring = (f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][])[0] : (f.geometry.coordinates as number[][][][])[0]![0])!;
      return { lng: ring.reduce((a, c) => a + c[0]!, 0) / ring.length, lat: ring.reduce((a, c) => a + c[1]!, 0) / ring.length };
    });
    // a working morning: some orders, some registered, an urgent one for the ticker
    for (let i = 0; i < 24; i++) {
      const c = await intake(i % 8 === 0 ? { urgency: 'urgent' } : {});
      if (i % 3 === 0) await post(`/cases/${c.id}/actions/register`, dispatcher, {});
    }
  }, 120_000);
  afterAll(async () => closeBrowser(s));

  it('brings the leader back to the screen after login, and the console links to it', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/screen`);
    await page.waitForURL(/\/login\?redirect=(%2F|\/)screen$/);
    await page.locator('input[data-test=username]').fill('leader');
    await page.locator('input[data-test=password]').fill(demoPassword);
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForURL(`${baseUrl}/screen`);
    await page.locator('[data-test=screen-map][data-ready=true]').waitFor();
    await page.locator('[data-test=screen-back]').click();
    await page.locator('[data-test=menu-screen]').click();
    await page.waitForURL(`${baseUrl}/screen`);
    await page.locator('[data-test=screen-live][data-connected=true]').waitFor();
  });

  it('shows every panel with the figures of GET /api/v1/dashboard', async () => {
    const { page } = s;
    await page.locator('[data-test=screen-map][data-ready=true]').waitFor();
    await waitSettled(page);
    const d = await get<DashboardDto>('/dashboard', leader);
    const m = await get<DashboardMapDto>('/dashboard/map', leader);
    for (const p of panels) expect(await page.locator(`[data-test=${p}]`).count(), p).toBe(1);
    expect(await page.locator('[data-test=screen-title]').textContent()).toBe(`${d.town.name}城市运行综合管理中心`);

    expect(await kpiText(page, 'new')).toBe(String(d.today.new));
    expect(d.today.new).toBeGreaterThanOrEqual(24);
    expect(await kpiText(page, 'registered')).toBe(String(d.today.registered));
    expect(await kpiText(page, 'dispatched')).toBe(String(d.today.dispatched));
    expect(await kpiText(page, 'inHandling')).toBe(String(d.now.inHandling));
    expect(await kpiText(page, 'closed')).toBe(String(d.today.closed));
    expect(await kpiText(page, 'onTimeRate')).toBe(rate(d.today.onTimeRate));
    expect(await kpiText(page, 'overdue')).toBe(String(d.now.lights.red));
    expect(await kpiText(page, 'satisfaction')).toBe(rate(d.today.satisfactionRate));

    for (const c of d.byChannel) {
      const row = page.locator(`[data-test=screen-channels] tr[data-channel=${c.channel}]`);
      expect([await row.locator('[data-test=channel-new]').textContent(), await row.locator('[data-test=channel-open]').textContent()], c.channel).toEqual([String(c.today.new), String(c.open)]);
    }
    expect(await page.locator('[data-test=station-card]').count()).toBe(d.stations.length);
    expect(d.stations.filter((st) => !st.temporary)).toHaveLength(6);
    for (const st of d.stations) {
      const card = page.locator(`[data-test=station-card][data-station=${st.code}]`);
      const figures = await Promise.all(['open', 'red', 'yellow', 'today'].map((k) => card.locator(`[data-test=station-${k}]`).textContent()));
      expect(figures, st.code).toEqual([st.open, st.lights.red, st.lights.yellow, st.today.new].map(String));
    }
    const topNames = await page.locator('[data-test=screen-categories] tr th').allTextContents();
    expect(topNames).toEqual(d.topCategories.slice(0, 6).map((c) => c.name));
    const ranked = [...d.departments].sort((a, b) => a.rank - b.rank).slice(0, 6);
    expect(await page.locator('[data-test=department-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-department')))).toEqual(ranked.map((x) => x.code));
    expect(await page.locator('[data-test=screen-alerts]').getAttribute('data-count')).toBe(String(d.alerts.length));
    expect(d.alerts.some((a) => a.kind === 'urgent')).toBe(true);
    expect(await page.locator('[data-test=alert-item]').count()).toBe(d.alerts.length);
    for (const k of ['hourly', 'daily', 'weekly'] as const) {
      expect(await page.locator(`[data-test=trend-${k}] [data-test=trend-total]`).textContent(), k).toBe(String(d.trends[k].reduce((a, p) => a + p.new, 0)));
    }
    const map = page.locator('[data-test=screen-map]');
    expect(await map.getAttribute('data-cases')).toBe(String(m.cases.length));
    expect(await map.getAttribute('data-drawn')).toBe(String(m.cases.length));

    // a case on the map opens its summary, linked to the case page
    await page.locator('[data-case-id]').first().click({ force: true });
    const popup = page.locator('[data-test=case-popup]');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    for (const label of ['案件编号', '类别', '状态', '站点', '主办单位', '已历时']) expect(text).toContain(label);
    expect(await popup.locator('[data-test=popup-case-link]').getAttribute('href')).toMatch(/^\/cases\//);
    await page.waitForTimeout(400);
    console.log(`screenshot: ${await screenshot(page, 'screen-1920x1080-popup')}`);
    await page.keyboard.press('Escape');
    expect(s.problems.filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('fits 1920×1080, 1366×768 and 3840×2160 without overlap (screenshots kept)', async () => {
    const { page } = s;
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(800);
      const boxes = await Promise.all(panels.map(async (p) => ({ p, box: (await page.locator(`[data-test=${p}]`).boundingBox())! })));
      for (const { p, box } of boxes) {
        expect(box, `${p} at ${width}×${height}`).not.toBeNull();
        expect(box.x, p).toBeGreaterThanOrEqual(0);
        expect(box.y, p).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${p} right edge at ${width}×${height}`).toBeLessThanOrEqual(width + 0.5);
        expect(box.y + box.height, `${p} bottom edge at ${width}×${height}`).toBeLessThanOrEqual(height + 0.5);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.box;
          const b = boxes[j]!.box;
          const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
          expect(overlap, `${boxes[i]!.p} and ${boxes[j]!.p} overlap at ${width}×${height}`).toBe(false);
        }
      }
      // the station cards and KPI tiles stay inside their panels
      for (const [inner, outer] of [
        ['station-card', 'panel-stations'],
        ['kpi-value', 'panel-kpis'],
        ['department-row', 'panel-departments'],
      ] as const) {
        const o = (await page.locator(`[data-test=${outer}]`).boundingBox())!;
        for (const b of await page.locator(`[data-test=${inner}]`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { bottom: number; right: number }))) {
          expect(b.bottom, `${inner} inside ${outer} at ${width}×${height}`).toBeLessThanOrEqual(o.y + o.height + 0.5);
          expect(b.right, `${inner} inside ${outer} at ${width}×${height}`).toBeLessThanOrEqual(o.x + o.width + 0.5);
        }
      }
      console.log(`screenshot: ${await screenshot(page, `screen-${width}x${height}`)}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('shows a case taken through the API in 今日新增 and on the map within 1 s', async () => {
    const { page } = s;
    await waitSettled(page);
    const before = Number(await kpiText(page, 'new'));
    const casesBefore = Number(await page.locator('[data-test=screen-map]').getAttribute('data-cases'));
    const c = await intake();
    const posted = Date.now();
    await page.waitForFunction(
      ({ want, cases, id }) => {
        const kpi = document.querySelector('[data-test=kpi-new] [data-test=kpi-value]')?.textContent;
        const map = document.querySelector('[data-test=screen-map]');
        return Number(kpi) === want && Number(map?.getAttribute('data-cases')) === cases && Number(map?.getAttribute('data-drawn')) === cases && (document.querySelector(`[data-case-id="${id}"]`) !== null || document.querySelector('.screen-cluster') !== null);
      },
      { want: before + 1, cases: casesBefore + 1, id: c.id },
      { timeout: 5000, polling: 10 },
    );
    const latency = Date.now() - posted;
    console.log(`live latency: POST /cases answered → 今日新增 ${before + 1} and the map's marker shown in ${latency} ms`);
    expect(latency).toBeLessThan(1000);
  });

  it('catches up after a network break, from the last event it saw', async () => {
    const { page } = s;
    // the page talks to the server through a proxy that can drop the connection for real
    const proxy = await startTcpProxy(baseUrl);
    try {
      await page.goto(`${proxy.url}/screen`);
      await page.locator('[data-test=screen-live][data-connected=true]').waitFor();
      await waitSettled(page);
      const before = Number(await kpiText(page, 'new'));
      const eventsBefore = Number(await page.locator('[data-test=screen-page]').getAttribute('data-events'));
      proxy.cut();
      await page.locator('[data-test=screen-live][data-connected=false]').waitFor({ timeout: 10_000 });
      const missed = [await intake(), await intake()];
      await page.waitForTimeout(500);
      expect(Number(await kpiText(page, 'new'))).toBe(before);
      proxy.restore();
      const restored = Date.now();
      await page.locator('[data-test=screen-live][data-connected=true]').waitFor({ timeout: 20_000 });
      await page.waitForFunction((want) => Number(document.querySelector('[data-test=kpi-new] [data-test=kpi-value]')?.textContent) === want, before + 2, { timeout: 10_000 });
      console.log(`after the break: caught up ${Date.now() - restored} ms after the network came back`);
      // the stream resumed from the last event seen: the two missed intakes arrived as events, once each
      await page.waitForFunction((n) => Number(document.querySelector('[data-test=screen-page]')?.getAttribute('data-events')) >= n, eventsBefore + 2, { timeout: 10_000 });
      expect(Number(await page.locator('[data-test=screen-page]').getAttribute('data-events'))).toBe(eventsBefore + 2);
      for (const c of missed) await page.locator(`[data-test=screen-map] [data-case-id="${c.id}"], [data-test=screen-map] .screen-cluster`).first().waitFor({ state: 'attached' });
    } finally {
      proxy.restore();
      await page.goto(`${baseUrl}/screen`);
      await proxy.close();
    }
    await page.locator('[data-test=screen-live][data-connected=true]').waitFor();
  });

  it('keeps the heap flat over 10 000 events', async () => {
    const { page } = s;
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const eventsSeen = async () => Number(await page.locator('[data-test=screen-page]').getAttribute('data-events'));
    const start = await eventsSeen();
    // 1 000 intakes: the town's open cases the page will hold from now on
    let t0 = Date.now();
    const ids: string[] = [];
    await pool(1000, 16, async () => ids.push((await intake()).id));
    const intakeMs = Date.now() - t0;
    await waitSettled(page);
    const afterFirst = await heap();
    const seenFirst = (await eventsSeen()) - start;
    // 9 000 more events on the same cases (催办), so the data the page holds stays the same size
    t0 = Date.now();
    const urge = (i: number) => post(`/cases/${ids[i % ids.length]}/actions/urge`, dispatcher, { note: `大屏耐久测试催办 ${i}` });
    await pool(4500, 16, urge);
    await waitSettled(page);
    const midway = await heap();
    await pool(4500, 16, (i) => urge(i + 4500));
    const urgeMs = Date.now() - t0;
    await waitSettled(page);
    const afterAll10k = await heap();
    const seenAll = (await eventsSeen()) - start;
    const mb = (b: number) => (b / 1048576).toFixed(1);
    console.log(
      `heap: after the first 1 000 events ${mb(afterFirst)} MB, after 5 500 ${mb(midway)} MB, after 10 000 ${mb(afterAll10k)} MB (Δ ${mb(afterAll10k - afterFirst)} MB); ` +
        `events received ${seenFirst} then ${seenAll}; 1 000 intakes in ${intakeMs} ms, 9 000 urges in ${urgeMs} ms (with two pauses to settle)`,
    );
    expect(seenFirst).toBeGreaterThanOrEqual(1000);
    expect(seenAll).toBeGreaterThanOrEqual(10_000);
    expect(afterAll10k - afterFirst).toBeLessThan(10 * 1048576);
    // still live and drawing
    expect(Number(await page.locator('[data-test=screen-map]').getAttribute('data-cases'))).toBe((await get<DashboardMapDto>('/dashboard/map', leader)).cases.length);
    expect(s.problems.filter((p) => !p.includes('401') && !p.includes('ERR_'))).toEqual([]);
  }, 600_000);
});
