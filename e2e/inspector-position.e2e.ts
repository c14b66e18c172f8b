/**
 * The inspector's position feed (issue #5): inspector1's phone with geolocation granted (in 东风)
 * shows 「位置上报中 · 最近 HH:mm」 and posts its fix; the map API puts inspector1 there as a GPS
 * position; paused, the phone says so; moved (context.setGeolocation) and switched on again, the
 * new place reaches the map; /screen draws inspector1 as a solid (GPS) marker whose popup names
 * the inspector, the station and the time; a report made later moves the marker there, hollow. Without the permission the phone says 「定位未开启」,
 * and once granted (context.grantPermissions) it reports again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardMapDto } from '../src/contracts/dashboard.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, openPhone, screenshot, waitForText, type Session } from './support/browser.js';

/** a point in 东风 (grid 310151115001011), a phone's usual accuracy in metres */
const dongfeng = { longitude: 121.47, latitude: 31.68, accuracy: 8 };
/** a point in 前哨, inspector1's station */
const qianshao = { longitude: 121.8438, latitude: 31.5955, accuracy: 12 };

async function inspector1OnMap(): Promise<DashboardMapDto['inspectors'][number] | undefined> {
  const map = await apiGet<DashboardMapDto>('/dashboard/map', 'leader');
  return map.inspectors.find((i) => i.name.includes('inspector1'));
}

async function waitForMapAt(place: { longitude: number; latitude: number }, timeoutMs = 15_000): Promise<DashboardMapDto['inspectors'][number]> {
  const deadline = Date.now() + timeoutMs;
  let seen: DashboardMapDto['inspectors'][number] | undefined;
  while (Date.now() < deadline) {
    seen = await inspector1OnMap();
    if (seen && seen.source === 'gps' && Math.abs(seen.lng - place.longitude) < 1e-6 && Math.abs(seen.lat - place.latitude) < 1e-6) return seen;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`inspector1 not at ${place.longitude},${place.latitude} on the map; saw ${JSON.stringify(seen)}`);
}

describe('the inspector’s position on the phone and on the screen', () => {
  let phone: Session;
  let wall: Session | undefined;
  const ignorable = (p: string) => p.includes('Failed to load resource') || p.includes('ERR_INTERNET_DISCONNECTED');

  beforeAll(async () => {
    phone = await openPhone(dongfeng);
  });
  afterAll(async () => {
    if (phone) expect(phone.problems.filter((p) => !ignorable(p))).toEqual([]);
    if (wall) expect(wall.problems.filter((p) => !ignorable(p))).toEqual([]);
    await closeBrowser(phone);
    await closeBrowser(wall);
  });

  it('signed in with geolocation granted, the phone reports its position: the map has inspector1 there (GPS)', async () => {
    const { page } = phone;
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[data-test=username]').fill('inspector1');
    await page.locator('input[data-test=password]').fill(demoPassword);
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForURL(/\/m$/);
    const text = await waitForText(page, '[data-test=m-position-text]', '位置上报中 · 最近');
    expect(text).toMatch(/最近 \d{2}:\d{2}/);
    expect(await page.locator('[data-test=m-position]').getAttribute('data-state')).toBe('on');
    expect(await page.locator('[data-test=m-position-switch]').isChecked()).toBe(true);
    await screenshot(page, 'gps01-phone-reporting');

    const seen = await waitForMapAt(dongfeng);
    expect(seen).toMatchObject({ source: 'gps', stale: false, caseNo: null, stationName: expect.stringContaining('前哨') });
    expect(Date.now() - Date.parse(seen.at)).toBeLessThan(120_000);
  });

  it('paused, the phone says so and sends nothing; switched on again at a new place, the map follows', async () => {
    const { page, context } = phone;
    await page.locator('[data-test=m-position-switch]').click();
    await waitForText(page, '[data-test=m-position-text]', '位置上报已暂停');
    expect(await page.locator('[data-test=m-position-switch]').isChecked()).toBe(false);
    await screenshot(page, 'gps02-phone-paused');

    // moving while paused reports nothing
    await context.setGeolocation(qianshao);
    await page.waitForTimeout(1500);
    expect((await inspector1OnMap())?.lng).toBeCloseTo(dongfeng.longitude, 6);
    // the choice survives a reload
    await page.reload();
    await waitForText(page, '[data-test=m-position-text]', '位置上报已暂停');

    await page.locator('[data-test=m-position-switch]').click();
    await waitForText(page, '[data-test=m-position-text]', '位置上报中');
    await waitForMapAt(qianshao);
  });

  it('/screen draws inspector1 as a solid GPS marker; its popup names the inspector, the station and the time', async () => {
    wall = await openBrowser();
    const { page } = wall;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await logIn(page, 'leader');
    await page.goto(`${baseUrl}/screen`);
    await page.locator('[data-test=screen-map][data-ready=true]').waitFor();
    const on = (await inspector1OnMap())!;
    const marker = page.locator(`[data-test=inspector-marker][data-inspector-id="${on.actorId}"]`);
    await marker.waitFor();
    expect(await marker.getAttribute('data-source')).toBe('gps');
    expect(await marker.getAttribute('data-stale')).toBe('false');
    expect(await marker.getAttribute('class')).toContain('gps');
    const legend = await waitForText(page, '[data-test=legend-inspectors]', 'GPS 定位');
    expect(legend).toContain('上报处');
    expect(legend).toContain('超 15 分钟未更新');

    await marker.click();
    const popup = await waitForText(page, '[data-test=inspector-popup]', 'inspector1');
    expect(popup).toContain('前哨');
    expect(popup).toContain('GPS 定位（精度 ±12 米）');
    // the time as Beijing time HH:mm, the same the phone shows
    const phoneText = (await phone.page.locator('[data-test=m-position-text]').textContent()) ?? '';
    const hhmm = /最近 (\d{2}:\d{2})/.exec(phoneText)?.[1];
    expect(hhmm).toBeDefined();
    expect(popup).toContain(hhmm!);
    // the hover line out of the way, the popup's fade-in done
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400);
    await screenshot(page, 'gps03-screen-inspector');
  });

  it('a report made after the last fix moves inspector1 to where it was made: a hollow marker', async () => {
    const { page } = wall!;
    const inspector = await apiCookie('inspector1');
    const made = await apiPost<{ caseNo: string }>('/cases', inspector, {
      channel: 'inspector',
      description: `定位测试 ${Date.now().toString(36)}：东风路口垃圾堆放`,
      location: { lng: dongfeng.longitude, lat: dongfeng.latitude },
    });
    const on = await inspector1OnMap();
    expect(on).toMatchObject({ source: 'report', caseNo: made.caseNo, lng: dongfeng.longitude, lat: dongfeng.latitude, stale: false });
    await page.reload();
    await page.locator('[data-test=screen-map][data-ready=true]').waitFor();
    const marker = page.locator(`[data-test=inspector-marker][data-inspector-id="${on!.actorId}"]`);
    await marker.waitFor();
    expect(await marker.getAttribute('data-source')).toBe('report');
    await marker.click();
    await waitForText(page, '[data-test=inspector-popup]', `上报案件 ${made.caseNo} 的位置`);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400);
    await screenshot(page, 'gps04-screen-report-position');
  });

  it('without the permission the phone says 定位未开启; granted, it reports again', async () => {
    const { page, context } = phone;
    await context.clearPermissions();
    await page.reload();
    await waitForText(page, '[data-test=m-position-text]', '定位未开启');
    expect(await page.locator('[data-test=m-position]').getAttribute('data-state')).toBe('denied');
    await screenshot(page, 'gps05-phone-denied');

    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation(dongfeng);
    await page.reload();
    await waitForText(page, '[data-test=m-position-text]', '位置上报中 · 最近');
    await waitForMapAt(dongfeng);
  });
});
