/**
 * playwright-core driving Debian's chromium (never a downloaded browser). One browser per test file,
 * a 1366×768 window (the smallest screen the console is made for), screenshots under e2e/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const demoPassword = 'cityops-demo';
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** console errors and failed requests seen by the page: a test can assert there were none */
  problems: string[];
}

export async function openBrowser(): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  return { browser, context, page, problems };
}

/** A phone (390×844 by default, touch, geolocation granted at the given place) for the inspector's app at /m. */
export async function openPhone(place: { longitude: number; latitude: number }, viewport = { width: 390, height: 844 }): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, geolocation: place, permissions: ['geolocation'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  return { browser, context, page, problems };
}

export async function closeBrowser(s: Session | undefined): Promise<void> {
  await s?.browser.close();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Logs in through the form (Enter submits) and waits for the console to appear. */
export async function logIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[data-test=username]').fill(username);
  await page.locator('input[data-test=password]').fill(password);
  await page.locator('input[data-test=password]').press('Enter');
  await page.locator('[data-test=who]').waitFor();
}

/** Waits until the element's text contains the expected text; fails with what it saw instead. */
export async function waitForText(page: Page, selector: string, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    const loc = page.locator(selector).first();
    seen = (await loc.count()) > 0 ? ((await loc.textContent()) ?? '') : '';
    if (seen.includes(expected)) return seen;
    await page.waitForTimeout(100);
  }
  throw new Error(`"${selector}" should contain "${expected}" but shows "${seen.trim().slice(0, 200)}"`);
}

/** Waits until at least `min` elements match. */
export async function waitForCount(page: Page, selector: string, min: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let n = 0;
  while (Date.now() < deadline) {
    n = await page.locator(selector).count();
    if (n >= min) return n;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected at least ${min} of "${selector}", found ${n}`);
}
