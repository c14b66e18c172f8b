/** Homes per role: a station chief sees their station, a department handler their department. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

describe('scoped homes', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  it("station1's home shows 前哨站 as the scope, with its grids", async () => {
    const { page } = s;
    await logIn(page, 'station1');
    await waitForText(page, '[data-test=role]', '站长');
    await waitForText(page, '[data-test=scope-name]', '前哨');
    await waitForText(page, '[data-test=scope]', '个网格');
    await screenshot(page, '09-home-station1');
    await page.locator('[data-test=scope] button').click();
    await page.waitForURL(/\/org\/map\?station=QS/);
    await page.locator('.leaflet-overlay-pane path.leaflet-interactive').first().waitFor();
    await screenshot(page, '10-map-station-QS');
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/login/);
  });

  it("cgzd's home shows 城管中队 and its duty counts", async () => {
    const { page } = s;
    await logIn(page, 'cgzd');
    await waitForText(page, '[data-test=role]', '部门处置人员');
    await waitForText(page, '[data-test=scope-name]', '城管中队');
    await waitForText(page, '[data-test=scope]', '主管');
    await screenshot(page, '11-home-cgzd');
    expect(await page.locator('[data-test=who]').textContent()).toContain('城管中队');
  });
});
