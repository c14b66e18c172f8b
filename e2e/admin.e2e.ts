/**
 * 系统管理: the system administrator changes a category's time limit and a department's phone in the
 * console. A bad value is refused next to its field before anything is sent; a problem only the whole
 * profile shows (a committee without its station) comes back from the server at its row and field;
 * what is saved shows on the public pages (事部件目录, 部门职责) at once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

const drawer = '[data-test=row-drawer]';

/** Element Plus puts data-test on the <input> of ElInput and on the wrapper of other controls. */
const input = (page: Page, id: string, within = drawer) => page.locator(`${within} input[data-test=${id}], ${within} [data-test=${id}] input`).first();

async function openRow(page: Page, search: string): Promise<void> {
  await input(page, 'section-search', 'body').fill(search);
  await page.locator('[data-test=admin-table] .el-table__row').first().click();
  await page.locator(`${drawer} form`).waitFor();
}

async function fieldError(page: Page, testId: string): Promise<string> {
  const item = page.locator(`${drawer} .el-form-item`, { has: page.locator(`[data-test=${testId}]`) });
  await item.locator('.el-form-item__error').waitFor();
  await item.scrollIntoViewIfNeeded();
  return (await item.locator('.el-form-item__error').textContent()) ?? '';
}

/** Picks an option of the select in the drawer's form item labelled `label`, and waits for the list to close. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.locator(`${drawer} .el-form-item`, { hasText: label }).locator('.el-select').click();
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option });
  await item.click();
  await item.waitFor({ state: 'hidden' });
}

async function save(page: Page): Promise<void> {
  await page.locator('[data-test=section-save]').click();
  await page.locator('.el-message--success').waitFor();
  await page.locator('[data-test=section-dirty]').waitFor({ state: 'detached' });
}

describe('administration', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => closeBrowser(s));

  it('the menu offers 系统管理 to the system administrator only', async () => {
    const { page } = s;
    await logIn(page, 'dispatcher');
    expect(await page.locator('[data-test=admin-menu]').count()).toBe(0);
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/login/);
    await logIn(page, 'admin');
    await waitForText(page, '[data-test=admin-menu]', '事部件类别与时限');
  });

  it("changes a category's handling limit: a bad value is shown at the field, a good one reaches the catalogue", async () => {
    const { page } = s;
    await page.locator('[data-test=admin-menu-categories]').click();
    await page.locator('[data-test=admin-categories] [data-test=admin-table] .el-table__row').first().waitFor();
    await openRow(page, '09001');
    const amount = input(page, 'field-normal-handle-amount');
    await amount.fill('0');
    await page.locator('[data-test=row-apply]').click();
    expect(await fieldError(page, 'field-normal-handle-amount')).toContain('应大于 0');
    await screenshot(page, '70-admin-category-bad-limit');

    await amount.fill('6');
    await page.locator('[data-test=row-apply]').click();
    await page.locator(`${drawer} form`).waitFor({ state: 'detached' });
    await waitForText(page, '[data-test=admin-table] [data-test=cell-limit]', '6 工作');
    await page.locator('[data-test=section-dirty]').waitFor();
    await save(page);
    await screenshot(page, '71-admin-categories-saved');

    await page.goto(`${baseUrl}/org/categories`);
    await input(page, 'category-search', 'body').fill('09001');
    await input(page, 'category-search', 'body').press('Enter');
    await waitForText(page, '[data-test=category-detail-09001] .limits', '6 工作');
    const categories = await apiGet<Array<{ code: string; limits: Array<{ urgency: string; steps: { handle: { amount: number } } }> }>>('/categories', 'dispatcher');
    expect(categories.find((c) => c.code === '09001')!.limits.find((l) => l.urgency === 'normal')!.steps.handle.amount).toBe(6);
  });

  it("changes a department's phone; a problem across the profile comes back at its row and field", async () => {
    const { page } = s;
    await page.locator('[data-test=admin-menu-departments]').click();
    await page.locator('[data-test=admin-departments] [data-test=admin-table] .el-table__row').first().waitFor();
    await openRow(page, 'CGZD');
    await page.locator(`${drawer} [data-test=duty-list]`).waitFor();
    const phone = input(page, 'field-phone');
    await phone.fill('5967-abc');
    await page.locator('[data-test=row-apply]').click();
    expect(await fieldError(page, 'field-phone')).toContain('不是有效的电话号码');
    await screenshot(page, '72-admin-department-bad-phone');
    await phone.fill('021-59670001');
    await page.locator('[data-test=row-apply]').click();
    await page.locator(`${drawer} form`).waitFor({ state: 'detached' });

    // a committee must name its station: only the whole-profile check (the server's) knows
    await openRow(page, 'SCS');
    await choose(page, '类型', '居委会');
    await page.locator('[data-test=row-apply]').click();
    await page.locator(`${drawer} form`).waitFor({ state: 'detached' });
    await page.locator('[data-test=section-save]').click();
    await waitForText(page, '[data-test=section-problems]', '居委会和站联勤队必须写明所属站点');
    await page.locator('[data-test=row-problem-tag]').first().waitFor();
    await page.locator('[data-test=admin-table] .el-table__row', { has: page.locator('[data-test=row-problem-tag]') }).click();
    await waitForText(page, `${drawer} .el-form-item__error`, '必须写明所属站点');
    await screenshot(page, '73-admin-department-server-problem');
    await choose(page, '类型', '执法部门');
    await page.locator('[data-test=row-apply]').click();
    await save(page);

    await page.goto(`${baseUrl}/org/departments?q=CGZD`);
    await waitForText(page, '[data-test=departments-table]', '021-59670001');
    await screenshot(page, '74-public-departments-phone');
  });

  it('a stale version is explained and reloaded', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/admin/departments`);
    await page.locator('[data-test=admin-departments] [data-test=admin-table] .el-table__row').first().waitFor();
    // meanwhile someone else saves the departments (through the API, as another tab would)
    const login = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: demoPassword }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const doc = (await (await fetch(`${baseUrl}/api/v1/admin/profile`, { headers: { cookie } })).json()) as { hash: string; profile: { departments: Array<{ code: string; phone?: string }> } };
    const departments = doc.profile.departments.map((d) => (d.code === 'CGZD' ? { ...d, phone: '021-59670002' } : d));
    const res = await fetch(`${baseUrl}/api/v1/admin/profile/departments`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ baseHash: doc.hash, content: departments }) });
    expect(res.status).toBe(200);

    await openRow(page, 'SCS');
    await input(page, 'field-phone').fill('021-59670003');
    await page.locator('[data-test=row-apply]').click();
    await page.locator('[data-test=section-save]').click();
    await waitForText(page, '[data-test=section-conflict]', '已被他人修改');
    await screenshot(page, '75-admin-stale-version');
    await page.locator('[data-test=conflict-reload]').click();
    await page.locator('[data-test=section-conflict]').waitFor({ state: 'detached' });
    await input(page, 'section-search', 'body').fill('CGZD');
    await waitForText(page, '[data-test=admin-table] [data-test=cell-phone]', '021-59670002');
  });

  it('every administration page lists its part of the profile (and the accounts)', async () => {
    const { page } = s;
    const pages = ['stations', 'grids', 'departments', 'categories', 'personnel', 'users', 'roster'];
    for (const [i, key] of pages.entries()) {
      await page.goto(`${baseUrl}/admin/${key}`);
      await page.locator('[data-test=admin-table] .el-table__row').first().waitFor();
      expect(await page.locator('[data-test=load-error]').count(), key).toBe(0);
      await screenshot(page, `${76 + i}-admin-${key}`);
    }
    // phones are masked in the personnel list, as everywhere
    await page.goto(`${baseUrl}/admin/personnel`);
    await waitForText(page, '[data-test=admin-table] [data-test=cell-phone]', '****');
  });
});
