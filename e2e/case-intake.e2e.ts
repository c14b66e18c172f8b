/**
 * A dispatcher takes a hotline order about a street stall, sees the case number and the category
 * suggestion, resends the same order (no second case), then finds the case in 待立案 — and the
 * filter survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto } from '../src/contracts/cases.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

const externalId = `12345-E2E-${Date.now()}`;
const description = '东风村路口有人占道设摊卖水果，流动摊贩堵塞通行，请城管处理';

describe('case intake and the case list', () => {
  let s: Session;
  let caseId = '';
  let caseNo = '';
  beforeAll(async () => {
    s = await openBrowser();
    await logIn(s.page, 'dispatcher');
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  async function fillOrder(): Promise<void> {
    const { page } = s;
    await page.locator('input[data-test=intake-external-id]').fill(externalId);
    await page.locator('input[data-test=intake-caller-name]').fill('王建国');
    await page.locator('input[data-test=intake-caller-phone]').fill('139 1672 0835');
    await page.locator('textarea[data-test=intake-description]').fill(description);
    await page.locator('input[data-test=intake-lng]').fill('121.47');
    await page.locator('input[data-test=intake-lat]').fill('31.68');
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
  }

  it('takes the order with Ctrl+Enter and shows the case number and the category suggestion', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/cases/new`);
    // the form starts focused on the order number: no mouse needed
    await page.locator('input[data-test=intake-external-id]').waitFor();
    await page.locator('input[data-test=intake-external-id]:focus').waitFor();
    await fillOrder();
    await page.locator('[data-test=intake-case-no]').waitFor();
    caseNo = ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim();
    expect(caseNo.length).toBeGreaterThan(4);
    caseId = ((await page.locator('[data-test=intake-case-no]').getAttribute('href')) ?? '').split('/').pop() ?? '';

    const detail = await apiGet<CaseDetailDto>(`/cases/${caseId}`, 'dispatcher');
    expect(detail.caseNo).toBe(caseNo);
    expect(detail.status).toBe('reported');
    const top = detail.classification?.suggestions[0];
    expect(top).toBeDefined();
    await waitForText(page, '[data-test=intake-suggestions]', top?.name ?? '(none)');
    await waitForText(page, '[data-test=intake-suggestions]', `置信度 ${Math.round((top?.confidence ?? 0) * 100)}%`);
    await waitForText(page, '[data-test=intake-place]', detail.station?.name ?? '(no station)');
    // the caller's phone is masked once saved, and the form is empty for the next order
    await waitForText(page, '[data-test=intake-reporter]', '139****0835');
    expect(await page.locator('input[data-test=intake-caller-phone]').inputValue()).toBe('');
    await screenshot(page, '20-intake');
  });

  it('a resent order returns the original case instead of a new one', async () => {
    const { page } = s;
    await fillOrder();
    await waitForText(page, '[data-test=intake-duplicate-order]', '重复工单，已返回原案件');
    await waitForText(page, '[data-test=intake-original-link]', caseNo);
  });

  it('another order about the same stall lists the first case as a possible duplicate', async () => {
    const { page } = s;
    await page.locator('input[data-test=intake-external-id]').fill(`${externalId}-2`);
    await page.locator('input[data-test=intake-caller-phone]').fill('13916720835');
    await page.locator('textarea[data-test=intake-description]').fill(description);
    await page.locator('input[data-test=intake-lng]').fill('121.47');
    await page.locator('input[data-test=intake-lat]').fill('31.68');
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await waitForText(page, '[data-test=intake-duplicates]', caseNo);
    await screenshot(page, '20b-intake-duplicate');
  });

  it('a place outside the town is refused with the reason next to the coordinates', async () => {
    const { page } = s;
    await page.locator('textarea[data-test=intake-description]').fill('测试：位置在镇外');
    await page.locator('input[data-test=intake-lng]').fill('116.40');
    await page.locator('input[data-test=intake-lat]').fill('39.90');
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await waitForText(page, '[data-test=intake-error]', '该位置不在本镇辖区内');
    await waitForText(page, '[data-test=intake-form] .el-form-item.is-error', '不在任何网格内');
    // the text stays for the dispatcher to correct
    expect(await page.locator('textarea[data-test=intake-description]').inputValue()).toBe('测试：位置在镇外');
    await page.locator('[data-test=intake-reset]').click();
  });

  it('a 110 transfer needs its kind before it is taken', async () => {
    const { page } = s;
    await page.locator('[data-test=channel-police_110]').click();
    await page.locator('textarea[data-test=intake-description]').fill('110转来：邻里因停车位发生纠纷，请求调解');
    await page.locator('input[data-test=intake-address]').fill('东平镇东风村');
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await waitForText(page, '[data-test=intake-form] .el-form-item.is-error', '警情类别');
    await waitForText(page, '[data-test=intake-form] .el-form-item.is-error .el-form-item__error', '必填');
    await page.waitForTimeout(400); // the message zooms in
    await screenshot(page, '20c-intake-110-kind');
    const before = ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim();
    await page.locator('[data-test=intake-police-kind] label', { hasText: '纠纷' }).click();
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await expect.poll(async () => ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim(), { timeout: 10_000 }).not.toBe(before);
    expect(s.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    const id = ((await page.locator('[data-test=intake-case-no]').getAttribute('href')) ?? '').split('/').pop() ?? '';
    const detail = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(detail.channel).toBe('police_110');
    expect(detail.channelData).toMatchObject({ kind: 'dispute' });
  });

  it('a place picked on the map fills the coordinates, names the grid, and the case is located there', async () => {
    const { page } = s;
    await page.locator('[data-test=channel-hotline_12345]').click();
    await page.locator('textarea[data-test=intake-description]').fill('路口窨井盖缺失，夜间有安全隐患（地图选点）');
    // a grid of the town, clicked in its middle
    const grid = page.locator('[data-test=intake-map] path.leaflet-interactive').nth(20);
    await grid.waitFor({ state: 'attached' });
    await page.locator('[data-test=intake-map]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // the map settles on the town
    const box = (await grid.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForText(page, '[data-test=intake-map-caption]', '已选：');
    const caption = ((await page.locator('[data-test=intake-map-caption]').textContent()) ?? '').trim();
    const lng = Number(await page.locator('input[data-test=intake-lng]').inputValue());
    const lat = Number(await page.locator('input[data-test=intake-lat]').inputValue());
    expect(lng).toBeGreaterThan(121);
    expect(lat).toBeGreaterThan(31);
    await screenshot(page, '20d-intake-map-pick');
    const before = ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim();
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await expect.poll(async () => ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim(), { timeout: 10_000 }).not.toBe(before);
    const id = ((await page.locator('[data-test=intake-case-no]').getAttribute('href')) ?? '').split('/').pop() ?? '';
    const detail = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(detail.location).toEqual({ lng, lat });
    expect(caption).toContain(detail.grid?.name ?? '(no grid)');
    expect(caption).toContain(detail.station?.name ?? '(no station)');
  });

  it('finds the case in 待立案, keeps the filter after a reload, and opens it by keyboard', async () => {
    const { page } = s;
    await page.locator('[data-test=side-menu]').getByText('案件办理').click();
    await page.waitForURL(/\/cases$/);
    await page.locator('[data-test=case-queues] .el-tabs__item', { hasText: '待立案' }).click();
    await page.waitForURL(/queue=toRegister/);
    await waitForText(page, '[data-test=cases-table]', caseNo);
    await page.keyboard.press('/');
    await page.keyboard.type(caseNo);
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(caseNo)}`));

    await page.reload();
    await waitForText(page, '[data-test=cases-table]', caseNo);
    await waitForText(page, '[data-test=case-queues] .el-tabs__item.is-active', '待立案');
    expect(await page.locator('input[data-test=cases-search]').inputValue()).toBe(caseNo);
    const statuses = await page.locator('[data-test=case-status]').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['受理/上报']));
    await screenshot(page, '21-cases');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/cases/${caseId}`);
    expect(s.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
