/**
 * 首页「我的工作」: the dispatcher's home shows the queue counts of the API (待立案 equal to
 * GET /cases/counts), what changed since the last visit, and a tile opens its queue on /cases.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCountsDto } from '../src/contracts/cases.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

async function reportCase(text: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: demoPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ channel: 'hotline_12345', externalId: `E2E-HOME-${Date.now()}`, description: text, location: { lng: 121.47, lat: 31.68 } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { caseNo: string }).caseNo;
}

/** Other test files may add cases meanwhile, so the page and the API are compared until they agree. */
async function expectToRegisterAsApi(page: Page): Promise<number> {
  const deadline = Date.now() + 10_000;
  let shown = '';
  let api = -1;
  while (Date.now() < deadline) {
    api = (await apiGet<CaseCountsDto>('/cases/counts', 'dispatcher')).queues.reported;
    shown = ((await page.locator('[data-test=work-reported] [data-test=work-count]').textContent()) ?? '').trim();
    if (shown === String(api)) return api;
    await page.waitForTimeout(200);
  }
  throw new Error(`待立案 shows "${shown}", the API says ${api}`);
}

describe('home: my work', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await reportCase('东风农场卫星路口垃圾桶满溢，无人清运');
  });
  afterAll(async () => closeBrowser(s));

  it("shows the dispatcher's queue counts, the changes since the last visit, and opens a queue", async () => {
    const { page } = s;
    await logIn(page, 'dispatcher');
    await page.locator('[data-test=home-work]').waitFor();
    await waitForText(page, '[data-test=work-reported]', '待立案');
    expect(await expectToRegisterAsApi(page)).toBeGreaterThan(0);
    await page.locator('[data-test=home-changes-first]').waitFor();

    // a case reported between two visits is listed on the next one
    const caseNo = await reportCase('东风农场卫星路口路灯不亮，夜间通行不便');
    await page.reload();
    await waitForText(page, '[data-test=home-changes]', caseNo);
    await expectToRegisterAsApi(page);
    await screenshot(page, '40-home-work');

    await page.locator('[data-test=work-reported]').click();
    await page.waitForURL(/\/cases\?queue=toRegister/);
    await waitForText(page, '[data-test=case-queues] .el-tabs__item.is-active', '待立案');
  });

  it('is not shown to an administrator', async () => {
    const { page } = s;
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/login/);
    await logIn(page, 'admin');
    await page.locator('[data-test=scope]').waitFor();
    expect(await page.locator('[data-test=home-work]').count()).toBe(0);
  });
});
