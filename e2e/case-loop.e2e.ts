/**
 * The closed loop on the case page: a 12345 order is taken through the API, the dispatcher
 * registers it (立案, 09001 无照经营游商) and routing dispatches it to 城管中队 by rule; 城管中队 in a
 * second browser accepts, starts and feeds back; the dispatcher's page shows it live, unreloaded.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto } from '../src/contracts/cases.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

/** a 1×1 PNG: the server accepts photos by their content, so the upload must be a real image */
const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

async function cookieOf(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Opens an action's form, fills it through `fill`, confirms, and waits until the form has closed. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.locator(`[data-test=action-${action}]`).click();
  await page.locator('[data-test=action-form]').waitFor();
  await fill?.();
  await page.locator('[data-test=action-submit]').click();
  await page.locator('[data-test=action-form]').waitFor({ state: 'detached' });
}

describe('case loop on the case page', () => {
  let dispatcher: Session;
  let handler: Session;
  let id = '';
  const phone = '13916720835';

  beforeAll(async () => {
    dispatcher = await openBrowser();
    handler = await openBrowser();
    const cookie = await cookieOf('dispatcher');
    const res = await fetch(`${baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        channel: 'hotline_12345',
        externalId: `E2E-LOOP-${Date.now()}`,
        description: '东风农场卫星路口有流动摊贩三轮车摆摊，占道经营，影响通行',
        location: { lng: 121.47, lat: 31.68 },
        reporter: { name: '张建国', phone },
        channelData: { callType: 'complaint' },
      }),
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as CaseDetailDto).id;
  });
  afterAll(async () => {
    await closeBrowser(dispatcher);
    await closeBrowser(handler);
  });

  it('the dispatcher sees the order masked, may reveal the number (audited), and forms close with Esc', async () => {
    const { page } = dispatcher;
    await logIn(page, 'dispatcher');
    await page.goto(`${baseUrl}/cases/${id}`);
    await waitForText(page, '[data-test=case-status]', '受理/上报');
    await waitForText(page, '[data-test=case-channel]', '12345热线');
    const masked = (await page.locator('[data-test=case-reporter]').textContent()) ?? '';
    expect(masked).not.toContain(phone);
    expect(masked).toContain('记入审计');
    await page.locator('[data-test=reveal-reporter]').click();
    await waitForText(page, '[data-test=case-reporter]', phone);
    // only what the server allows is offered
    const detail = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(detail.allowedActions).toContain('register');
    for (const a of detail.allowedActions) expect(await page.locator(`[data-test=action-${a}]`).count()).toBe(1);
    expect(await page.locator('[data-test=action-accept]').count()).toBe(0);
    // 作废 needs a reason: said next to the field, nothing sent
    await page.locator('[data-test=action-void]').click();
    await page.locator('[data-test=action-submit]').click();
    await waitForText(page, '[data-test=action-form]', '请填写原因');
    await page.keyboard.press('Escape');
    await page.locator('[data-test=action-form]').waitFor({ state: 'detached' });
    await waitForText(page, '[data-test=case-status]', '受理/上报');
  });

  it('立案 with 09001 confirmed dispatches to 城管中队 by rule, shown in 派遣依据 and the deadlines', async () => {
    const { page } = dispatcher;
    await act(page, 'register', async () => {
      await page.locator('[data-test=field-category]').click();
      await page.keyboard.type('09001');
      await page.locator('.el-select-dropdown__item:visible', { hasText: '09001 无照经营游商' }).first().click();
    });
    await waitForText(page, '[data-test=case-status]', '已派遣');
    await waitForText(page, '[data-test=case-category]', '09001 无照经营游商');
    await waitForText(page, '[data-test=case-lead]', '城管');
    await waitForText(page, '[data-test=routing-lead]', '城管执法中队');
    const api = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(api.routing?.kind).toBe('auto');
    await waitForText(page, '[data-test=routing-rule]', api.routing?.ruleLabel.zh ?? '(none)');
    await waitForText(page, '[data-test=routing-explanation]', api.routing?.explanation.zh.slice(0, 10) ?? '(none)');
    await waitForText(page, '[data-test=event-dispatch]', '系统');
    await page.locator('[data-test=deadline-dispatch]').waitFor();
    await page.locator('[data-test=deadline-accept]').waitFor();
    // from here on the page must not be reloaded: what changes comes over the stream
    await page.evaluate('window.__sameDocument = true');
  });

  it('城管中队 accepts, starts and feeds back in its own browser', async () => {
    const { page } = handler;
    await logIn(page, 'cgzd');
    await page.goto(`${baseUrl}/cases/${id}`);
    await waitForText(page, '[data-test=case-status]', '已派遣');
    // no reveal for a department handler
    expect(await page.locator('[data-test=reveal-reporter]').count()).toBe(0);
    await act(page, 'accept');
    await waitForText(page, '[data-test=case-status]', '已签收');
    await act(page, 'start');
    await waitForText(page, '[data-test=case-status]', '处置中');
    // 谁牵头谁办理: the lead unit records the meeting with its assistants
    await act(page, 'joint-meeting', async () => {
      await page.locator('textarea[data-test=field-minutes]').fill('城管中队牵头，市场所、市容所参加，商定联合整治流动摊贩');
    });
    await waitForText(page, '[data-test=joint-meeting]', '市场所');
    await waitForText(page, '[data-test=event-joint-meeting]', '联合整治流动摊贩');
    await act(page, 'feedback', async () => {
      await page.locator('textarea[data-test=field-text]').fill('已劝离流动摊贩，现场恢复通行，并安排每日巡查');
      await page.locator('[data-test=photo-input]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: Buffer.from(onePixelPng, 'base64') });
      await page.locator('[data-test=action-form] [data-test=photo-thumbs] img').waitFor();
    });
    await waitForText(page, '[data-test=case-status]', '已反馈');
    await waitForText(page, '[data-test=event-feedback]', '已劝离流动摊贩');
    // the photo is shown from GET /attachments/:id as a thumbnail of the feedback
    await page.locator('[data-test=event-feedback] [data-test=photo-thumbs] img').waitFor();
    await page.waitForFunction('document.querySelector("[data-test=event-feedback] [data-test=photo-thumbs] img")?.naturalWidth === 1');
    await screenshot(page, '31-case-cgzd');
  });

  it("the dispatcher's page shows 城管中队's events live, without a reload", async () => {
    const { page } = dispatcher;
    await waitForText(page, '[data-test=case-status]', '已反馈', 8_000);
    await waitForText(page, '[data-test=event-feedback]', '已劝离流动摊贩');
    await waitForText(page, '[data-test=event-accept]', '签收');
    await waitForText(page, '[data-test=live-last]', '反馈');
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    await screenshot(page, '30-case-dispatcher');
  });

  it('the pages had no script errors', () => {
    expect(dispatcher.problems.filter((p) => !/401|Unauthorized/i.test(p))).toEqual([]);
    expect(handler.problems.filter((p) => !/401|Unauthorized/i.test(p))).toEqual([]);
  });
});
