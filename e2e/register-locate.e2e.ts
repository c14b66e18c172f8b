/**
 * 立案 locates a report that came without a place (R2): a 12345 order whose address names no place of
 * the town arrives unlocated; the dispatcher picks its grid in the 立案 form, and routing follows the
 * grid's station (09001 → 城管中队 by rule), the header showing station and grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto } from '../src/contracts/cases.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { baseUrl, closeBrowser, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

describe('立案 places an unlocated report in a grid', () => {
  let dispatcher: Session;
  let id = '';

  beforeAll(async () => {
    dispatcher = await openBrowser();
    const created = await apiPost<CaseDetailDto>('/cases', await apiCookie('dispatcher'), {
      channel: 'hotline_12345',
      externalId: `E2E-LOCATE-${Date.now()}`,
      categoryCode: '09001',
      description: '来电称某路口有流动摊贩占道经营，地址说不清楚',
      address: '某某路与某某路交叉口',
    });
    id = created.id;
    expect(created).toMatchObject({ grid: null, station: null, location: null });
  });
  afterAll(async () => closeBrowser(dispatcher));

  it('offers the grid only while the case has none, and registers it there', async () => {
    const { page } = dispatcher;
    await logIn(page, 'dispatcher');
    await page.goto(`${baseUrl}/cases/${id}`);
    await waitForText(page, '[data-test=case-status]', '受理/上报');
    await waitForText(page, '[data-test=case-station]', '—');
    await page.locator('[data-test=action-register]').click();
    await page.locator('[data-test=action-form]').waitFor();
    await page.locator('[data-test=field-grid]').click();
    await page.keyboard.type('东风2号');
    await page.locator('.el-select-dropdown__item:visible', { hasText: '东风2号网格' }).click();
    await screenshot(page, 'register-locate-form');
    await page.locator('[data-test=action-submit]').click();
    await page.locator('[data-test=action-form]').waitFor({ state: 'detached' });
    await waitForText(page, '[data-test=case-status]', '已派遣');
    await waitForText(page, '[data-test=case-station]', '东风2号网格');
    await screenshot(page, 'register-locate-done');
    const detail = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(detail).toMatchObject({ status: 'dispatched', grid: { code: '310151115001002' }, station: { code: 'DF' }, leadUnit: { code: 'CGZD' } });
  });
});
