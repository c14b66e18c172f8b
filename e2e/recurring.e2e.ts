/**
 * 常态长效 in the browser: three 露天烧烤 orders (06029, a category no other browser test uses, so the
 * record is this test's alone however the suite runs) taken in one spot of 东风 become a recurring
 * problem once the detection job has run; the supervisor opens the board from the menu, sees the
 * record and its hexagon on the heat map, opens the record (its three cases link to their pages),
 * records a root-cause plan, and a case link opens the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecurringRecordDto } from '../src/contracts/recurring.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { closeBrowser, logIn, openBrowser, screenshot, waitForCount, waitForText, type Session } from './support/browser.js';

async function recordsNow(): Promise<RecurringRecordDto[]> {
  return (await apiGet<{ items: RecurringRecordDto[] }>('/recurring', 'supervisor')).items;
}

describe('常态长效 board', () => {
  let s: Session;
  let record: RecurringRecordDto;
  const caseIds: string[] = [];

  beforeAll(async () => {
    s = await openBrowser();
    const cookie = await apiCookie('dispatcher');
    // within 20 m of each other: one H3 cell (resolution 9) of grid 310151115001011
    for (const [i, lng] of [121.4695, 121.4696, 121.4697].entries()) {
      const c = await apiPost<{ id: string }>('/cases', cookie, {
        channel: 'hotline_12345',
        externalId: `E2E-RECURRING-${Date.now()}-${i}`,
        categoryCode: '06029',
        description: `卫星路口夜里又有人露天烧烤，油烟很大（第${i + 1}次反映）`,
        location: { lng, lat: 31.6811 },
        reporter: { name: '王建国', phone: '13816720002' },
      });
      caseIds.push(c.id);
    }
    // the detection job runs every 5 s
    const deadline = Date.now() + 40_000;
    for (;;) {
      const found = (await recordsNow()).find((r) => r.category.code === '06029' && r.place.kind === 'cell');
      if (found) {
        record = found;
        break;
      }
      if (Date.now() > deadline) throw new Error('no recurring problem was detected within 40 s');
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
  afterAll(async () => {
    await closeBrowser(s);
  });

  it('the job found the problem with exactly the three cases, for 城管中队', () => {
    expect(record).toMatchObject({ status: 'open', caseCount: 3, ownerUnit: { code: 'CGZD' }, station: { code: 'DF' } });
  });

  it('the supervisor opens the board, the heat and the record, records a plan and follows a case link', async () => {
    const { page, problems } = s;
    await logIn(page, 'supervisor');
    await page.locator('[data-test=menu-recurring]').click();
    await page.waitForURL(/\/recurring/);
    // the category filter, kept in the URL, narrows the board and its heat to this test's problem
    await page.goto(`${new URL(page.url()).origin}/recurring?category=06029`);
    await waitForCount(page, '[data-test=recurring-row]', 1);
    expect(await page.locator('[data-test=recurring-row]').count()).toBe(1);
    await waitForText(page, '[data-test=recurring-table]', '露天烧烤');
    await waitForText(page, '[data-test=recurring-table]', '城管中队');
    // the hexagon of the record is drawn, outlined as a place being worked on
    await waitForCount(page, '.leaflet-overlay-pane path.heat-cell-active', 1);
    await page.waitForTimeout(400);
    await screenshot(page, '80-recurring-board');

    await page.locator('[data-test=recurring-row]').first().click();
    await page.waitForURL(new RegExp(`id=${record.id}`));
    await waitForText(page, '[data-test=recurring-status]', '待研判');
    await waitForCount(page, '[data-test=recurring-case-link]', 3);
    await page.locator('textarea[data-test=recurring-text]').fill('早高峰在卫星路口设固定疏导点，城管中队与市场所联合值守两周');
    await page.locator('[data-test=recurring-submit]').click();
    await waitForText(page, '[data-test=recurring-status]', '已制定措施');
    await waitForText(page, '[data-test=recurring-plan]', '设固定疏导点');
    await waitForText(page, '[data-test=recurring-log]', '制定整治措施');
    await page.waitForTimeout(300);
    await screenshot(page, '81-recurring-record');

    await page.locator('[data-test=recurring-case-link]').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(caseIds.some((id) => page.url().endsWith(id))).toBe(true);
    expect(problems.filter((p) => !/401|Unauthorized/i.test(p))).toEqual([]);
  });

  it('an inspector of another station has no entry for a problem outside it; the owner unit does', async () => {
    const ids = async (who: string) => (await apiGet<{ items: RecurringRecordDto[] }>('/recurring?status=active', who)).items.map((r) => r.id);
    expect(await ids('inspector1')).not.toContain(record.id);
    expect(await ids('cgzd')).toContain(record.id);
  });
});
