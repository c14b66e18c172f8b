/** After five wrong passwords the account is locked, and the login page says so (in Chinese, with until when). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

describe('login lockout', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  it('the fifth wrong password locks the account and the form says it is locked', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[data-test=username]').fill('supervisor');
    for (let i = 1; i <= 5; i++) {
      await page.locator('input[data-test=password]').fill(`wrong-${i}`);
      await page.locator('input[data-test=password]').press('Enter');
      // each answer clears the password field; wait for it so the next attempt is a new request
      await page.waitForFunction('document.querySelector("input[data-test=password]")?.value === ""');
      await page.locator('[data-test=login-error]').waitFor();
    }
    const text = await waitForText(page, '[data-test=login-error]', '锁定');
    expect(text).toMatch(/锁定至 \d{2}:\d{2}/);
    // even the right password is refused while locked
    await page.locator('input[data-test=password]').fill('cityops-demo');
    await page.locator('input[data-test=password]').press('Enter');
    await page.waitForFunction('document.querySelector("input[data-test=password]")?.value === ""');
    await waitForText(page, '[data-test=login-error]', '账号已锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '12-login-locked');
  });
});
