/**
 * A dispatcher's day one: a wrong password, the login, the home page, the organisation pages,
 * English, and logout — in one browser, in order, as a person would do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryDto, DepartmentDto } from '../src/contracts/organisation.js';
import { apiGet } from './support/api.js';
import { baseUrl, closeBrowser, openBrowser, screenshot, waitForCount, waitForText, type Session } from './support/browser.js';

describe('dispatcher journey', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  it('a wrong password is refused with a Chinese message next to the form', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await waitForText(page, '[data-test=login-title]', '东平镇城运平台');
    await page.locator('input[data-test=username]').fill('dispatcher');
    await page.locator('input[data-test=password]').fill('not-the-password');
    await page.locator('input[data-test=password]').press('Enter');
    await waitForText(page, '[data-test=login-error]', '用户名或密码错误');
    await screenshot(page, '01-login-wrong-password');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('logs in with Enter and lands on the home page with the role and the town', async () => {
    const { page } = s;
    if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto(`${baseUrl}/login`);
    await page.locator('input[data-test=username]').fill('dispatcher');
    await page.locator('input[data-test=password]').fill('cityops-demo');
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForURL(`${baseUrl}/`);
    await waitForText(page, '[data-test=role]', '调度员');
    await waitForText(page, '[data-test=brand]', '东平镇城运平台');
    await waitForText(page, '[data-test=home-role]', '调度员');
    await waitForText(page, '[data-test=scope-name]', '全镇');
    await waitForCount(page, '[data-test=stations] > a', 7);
    await waitForText(page, '[data-test=station-HBY]', '临时站');
    await screenshot(page, '02-home-dispatcher');
  });

  it('the grid map draws every grid from GeoJSON and a click shows the grid', async () => {
    const { page } = s;
    await page.locator('[data-test=side-menu]').getByText('网格地图').click();
    await page.waitForURL(/\/org\/map$/);
    const paths = await waitForCount(page, '.leaflet-overlay-pane path.leaflet-interactive', 30);
    expect(paths).toBeGreaterThanOrEqual(30);
    const grids = await apiGet<{ features: { properties: { code: string; name: string } }[] }>('/grids', 'dispatcher');
    expect(paths).toBe(grids.features.length);
    await page.locator('.leaflet-overlay-pane path.leaflet-interactive').nth(3).click({ force: true });
    await page.locator('[data-test=grid-name]').waitFor();
    const shown = ((await page.locator('[data-test=grid-name]').textContent()) ?? '').trim();
    expect(shown.length).toBeGreaterThan(0);
    expect(grids.features.map((f) => f.properties.name)).toContain(shown);
    const code = ((await page.locator('[data-test=grid-code]').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{15}$/);
    expect(grids.features.find((f) => f.properties.code === code)?.properties.name).toBe(shown);
    await screenshot(page, '03-grid-map');
  });

  it('the departments page lists 城管中队 with its duty list by category name', async () => {
    const { page } = s;
    await page.locator('[data-test=side-menu]').getByText('部门职责').click();
    await page.waitForURL(/\/org\/departments/);
    await waitForText(page, '[data-test=departments-table]', '城管中队');
    await screenshot(page, '04-departments');
    await page.locator('input[data-test=department-filter]').fill('城管中队');
    const departments = await apiGet<DepartmentDto[]>('/departments', 'dispatcher');
    const categories = await apiGet<CategoryDto[]>('/categories', 'dispatcher');
    const cgzd = departments.find((d) => d.code === 'CGZD');
    expect(cgzd?.duties.owns.length).toBeGreaterThan(0);
    const firstOwned = categories.find((c) => c.code === cgzd?.duties.owns[0]);
    await waitForText(page, '[data-test=duties-CGZD]', firstOwned?.name ?? '(none)');
    const owned = await page.locator('[data-test=duties-CGZD] [data-test=duty-owns]').count();
    expect(owned).toBe(cgzd?.duties.owns.length);
    await screenshot(page, '05-departments-cgzd');
  });

  it('the category catalogue: `/` focuses the search and 井盖 finds a category with its time limits', async () => {
    const { page } = s;
    await page.locator('[data-test=side-menu]').getByText('事部件目录').click();
    await page.waitForURL(/\/org\/categories/);
    await waitForCount(page, '[data-test=category-name]', 5);
    await page.locator('body').click({ position: { x: 600, y: 20 } });
    await page.keyboard.press('/');
    const focused = await page.evaluate('document.activeElement?.closest("[data-test=category-search]") !== null');
    expect(focused).toBe(true);
    await page.keyboard.type('井盖');
    await waitForText(page, '[data-test=category-count]', '/');
    const hits = await page.locator('[data-test=category-name]').count();
    expect(hits).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await waitForCount(page, '[data-test^=category-detail-]', 1);
    const detail = (await page.locator('[data-test^=category-detail-]').first().textContent()) ?? '';
    expect(detail).toMatch(/工作日|工作时|小时|天/);
    await screenshot(page, '06-categories-manhole');
  });

  it('switching to English changes the menu and is remembered', async () => {
    const { page } = s;
    await page.locator('[data-test=lang-switch]').first().click();
    await waitForText(page, '[data-test=side-menu]', 'Grid map');
    await waitForText(page, '[data-test=side-menu]', 'Department duties');
    await waitForText(page, '[data-test=role]', 'Dispatcher');
    await screenshot(page, '07-english');
    await page.reload();
    await waitForText(page, '[data-test=side-menu]', 'Category catalogue');
    await page.locator('[data-test=lang-switch]').first().click();
    await waitForText(page, '[data-test=side-menu]', '网格地图');
  });

  it('logout returns to the login page and the console is closed afterwards', async () => {
    const { page } = s;
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${baseUrl}/org/departments`);
    await page.waitForURL(/\/login\?redirect=/);
    await screenshot(page, '08-logged-out');
    expect(decodeURIComponent(page.url())).toContain('redirect=/org/departments');
  });

  it('the page had no script errors', () => {
    // a 401 on the probe of GET /session and the refused login are expected console noise of the browser
    const real = s.problems.filter((p) => !/401|Unauthorized/i.test(p));
    expect(real).toEqual([]);
  });
});
