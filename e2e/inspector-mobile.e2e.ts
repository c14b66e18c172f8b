/**
 * 城运巡查 on a phone (390×844, touch, GPS in 前哨): inspector1 logs in and lands on /m, reports a
 * problem with a camera photo and the GPS position (one case); goes offline, types a second report
 * (待发送, kept in IndexedDB, still there after reopening the app offline from the service worker's
 * cache) which is sent once the network returns — exactly one case; a third report whose answer is
 * lost on the way back is resent with the same key — still one case; finally checks (核查) a case of
 * the station that 城管中队 has reported back, with an after-photo.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto, CaseSummaryDto } from '../src/contracts/cases.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, openPhone, screenshot, waitForCount, waitForText, type Session } from './support/browser.js';

/** a point in 前哨 station (grid 310151115006001), inspector1's */
const qianshao = { longitude: 121.8438, latitude: 31.5955 };
/** a real PNG: the server accepts photos by their content */
const photo = { name: 'site.png', mimeType: 'image/png', buffer: readFileSync(new URL('../src/web/public/icons/icon-192.png', import.meta.url)) };
const run = Date.now().toString(36);

async function casesWith(text: string): Promise<CaseSummaryDto[]> {
  const list = await apiGet<{ items: CaseSummaryDto[] }>(`/cases?q=${encodeURIComponent(text)}&limit=50`, 'dispatcher');
  return list.items.filter((c) => c.description === text);
}

async function noSideways(page: Page): Promise<void> {
  const [scroll, width] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(scroll, 'no horizontal scroll').toBeLessThanOrEqual(width);
}

async function typeReport(page: Page, description: string): Promise<void> {
  await page.locator('[data-test=m-description]').fill(description);
  await page.locator('[data-test=m-photo-input]').setInputFiles(photo);
  await waitForCount(page, '[data-test=m-photo-thumbs] img', 1);
  await waitForText(page, '[data-test=m-gps-text]', '经度 121.84380');
}

describe('the inspector’s phone app', () => {
  let s: Session;
  const first = `巡查上报 ${run}：前哨村3组路口垃圾堆放，约两平方米`;
  const offline = `离线上报 ${run}：前哨村河道有漂浮物`;
  const lost = `回执丢失 ${run}：前哨村井盖缺失`;

  beforeAll(async () => {
    s = await openPhone(qianshao);
  });
  afterAll(async () => {
    if (s) expect(s.problems.filter((p) => !p.includes('Failed to load resource') && !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('ERR_FAILED'))).toEqual([]);
    await closeBrowser(s);
  });

  it('logs in and lands on 上报问题 in the phone layout, without horizontal scroll', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[data-test=username]').fill('inspector1');
    await page.locator('input[data-test=password]').fill(demoPassword);
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForURL(/\/m$/);
    await page.locator('[data-test=m-report-form]').waitFor();
    await waitForText(page, '[data-test=m-network]', '在线');
    await waitForText(page, '[data-test=m-tab-m-report]', '上报问题');
    await waitForText(page, '[data-test=m-tab-m-mine]', '我的上报');
    await waitForText(page, '[data-test=m-tab-m-tasks]', '核查任务');
    await waitForText(page, '[data-test=m-gps-text]', '精度');
    await noSideways(page);
    await screenshot(page, 'm01-report-empty');
  });

  it('says what is missing next to the field and sends nothing', async () => {
    const { page } = s;
    await page.locator('[data-test=m-submit]').click();
    await waitForText(page, '[data-test=m-description-error]', '请填写问题描述');
  });

  it('reports a problem with a camera photo and the GPS position: one case, channel 网格巡查', async () => {
    const { page } = s;
    await typeReport(page, first);
    await noSideways(page);
    await screenshot(page, 'm02-report-filled');
    await page.locator('[data-test=m-submit]').click();
    await page.locator('[data-test=m-report-result][data-kind=sent]').waitFor();
    const shown = (await page.locator('[data-test=m-result-case-no]').textContent()) ?? '';
    await screenshot(page, 'm03-report-sent');

    const made = await casesWith(first);
    expect(made).toHaveLength(1);
    expect(shown).toContain(made[0]!.caseNo);
    const detail = await apiGet<CaseDetailDto>(`/cases/${made[0]!.id}`, 'dispatcher');
    expect(detail).toMatchObject({ channel: 'inspector', station: { code: 'QS' } });
    expect(detail.location?.lng).toBeCloseTo(qianshao.longitude, 4);
    expect(detail.location?.lat).toBeCloseTo(qianshao.latitude, 4);
    expect(detail.photos).toHaveLength(1);
    expect(detail.externalId).toMatch(/^M-/);
    expect(detail.channelData).toMatchObject({ inspectorCode: 'P058' });
  });

  it('offline, a typed report is kept as 待发送, also after reopening the app offline', async () => {
    const { page, context } = s;
    // the service worker has the app shell before the network goes
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.locator('[data-test=m-report-another]').click();
    await context.setOffline(true);
    await waitForText(page, '[data-test=m-network]', '离线');
    await typeReport(page, offline);
    await page.locator('[data-test=m-submit]').click();
    await page.locator('[data-test=m-report-result][data-kind=queued]').waitFor();
    await waitForText(page, '[data-test=m-queued-count]', '待发送 1');
    await screenshot(page, 'm04-report-queued');

    await page.locator('[data-test=m-tab-m-mine]').click();
    await waitForText(page, '[data-test=m-queued-item]', offline);
    await waitForText(page, '[data-test=m-queued-state]', '待发送');
    await waitForText(page, '[data-test=m-mine-error]', '离线');
    await noSideways(page);
    await screenshot(page, 'm05-mine-offline');

    // closed and opened again without a network: the shell comes from the cache, the report from IndexedDB
    await page.reload();
    await waitForText(page, '[data-test=m-queued-item]', offline);
    await waitForText(page, '[data-test=m-network]', '离线');
    expect(await casesWith(offline)).toHaveLength(0);
  });

  it('when the network returns the queued report is sent: exactly one case', async () => {
    const { page, context } = s;
    await context.setOffline(false);
    await waitForText(page, '[data-test=m-network]', '在线');
    await page.locator('[data-test=m-queued-item]').waitFor({ state: 'detached', timeout: 20_000 });
    await waitForText(page, '[data-test=m-mine-page]', offline.slice(0, 12));
    expect(await casesWith(offline)).toHaveLength(1);
    await screenshot(page, 'm06-mine-sent');
  });

  it('a report whose answer is lost is resent with the same key: still one case', async () => {
    const { page } = s;
    let keys: string[] = [];
    // the server takes the first intake, but its answer never reaches the phone
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await page.locator('[data-test=m-tab-m-report]').click();
    await typeReport(page, lost);
    await page.locator('[data-test=m-submit]').click();
    await page.locator('[data-test=m-report-result][data-kind=queued]').waitFor();
    expect(await casesWith(lost)).toHaveLength(1);

    await page.locator('[data-test=m-tab-m-mine]').click();
    await page.locator('[data-test=m-send-now]').click();
    await page.locator('[data-test=m-queued-item]').waitFor({ state: 'detached' });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await casesWith(lost)).toHaveLength(1);
    await page.unroute('**/api/v1/cases');
    keys = [];
  });

  it('a report the server refuses (4xx) stays on the phone with its Chinese message until corrected and sent', async () => {
    const { page, context } = s;
    const outside = `镇外上报 ${run}：路边有废弃车辆`;
    // a position outside 东平镇
    await context.setGeolocation({ longitude: 121.2, latitude: 31.2 });
    await page.locator('[data-test=m-tab-m-report]').click();
    await page.locator('[data-test=m-report-form]').waitFor();
    await page.locator('[data-test=m-gps-retry]').click();
    await waitForText(page, '[data-test=m-gps-text]', '经度 121.20000');
    await page.locator('[data-test=m-description]').fill(outside);
    await page.locator('[data-test=m-submit]').click();
    await waitForText(page, '[data-test=m-report-result][data-kind=rejected]', '该位置不在本镇辖区内');

    await page.locator('[data-test=m-tab-m-mine]').click();
    const item = page.locator('[data-test=m-queued-item][data-state=rejected]');
    await waitForText(page, '[data-test=m-queued-item][data-state=rejected]', '该位置不在本镇辖区内');
    expect(await page.locator('[data-test=m-queued-state]').first().textContent()).toContain('被退回');
    await page.waitForTimeout(500);
    // still there after a retry round: a refused report is not resent as it is, nor dropped
    expect(await item.count()).toBe(1);
    await screenshot(page, 'm07a-mine-rejected');
    expect(await casesWith(outside)).toHaveLength(0);

    await item.locator('[data-test=m-edit]').click();
    await item.locator('[data-test=m-edit-drop-location]').check();
    await item.locator('[data-test=m-edit-address]').fill('前哨村3组12号东侧');
    await screenshot(page, 'm07b-mine-correcting');
    await item.locator('[data-test=m-resend]').click();
    await item.waitFor({ state: 'detached' });
    const made = await casesWith(outside);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ address: '前哨村3组12号东侧', location: null, channel: 'inspector' });
    await context.setGeolocation(qianshao);
  });

  it('核查任务: a case 城管中队 reported back is checked as passed with an after-photo', async () => {
    const { page } = s;
    // 12345 order in 前哨 → 立案 09001 (routed to 城管中队) → accepted, started, reported back with a photo
    const dispatcher = await apiCookie('dispatcher');
    const cgzd = await apiCookie('cgzd');
    const description = `核查 ${run}：前哨村路口流动摊贩占道经营`;
    const created = await apiPost<CaseDetailDto>('/cases', dispatcher, {
      channel: 'hotline_12345',
      externalId: `E2E-M-${run}`,
      description,
      location: { lng: qianshao.longitude, lat: qianshao.latitude },
      reporter: { name: '张建国', phone: '13916720835' },
    });
    await apiPost(`/cases/${created.id}/actions/register`, dispatcher, { categoryCode: '09001' });
    await apiPost(`/cases/${created.id}/actions/accept`, cgzd, {});
    await apiPost(`/cases/${created.id}/actions/start`, cgzd, {});
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(photo.buffer)], { type: 'image/png' }), 'done.png');
    const uploaded = (await (await fetch(`${baseUrl}/api/v1/attachments`, { method: 'POST', headers: { cookie: cgzd }, body: form })).json()) as { id: string };
    await apiPost(`/cases/${created.id}/actions/feedback`, cgzd, { text: '摊贩已劝离，路口已清理', photos: [uploaded.id] });
    expect((await apiGet<CaseDetailDto>(`/cases/${created.id}`, 'inspector1')).allowedActions).toContain('verify');

    await page.locator('[data-test=m-tab-m-tasks]').click();
    const item = page.locator(`[data-test=m-case-item][data-case-no="${created.caseNo}"]`);
    await item.waitFor();
    await noSideways(page);
    await screenshot(page, 'm07-tasks');
    await item.click();
    await waitForText(page, '[data-test=m-case-status]', '已反馈');
    await waitForText(page, '[data-test=m-feedback-text]', '摊贩已劝离');
    await page.locator('[data-test=m-verify-form]').waitFor();
    await page.locator('[data-test=m-after-photo-input]').setInputFiles(photo);
    await waitForCount(page, '[data-test=m-after-photo-thumbs] img', 1);
    await page.locator('[data-test=m-verify-text]').fill('现场复核，路口已清理干净');
    await noSideways(page);
    await screenshot(page, 'm08-verify-form');
    await page.locator('[data-test=m-verify-submit]').click();
    await page.locator('[data-test=m-verify-done]').waitFor();
    // the server no longer offers 核查, so neither does the phone
    expect(await page.locator('[data-test=m-verify-form]').count()).toBe(0);
    const after = await apiGet<CaseDetailDto>(`/cases/${created.id}`, 'dispatcher');
    expect(after.status).toBe('verified');
    const check = after.events.find((e) => e.action === 'verify');
    expect(check?.data).toMatchObject({ result: 'pass' });
    expect(check?.attachments).toHaveLength(1);
    await waitForText(page, '[data-test=m-case-status]', '核查通过');
    await waitForText(page, '[data-test=m-check]', '现场复核，路口已清理干净');
    await waitForCount(page, '[data-test=m-check] .el-image', 1);
    await screenshot(page, 'm09-verified');
  });

  it('fits a 375×667 phone too', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 375, height: 667 });
    for (const tab of ['m-report', 'm-mine', 'm-tasks']) {
      await page.locator(`[data-test=m-tab-${tab}]`).click();
      await page.waitForTimeout(300);
      await noSideways(page);
    }
    await screenshot(page, 'm10-tasks-375');
    await page.locator('[data-test=m-tab-m-report]').click();
    await page.locator('[data-test=m-report-form]').waitFor();
    await waitForText(page, '[data-test=m-gps-text]', '精度');
    await noSideways(page);
    await screenshot(page, 'm11-report-375');
  });
});
