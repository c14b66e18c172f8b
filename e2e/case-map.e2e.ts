/**
 * 案件地图 for a station chief: two cases taken in 前哨 and one in 东风; station1 (前哨站长) sees exactly
 * his station's open located cases as markers and in the list, a list click opens the popup, and the
 * popup's case number opens the case page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto, CaseSummaryDto } from '../src/contracts/cases.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, screenshot, waitForCount, waitForText, type Session } from './support/browser.js';

const open = 'reported,registered,dispatched,returned,accepted,handling,feedback,verified,visited,suspended';

async function cookieOf(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function take(cookie: string, description: string, lng: number, lat: number): Promise<CaseDetailDto> {
  const res = await fetch(`${baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      channel: 'hotline_12345',
      externalId: `E2E-MAP-${Date.now()}-${Math.round(lng * 1e4)}`,
      description,
      location: { lng, lat },
      reporter: { name: '李秀英', phone: '13816720001' },
      channelData: { callType: 'complaint' },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CaseDetailDto;
}

/** What the map must show: station1's open cases with a location, as the API lists them. */
async function stationCases(): Promise<CaseSummaryDto[]> {
  const all: CaseSummaryDto[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: CaseSummaryDto[]; nextCursor: string | null } = await apiGet(`/cases?status=${open}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 'station1');
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.filter((c) => c.location !== null);
}

describe('case map of a station', () => {
  let s: Session;
  const qs: CaseDetailDto[] = [];
  let df: CaseDetailDto;

  beforeAll(async () => {
    s = await openBrowser();
    const cookie = await cookieOf('dispatcher');
    // centroids of 前哨4号网格 and 前哨5号网格 (profiles/dongping/grids.geojson)
    qs.push(await take(cookie, '前哨4号网格村道旁垃圾堆放多日未清运，气味很大', 121.8863, 31.5708));
    qs.push(await take(cookie, '前哨5号网格河道边有人倾倒建筑垃圾', 121.9009, 31.561));
    df = await take(cookie, '东风农场卫星路口路灯不亮', 121.47, 31.68);
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  it('the cases were placed in their stations', () => {
    for (const c of qs) expect(c.station?.code).toBe('QS');
    expect(df.station?.code).toBe('DF');
  });

  it("station1 sees exactly 前哨's open cases; a list click opens the popup, whose number opens the case", async () => {
    const { page, problems } = s;
    const expected = await stationCases();
    const ids = expected.map((c) => c.id);
    expect(ids).toContain(qs[0]?.id);
    expect(ids).toContain(qs[1]?.id);
    expect(ids).not.toContain(df.id);
    for (const c of expected) expect(c.station?.code).toBe('QS');

    await logIn(page, 'station1');
    await page.locator('[data-test=side-menu] li.el-menu-item', { hasText: '案件地图' }).click();
    await page.waitForURL(/\/cases\/map$/);
    await waitForText(page, '[data-test=case-map-scope]', '前哨');
    await waitForCount(page, '.leaflet-overlay-pane path.case-marker', expected.length);
    await page.waitForTimeout(300);
    expect(await page.locator('.leaflet-overlay-pane path.case-marker').count()).toBe(expected.length);
    expect(await page.locator('[data-test=case-map-item]').count()).toBe(expected.length);
    const listed = await page.locator('[data-test=case-map-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-no')));
    expect(listed).toContain(qs[0]?.caseNo);
    expect(listed).toContain(qs[1]?.caseNo);
    expect(listed).not.toContain(df.caseNo);
    await waitForText(page, '[data-test=case-map-count]', `${expected.length} 件上图`);
    const legendTotal = await page.locator('[data-test=case-legend] .n').evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent), 0));
    expect(legendTotal).toBe(expected.length);
    await screenshot(page, '50-case-map-station1');

    const first = qs[0];
    if (!first) throw new Error('no case');
    await page.locator(`[data-test=case-map-item][data-case-no="${first.caseNo}"]`).click();
    await waitForText(page, '[data-test=case-popup]', first.caseNo);
    await waitForText(page, '[data-test=case-popup]', '受理/上报');
    await screenshot(page, '51-case-map-popup');
    await page.locator('[data-test=popup-case-link]').click();
    await page.waitForURL(new RegExp(`/cases/${first.id}$`));
    await waitForText(page, '[data-test=case-status]', '受理/上报');
    // the login page's session probe answers 401 before login; nothing else may fail
    expect(problems.filter((p) => !/401|Unauthorized/i.test(p))).toEqual([]);
  });
});
