/**
 * A day's work through the UI only (issue #4): no API call changes anything here — the API is only
 * read to check that the pages show what the server holds.
 *  1. the dispatcher (desktop) takes a 12345 order about a street stall in 前哨 at 受理登记 and registers
 *     it (立案, 09001 confirmed) → 城管中队 by rule;
 *  2. 城管中队 (cgzd, its own browser) finds it in 案件办理, signs for it, starts and feeds back with a photo;
 *  3. inspector1 (前哨站; the demo town has no inspector of 东风, hence 前哨) checks it on a phone at /m
 *     核查任务 and passes it with an after-photo;
 *  4. the dispatcher visits back (满意) and closes it (结案): 已结案, every step in the timeline in order;
 *  5. inspector1 reports a problem from the phone (photo + GPS in 前哨) and station1 (前哨站长) closes it on
 *     the spot (就地处置, before/after photos) from the desktop case page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailDto, CaseSummaryDto } from '../src/contracts/cases.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, openPhone, screenshot, waitForCount, waitForText, type Session } from './support/browser.js';

/** a point in 前哨 station (grid 310151115006001), inspector1's and station1's */
const qianshao = { longitude: 121.8438, latitude: 31.5955 };
/** a real PNG: the server accepts photos by their content */
const photo = { name: 'site.png', mimeType: 'image/png', buffer: readFileSync(new URL('../src/web/public/icons/icon-192.png', import.meta.url)) };
const run = Date.now().toString(36);
const order = `12345-DAY-${run}`;
const stall = `前哨村3组路口有流动摊贩无照经营，三轮车占道设摊卖水果，堵塞通行 ${run}`;
const litter = `巡查发现 ${run}：前哨村3组河边垃圾堆放，约一平方米`;

/** Opens an action's form, fills it through `fill`, confirms, and waits until the form has closed. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.locator(`[data-test=action-${action}]`).click();
  await page.locator('[data-test=action-form]').waitFor();
  await fill?.();
  await page.locator('[data-test=action-submit]').click();
  await page.locator('[data-test=action-form]').waitFor({ state: 'detached' });
}

/** 案件办理 → a queue → the case by its number → its page. */
async function openFromQueue(page: Page, queue: string, caseNo: string): Promise<void> {
  await page.locator('[data-test=side-menu]').getByText('案件办理', { exact: true }).click();
  await page.waitForURL(/\/cases(\?|$)/);
  await page.locator('[data-test=case-queues] .el-tabs__item', { hasText: queue }).click();
  await waitForText(page, '[data-test=case-queues] .el-tabs__item.is-active', queue);
  await page.locator('input[data-test=cases-search]').fill(caseNo);
  // the search is applied (kept in the URL) and its list has arrived before the row is clicked
  await page.waitForURL(new RegExp(`q=${encodeURIComponent(caseNo)}`));
  await expect.poll(() => page.locator('[data-test=cases-table] [data-test=case-no]').allTextContents(), { timeout: 10_000 }).toEqual([caseNo]);
  await page.locator('[data-test=cases-count][data-loading=false]').waitFor();
  await page.locator('[data-test=cases-table] [data-test=case-no]', { hasText: caseNo }).click();
  await page.waitForURL(/\/cases\/[^/?]+$/);
  await waitForText(page, '[data-test=case-no]', caseNo);
}

/** Only what the server allows is offered, as buttons. */
async function offersExactly(page: Page, id: string, username: string): Promise<string[]> {
  const allowed = (await apiGet<CaseDetailDto>(`/cases/${id}`, username)).allowedActions;
  await waitForCount(page, '[data-test=action-panel] [data-test^=action-]', 1);
  const shown = await page.locator('[data-test=action-panel] .buttons [data-test^=action-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')?.slice('action-'.length)));
  expect(shown.filter((a) => a !== 'joint-meeting').sort()).toEqual([...allowed].sort());
  return allowed;
}

const scriptErrors = (s: Session | undefined): string[] => (s?.problems ?? []).filter((p) => !/401|Unauthorized/i.test(p));

describe('a day in the UI: dispatcher, 城管中队, inspector and station chief, no API writes', () => {
  let dispatcher: Session;
  let handler: Session | undefined;
  let phone: Session;
  let chief: Session | undefined;
  let id = '';
  let caseNo = '';

  beforeAll(async () => {
    dispatcher = await openBrowser();
    phone = await openPhone(qianshao);
  });
  afterAll(async () => {
    await closeBrowser(dispatcher);
    await closeBrowser(handler);
    await closeBrowser(phone);
    await closeBrowser(chief);
  });

  it('1. the dispatcher takes the 12345 order at 受理登记 and registers it: 09001 confirmed, 城管中队 by rule', async () => {
    const { page } = dispatcher;
    await logIn(page, 'dispatcher');
    await page.locator('[data-test=side-menu]').getByText('受理登记').click();
    await page.waitForURL(/\/cases\/new$/);
    await page.locator('input[data-test=intake-external-id]:focus').waitFor();
    await waitForText(page, '[data-test=intake-channel] .is-active', '12345热线');
    await page.locator('input[data-test=intake-external-id]').fill(order);
    await page.locator('input[data-test=intake-caller-name]').fill('王建国');
    await page.locator('input[data-test=intake-caller-phone]').fill('139 1672 0835');
    await page.locator('textarea[data-test=intake-description]').fill(stall);
    await page.locator('input[data-test=intake-lng]').fill(String(qianshao.longitude));
    await page.locator('input[data-test=intake-lat]').fill(String(qianshao.latitude));
    await page.locator('textarea[data-test=intake-description]').press('Control+Enter');
    await page.locator('[data-test=intake-case-no]').waitFor();
    caseNo = ((await page.locator('[data-test=intake-case-no]').textContent()) ?? '').trim();
    id = ((await page.locator('[data-test=intake-case-no]').getAttribute('href')) ?? '').split('/').pop() ?? '';

    const taken = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(taken).toMatchObject({ caseNo, status: 'reported', channel: 'hotline_12345', externalId: order, station: { code: 'QS' } });
    expect(taken.classification?.suggestions[0]?.code).toBe('09001');
    await waitForText(page, '[data-test=intake-result]', '已受理');
    await waitForText(page, '[data-test=intake-status]', '受理/上报');
    await waitForText(page, '[data-test=intake-suggestions]', '无照经营游商');
    await waitForText(page, '[data-test=intake-suggestions]', '09001');
    await waitForText(page, '[data-test=intake-place]', '前哨');
    await waitForText(page, '[data-test=intake-reporter]', '139****0835');
    await screenshot(page, 'd01-intake');

    await page.locator('[data-test=intake-open]').click();
    await page.waitForURL(`${baseUrl}/cases/${id}`);
    await waitForText(page, '[data-test=case-status]', '受理/上报');
    await waitForText(page, '[data-test=case-channel]', '12345热线');
    expect(await offersExactly(page, id, 'dispatcher')).toContain('register');
    await act(page, 'register', async () => {
      // the classifier's best guess is preselected: the dispatcher confirms it
      await waitForText(page, '[data-test=action-form]', '确定立案');
      await waitForText(page, '[data-test=field-category]', '09001 无照经营游商');
    });
    await waitForText(page, '[data-test=case-status]', '已派遣');
    await waitForText(page, '[data-test=case-category]', '09001 无照经营游商');
    await waitForText(page, '[data-test=case-lead]', '城管');
    await waitForText(page, '[data-test=routing-lead]', '城管执法中队');
    await waitForText(page, '[data-test=event-dispatch]', '系统');
    const registered = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(registered).toMatchObject({ status: 'dispatched', category: { code: '09001' }, leadUnit: { code: 'CGZD' } });
    expect(registered.routing?.kind).toBe('auto');
    await screenshot(page, 'd02-registered');
  });

  it('2. 城管中队 finds it in 案件办理 (处置中), signs for it, starts and feeds back with a photo', async () => {
    handler = await openBrowser();
    const { page } = handler;
    await logIn(page, 'cgzd');
    await waitForText(page, '[data-test=role]', '部门');
    await openFromQueue(page, '处置中', caseNo);
    await waitForText(page, '[data-test=case-status]', '已派遣');
    await screenshot(page, 'd03-cgzd-case');
    expect(await offersExactly(page, id, 'cgzd')).toContain('accept');
    await waitForText(page, '[data-test=action-accept]', '签收');
    await act(page, 'accept');
    await waitForText(page, '[data-test=case-status]', '已签收');
    await waitForText(page, '[data-test=action-start]', '开始处置');
    await act(page, 'start');
    await waitForText(page, '[data-test=case-status]', '处置中');
    await waitForText(page, '[data-test=action-feedback]', '反馈');
    await act(page, 'feedback', async () => {
      await page.locator('textarea[data-test=field-text]').fill('已劝离流动摊贩，三轮车移走，路口恢复通行');
      await page.locator('[data-test=photo-input]').setInputFiles(photo);
      await page.locator('[data-test=action-form] [data-test=photo-thumbs] img').waitFor();
    });
    await waitForText(page, '[data-test=case-status]', '已反馈');
    await waitForText(page, '[data-test=event-feedback]', '已劝离流动摊贩');
    await page.locator('[data-test=event-feedback] [data-test=photo-thumbs] img').waitFor();
    const after = await apiGet<CaseDetailDto>(`/cases/${id}`, 'cgzd');
    expect(after.status).toBe('feedback');
    expect(after.events.find((e) => e.action === 'feedback')?.attachments).toHaveLength(1);
    await screenshot(page, 'd04-cgzd-feedback');
    expect(scriptErrors(handler)).toEqual([]);
    await closeBrowser(handler);
    handler = undefined;
  });

  it('3. inspector1 checks it on the phone (核查任务) and passes it with an after-photo', async () => {
    const { page } = phone;
    expect((await apiGet<CaseDetailDto>(`/cases/${id}`, 'inspector1')).allowedActions).toContain('verify');
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[data-test=username]').fill('inspector1');
    await page.locator('input[data-test=password]').fill(demoPassword);
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForURL(/\/m$/);
    await waitForText(page, '[data-test=m-tab-m-tasks]', '核查任务');
    await page.locator('[data-test=m-tab-m-tasks]').click();
    await waitForText(page, '[data-test=m-tasks-title]', '待核查');
    const item = page.locator(`[data-test=m-case-item][data-case-no="${caseNo}"]`);
    await item.waitFor();
    await screenshot(page, 'd05-m-tasks');
    await item.click();
    await waitForText(page, '[data-test=m-case-status]', '已反馈');
    await waitForText(page, '[data-test=m-feedback-text]', '已劝离流动摊贩');
    await page.locator('[data-test=m-verify-form]').waitFor();
    await waitForText(page, '[data-test=m-verify-pass]', '通过');
    await page.locator('[data-test=m-verify-pass]').click();
    await page.locator('[data-test=m-after-photo-input]').setInputFiles(photo);
    await waitForCount(page, '[data-test=m-after-photo-thumbs] img', 1);
    await page.locator('[data-test=m-verify-text]').fill('现场复核，摊贩已离开，路口畅通');
    await page.locator('[data-test=m-verify-submit]').click();
    await page.locator('[data-test=m-verify-done]').waitFor();
    await waitForText(page, '[data-test=m-case-status]', '核查通过');
    await waitForText(page, '[data-test=m-check]', '现场复核，摊贩已离开');
    const after = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(after.status).toBe('verified');
    const check = after.events.find((e) => e.action === 'verify');
    expect(check?.data).toMatchObject({ result: 'pass' });
    expect(check?.attachments).toHaveLength(1);
    await screenshot(page, 'd06-m-verified');
  });

  it('4. the dispatcher visits back (满意) and closes it: 已结案, every step in the timeline in order', async () => {
    const { page } = dispatcher;
    await openFromQueue(page, '待回访', caseNo);
    await waitForText(page, '[data-test=case-status]', '核查通过');
    expect(await offersExactly(page, id, 'dispatcher')).toContain('visit');
    await act(page, 'visit', async () => {
      await page.locator('[data-test=field-outcome] label', { hasText: '满意' }).first().click();
      await page.locator('input[data-test=field-note]').fill('来电人表示摊贩已离开，满意');
    });
    await waitForText(page, '[data-test=case-status]', '已回访');
    await waitForText(page, '[data-test=action-close]', '结案');
    await act(page, 'close');
    await waitForText(page, '[data-test=case-status]', '已结案');
    await waitForText(page, '[data-test=no-actions]', '');

    const closed = await apiGet<CaseDetailDto>(`/cases/${id}`, 'dispatcher');
    expect(closed.status).toBe('closed');
    expect(closed.events.find((e) => e.action === 'visit')?.data).toMatchObject({ outcome: 'satisfied' });
    // the timeline lists newest first: read it oldest first
    const labels = (await page.locator('[data-test=case-timeline] [data-test=event-label]').allTextContents()).map((l) => l.trim()).reverse();
    expect(labels).toEqual(['受理/上报', '立案', '派遣', '签收', '开始处置', '反馈', '核查', '回访', '结案']);
    expect(closed.events.map((e) => e.action)).toEqual(['report', 'register', 'dispatch', 'accept', 'start', 'feedback', 'verify', 'visit', 'close']);
    await waitForText(page, '[data-test=event-visit]', '满意');
    await page.locator('[data-test=event-verify] [data-test=photo-thumbs] img').first().waitFor();
    await screenshot(page, 'd07-closed');
    // the oldest steps, further down
    await page.locator('[data-test=event-report]').scrollIntoViewIfNeeded();
    await screenshot(page, 'd07b-timeline-start');
  });

  it('5. inspector1 reports from the phone; station1 closes it on the spot from the case page', async () => {
    const { page } = phone;
    await page.locator('[data-test=m-tab-m-report]').click();
    await page.locator('[data-test=m-report-form]').waitFor();
    await page.locator('[data-test=m-description]').fill(litter);
    await page.locator('[data-test=m-photo-input]').setInputFiles(photo);
    await waitForCount(page, '[data-test=m-photo-thumbs] img', 1);
    await waitForText(page, '[data-test=m-gps-text]', '经度 121.84380');
    await page.locator('[data-test=m-submit]').click();
    await page.locator('[data-test=m-report-result][data-kind=sent]').waitFor();
    await waitForText(page, '[data-test=m-report-result]', '已上报');
    const shown = (await page.locator('[data-test=m-result-case-no]').textContent()) ?? '';
    await screenshot(page, 'd08-m-reported');
    const made = (await apiGet<{ items: CaseSummaryDto[] }>(`/cases?q=${encodeURIComponent(litter)}&limit=50`, 'station1')).items.filter((c) => c.description === litter);
    expect(made).toHaveLength(1);
    const reported = made[0]!;
    expect(shown).toContain(reported.caseNo);
    expect(reported).toMatchObject({ channel: 'inspector', status: 'reported', station: { code: 'QS' } });

    chief = await openBrowser();
    const desk = chief.page;
    await logIn(desk, 'station1');
    await waitForText(desk, '[data-test=role]', '站长');
    await openFromQueue(desk, '待立案', reported.caseNo);
    await waitForText(desk, '[data-test=case-status]', '受理/上报');
    await waitForText(desk, '[data-test=case-channel]', '网格巡查');
    await waitForText(desk, '[data-test=case-station]', '前哨');
    const allowed = await offersExactly(desk, reported.id, 'station1');
    if (allowed.includes('handle-locally')) {
      await waitForText(desk, '[data-test=action-handle-locally]', '就地处置');
      await act(desk, 'handle-locally', async () => {
        await desk.locator('textarea[data-test=field-text]').fill('站内力量到场清理，垃圾已清运');
        await desk.locator('[data-test=photo-before]').setInputFiles(photo);
        await desk.locator('[data-test=photo-after]').setInputFiles({ ...photo, name: 'after.png' });
        await waitForCount(desk, '[data-test=action-form] [data-test=photo-thumbs] img', 2);
        await screenshot(desk, 'd09-station-local-form');
      });
      await waitForText(desk, '[data-test=case-status]', '已结案');
      await waitForText(desk, '[data-test=event-handle-locally]', '就地处置');
      await waitForCount(desk, '[data-test=event-handle-locally] [data-test=photo-thumbs] img', 2);
      const done = await apiGet<CaseDetailDto>(`/cases/${reported.id}`, 'station1');
      expect(done.status).toBe('closed');
      expect(done.events.at(-1)?.action).toBe('handle-locally');
    } else {
      expect(allowed).toContain('escalate');
      await act(desk, 'escalate', async () => {
        await desk.locator('textarea[data-test=field-reason], input[data-test=field-reason]').first().fill('本站无力处置，请中心协调');
      });
      await waitForText(desk, '[data-test=event-escalate]', '升级');
    }
    await screenshot(desk, 'd10-station-closed');
  });

  it('the pages had no script errors', () => {
    expect(scriptErrors(dispatcher)).toEqual([]);
    expect(scriptErrors(phone)).toEqual([]);
    expect(scriptErrors(chief)).toEqual([]);
  });
});
