/**
 * 案件办理 at scale: 3 000 cases taken in through the API, then the list in the browser — the DOM
 * keeps only the rows in view while scrolling loads every page, the keyboard still selects and opens
 * after scrolling, the filters survive a reload, and 导出 Excel downloads exactly the filtered rows.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListQuery, CaseSummaryDto } from '../src/contracts/cases.js';
import { baseUrl, closeBrowser, demoPassword, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

const total = 3_000;
const concurrency = 8;
/** every case of this run carries the marker, so other test files' cases stay out of the counts */
const marker = `规模${Date.now().toString(36)}`;
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

async function sessionCookie(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function takeIn(cookie: string): Promise<void> {
  let next = 0;
  const one = async (i: number): Promise<void> => {
    const citizen = i % 2 === 1;
    const res = await fetch(`${baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        channel: citizen ? 'citizen' : 'hotline_12345',
        externalId: `${marker}-${i}`,
        // 路灯, a category no other browser test uses, so these are nobody's possible duplicates
        categoryCode: '01037',
        description: `${marker} 第${i}件：路灯不亮`,
        location: { lng: 121.46 + (i % 40) * 0.0004, lat: 31.675 + Math.floor(i / 40) * 0.0001 },
      }),
    });
    if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await one(next++);
    }),
  );
}

async function listAll(cookie: string, query: Partial<Record<keyof CaseListQuery, string>>): Promise<CaseSummaryDto[]> {
  const items: CaseSummaryDto[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '200', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${baseUrl}/api/v1/cases?${params.toString()}`, { headers: { cookie } });
    const page = (await res.json()) as { items: CaseSummaryDto[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('案件办理 with thousands of cases', () => {
  let s: Session;
  let cookie = '';
  beforeAll(async () => {
    cookie = await sessionCookie('dispatcher');
    const started = Date.now();
    await takeIn(cookie);
    console.log(`took in ${total} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    s = await openBrowser();
  }, 300_000);
  afterAll(async () => closeBrowser(s));

  const rowsInDom = () => s.page.locator('[data-test=cases-table] .el-table-v2__row').count();
  const selectedCaseNo = async () => ((await s.page.locator('[data-test=cases-table] .el-table-v2__row.is-selected [data-test=case-no]').textContent()) ?? '').trim();

  it('keeps the DOM small while scrolling loads all 3 000 cases page by page', async () => {
    const { page } = s;
    await logIn(page, 'dispatcher');
    await page.goto(`${baseUrl}/cases?q=${encodeURIComponent(marker)}`);
    await waitForText(page, '[data-test=cases-count]', `共 ${total} 件`);
    await screenshot(page, '60-cases-scale-top');
    expect(await rowsInDom()).toBeGreaterThan(5);

    const body = page.locator('[data-test=cases-table] .el-table-v2__body');
    const box = (await body.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let most = 0;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      await page.mouse.wheel(0, 4_000);
      await page.waitForTimeout(40);
      most = Math.max(most, await rowsInDom());
      const text = (await page.locator('[data-test=cases-count]').textContent()) ?? '';
      if (text.includes('已全部加载')) break;
    }
    await waitForText(page, '[data-test=cases-count]', `共 ${total} 件，已全部加载`, 1_000);
    expect(most).toBeGreaterThan(5);
    expect(most).toBeLessThan(100);
    await screenshot(page, '61-cases-scale-end');
  });

  it('selects by keyboard after scrolling: End goes to the last case, ↑ moves up, Enter opens it', async () => {
    const { page } = s;
    const expected = await listAll(cookie, { q: marker });
    expect(expected).toHaveLength(total);
    await page.locator('h1').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedCaseNo).toBe(expected[1]!.caseNo);
    await page.keyboard.press('End');
    await expect.poll(selectedCaseNo).toBe(expected[total - 1]!.caseNo);
    await page.keyboard.press('ArrowUp');
    await expect.poll(selectedCaseNo).toBe(expected[total - 2]!.caseNo);
    expect(await rowsInDom()).toBeLessThan(100);
    await screenshot(page, '62-cases-scale-selected');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/cases/${expected[total - 2]!.id}`);
    await page.goBack();
    await page.waitForURL(/\/cases\?/);
  });

  it('keeps the filters in the URL across a reload', async () => {
    const { page } = s;
    await page.locator('[data-test=cases-channel]').click();
    await page.locator('.el-select-dropdown__item', { hasText: '市民上报' }).click();
    await page.waitForURL(/channel=citizen/);
    await waitForText(page, '[data-test=cases-count]', `共 ${total / 2} 件`);
    await page.reload();
    await waitForText(page, '[data-test=cases-count]', `共 ${total / 2} 件`);
    expect(page.url()).toContain(`q=${encodeURIComponent(marker)}`);
    expect(await page.locator('input[data-test=cases-search]').inputValue()).toBe(marker);
    await waitForText(page, '[data-test=cases-channel]', '市民上报');
    const channels = new Set(await page.locator('[data-test=cases-table] .el-table-v2__row').evaluateAll((rows) => rows.map((r) => r.textContent ?? '')));
    for (const row of channels) expect(row).toContain('市民上报');
  });

  it('导出 Excel downloads the filtered list: the same cases, in the same order', async () => {
    const { page } = s;
    const expected = await listAll(cookie, { q: marker, channel: 'citizen' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-test=cases-export]').click()]);
    expect(download.suggestedFilename()).toMatch(/^案件清单-\d{8}-\d{4}\.xlsx$/);
    const file = path.join(artifacts, 'case-list-scale.xlsx');
    await download.saveAs(file);
    await waitForText(page, '[data-test=cases-exported]', '已导出');
    await screenshot(page, '63-cases-scale-exported');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('案件编号');
    expect(sheet.actualRowCount - 1).toBe(total / 2);
    const caseNos: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) caseNos.push(String(row.getCell(1).value));
    });
    expect(caseNos).toEqual(expected.map((c) => c.caseNo));
    expect(s.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
