/**
 * 监督考评 in the console. Ten 12345 orders in 前哨 are taken and registered as 09001 through the
 * API, so routing dispatches them to 城管中队, and ten go to 水务站; 城管中队 handles the first,
 * inspector1 verifies it.
 *  1. the dispatcher's 回访 of the first: 不满意 asks 不满意原因 before anything is sent; 处置不当 is recorded;
 *  2. the supervisor opens 考评排名 from the menu: ranked by 派单数; 前哨站's 上报数 opens its reports;
 *     then 城管中队's scorecard: 派单数 shows the API's number and opens exactly the cases behind it
 *     (all of them, ours among them); the visit's 不满意 leads to the first case; a case number
 *     leads to the case;
 *  3. the supervisor opens 年度考核: the ranking as the API gives it (城管中队 and 水务站 have ten
 *     cases each, enough to be ranked), 一票否决 on the last place,
 *     城管中队 on the 约谈 list with the first case, a unit's explained terms, a 手动调整 (checked
 *     in the form, then recorded), and the print look.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualAssessmentDto, AssessmentCasesDto, IndicatorsDto } from '../src/contracts/assessment.js';
import type { CaseDetailDto } from '../src/contracts/cases.js';
import { apiCookie, apiGet, apiPost } from './support/api.js';
import { baseUrl, closeBrowser, logIn, openBrowser, screenshot, waitForText, type Session } from './support/browser.js';

/** a point in 前哨 station, where inspector1 checks */
const qianshao = { lng: 121.8438, lat: 31.5955 };
const run = Date.now().toString(36);
const scriptErrors = (s: Session | undefined): string[] => (s?.problems ?? []).filter((p) => !/401|Unauthorized/i.test(p));

/** Every case number behind one number, all pages of GET /assessment/cases. */
async function casesBehind(query: string): Promise<{ total: number; caseNos: string[] }> {
  const caseNos: string[] = [];
  let after: string | null = null;
  let total: number;
  do {
    const page: AssessmentCasesDto = await apiGet<AssessmentCasesDto>(`/assessment/cases?${query}&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`, 'supervisor');
    total = page.total;
    caseNos.push(...page.items.map((i) => i.caseNo));
    after = page.nextCursor;
  } while (after);
  return { total, caseNos };
}

/** The drawer's rows, after loading every page it offers. */
async function drawerCaseNos(page: Page): Promise<string[]> {
  await page.locator('[data-test=drill-drawer][data-loading=false]').waitFor();
  while ((await page.locator('[data-test=drill-more]').count()) > 0) {
    const before = await page.locator('[data-test=drill-row]').count();
    await page.locator('[data-test=drill-more]').click();
    await expect.poll(() => page.locator('[data-test=drill-row]').count()).toBeGreaterThan(before);
    await page.locator('[data-test=drill-drawer][data-loading=false]').waitFor();
  }
  return page.locator('[data-test=drill-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-no') ?? ''));
}

describe('监督考评: ranking, scorecard drill-down, annual report', () => {
  let dispatcher: Session;
  let supervisor: Session;
  const cases: Array<{ id: string; caseNo: string }> = [];

  beforeAll(async () => {
    dispatcher = await openBrowser();
    supervisor = await openBrowser();
    const desk = await apiCookie('dispatcher');
    /** a 12345 order in 前哨, registered under the category; dispatched to the unit by rule, or by hand when the rule leaves it */
    const take = async (i: number, categoryCode: string, unit: string): Promise<{ id: string; caseNo: string }> => {
      const c = await apiPost<CaseDetailDto>('/cases', desk, {
        channel: 'hotline_12345',
        externalId: `E2E-ASSESS-${run}-${unit}-${i}`,
        description: `前哨村${i + 1}组${categoryCode === '09001' ? '路口有流动摊贩无照经营，三轮车占道设摊' : '供水井盖破损'} ${run}`,
        location: qianshao,
        reporter: { name: '李秀英', phone: `1391672${String(1000 + i)}` },
        channelData: { callType: 'complaint' },
      });
      await apiPost(`/cases/${c.id}/actions/register`, desk, { categoryCode });
      const registered = await apiGet<CaseDetailDto>(`/cases/${c.id}`, 'dispatcher');
      if (registered.status === 'registered') await apiPost(`/cases/${c.id}/actions/dispatch`, desk, { leadUnit: unit });
      return { id: c.id, caseNo: c.caseNo };
    };
    // ten each for 城管中队 and 水务站: both reach the minimum of dispatched cases to be ranked
    for (let i = 0; i < 10; i++) cases.push(await take(i, '09001', 'CGZD'));
    for (let i = 0; i < 10; i++) await take(i, '01001', 'SWZ');
    const first = cases[0]!.id;
    const cgzd = await apiCookie('cgzd');
    await apiPost(`/cases/${first}/actions/accept`, cgzd, {});
    await apiPost(`/cases/${first}/actions/start`, cgzd, {});
    await apiPost(`/cases/${first}/actions/feedback`, cgzd, { text: '已劝离流动摊贩' });
    await apiPost(`/cases/${first}/actions/verify`, await apiCookie('inspector1'), { result: 'pass' });
    const detail = await apiGet<CaseDetailDto>(`/cases/${first}`, 'dispatcher');
    expect(detail.leadUnit?.code).toBe('CGZD');
    expect(detail.allowedActions).toContain('visit');
  });
  afterAll(async () => {
    await closeBrowser(dispatcher);
    await closeBrowser(supervisor);
  });

  it('1. 回访 不满意 asks 不满意原因 first, then records 处置不当', async () => {
    const { page } = dispatcher;
    await logIn(page, 'dispatcher');
    await page.goto(`${baseUrl}/cases/${cases[0]!.id}`);
    await page.locator('[data-test=action-visit]').click();
    await page.locator('[data-test=action-form]').waitFor();
    await page.locator('[data-test=field-outcome] label', { hasText: '不满意' }).click();
    await page.locator('[data-test=action-submit]').click();
    await waitForText(page, '[data-test=action-form]', '请选择不满意原因');
    await page.locator('[data-test=field-cause]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '处置不当' }).click();
    await page.locator('[data-test=action-submit]').click();
    await page.locator('[data-test=action-form]').waitFor({ state: 'detached' });
    await waitForText(page, '[data-test=event-visit]', '不满意');
    const after = await apiGet<CaseDetailDto>(`/cases/${cases[0]!.id}`, 'dispatcher');
    expect(after.events.find((e) => e.action === 'visit')?.data).toMatchObject({ outcome: 'dissatisfied', cause: 'poor_handling' });
  });

  it('2. the supervisor opens 城管中队’s scorecard; 派单数 opens exactly the cases behind it', async () => {
    const { page } = supervisor;
    await logIn(page, 'supervisor');
    await page.locator('[data-test=menu-assessment-ranking]').click();
    await page.waitForURL(/\/assessment$/);
    const month = await apiGet<IndicatorsDto>('/assessment/indicators?subject=unit', 'supervisor');
    const cgzd = month.items.find((i) => i.key === 'CGZD')!;
    expect('dispatched' in cgzd.indicators && cgzd.indicators.dispatched).toBeGreaterThanOrEqual(3);
    await waitForText(page, '[data-test=cell-dispatched][data-row=CGZD]', String('dispatched' in cgzd.indicators ? cgzd.indicators.dispatched : -1));
    // rank by 派单数: the chart draws it, the table puts the most dispatched first, equal counts sharing a place
    // (other browser tests add cases to the same server, so the expected places come from the API)
    await page.locator('[data-test=assessment-indicator]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '派单数' }).click();
    await page.waitForURL(/indicator=dispatched/);
    await page.locator('[data-test=assessment-chart] canvas').waitFor();
    const places = await page.locator('[data-test=assessment-table] .el-table__body-wrapper tr').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.querySelector('[data-test=assessment-place]')?.textContent?.trim()));
    const counts = month.items.map((i) => ('dispatched' in i.indicators ? i.indicators.dispatched : 0)).sort((a, b) => b - a);
    expect(places).toEqual(['1', counts[1] === counts[0] ? '1' : '2']);
    await screenshot(page, '60-assessment-ranking');
    // 导出 Excel downloads the same period's numbers under the server's file name
    const [rankingFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=assessment-export]').click()]);
    expect(rankingFile.suggestedFilename()).toMatch(/\.xlsx$/);
    await waitForText(page, '[data-test=assessment-exported]', rankingFile.suggestedFilename());
    // 管理站: 前哨's 上报数 is the API's and opens its reports
    const stations = await apiGet<IndicatorsDto>('/assessment/indicators?subject=station', 'supervisor');
    const qs = stations.items.find((i) => i.key === 'QS')!;
    const reported = 'reported' in qs.indicators ? qs.indicators.reported : -1;
    expect(reported).toBeGreaterThanOrEqual(20);
    await page.locator('[data-test=assessment-subjects] .el-tabs__item', { hasText: '管理站' }).click();
    await page.waitForURL(/subject=station/);
    await waitForText(page, '[data-test=cell-reported][data-row=QS]', String(reported));
    await page.locator('[data-test=cell-reported][data-row=QS] [data-test=drill-reported]').click();
    await waitForText(page, '[data-test=drill-subtitle]', `共 ${reported} 条`);
    expect(await drawerCaseNos(page)).toHaveLength(reported);
    await page.keyboard.press('Escape');
    await page.locator('[data-test=drill-drawer]').waitFor({ state: 'hidden' });
    await page.locator('[data-test=assessment-subjects] .el-tabs__item', { hasText: '单位' }).click();
    await page.waitForURL((url) => !url.search.includes('subject='));
    // the unit's name opens its scorecard (Enter on the focused link, as from the keyboard)
    await page.locator('[data-test=assessment-unit-link][data-unit=CGZD]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assessment\/units\/CGZD/);
    await waitForText(page, '[data-test=scorecard-unit]', '城管');
    const dispatchedNumber = page.locator('[data-test=card-dispatched] [data-test=drill-dispatched]');
    const shown = Number(await dispatchedNumber.getAttribute('data-value'));
    const behind = await casesBehind(`subject=unit&key=CGZD&metric=dispatched&from=${month.from}&to=${month.to}`);
    expect(shown).toBe('dispatched' in cgzd.indicators ? cgzd.indicators.dispatched : -1);
    expect(behind.total).toBe(shown);
    await dispatchedNumber.click();
    await waitForText(page, '[data-test=drill-subtitle]', `共 ${shown} 条`);
    const rows = await drawerCaseNos(page);
    expect(rows.sort()).toEqual([...behind.caseNos].sort());
    expect(rows).toHaveLength(shown);
    for (const c of cases) expect(rows).toContain(c.caseNo);
    await page.locator('[data-test=scorecard-trend] canvas').waitFor();
    await page.waitForTimeout(400); // the drawer has slid in
    await screenshot(page, '61-assessment-drill-dispatched');
    await page.keyboard.press('Escape');
    await page.locator('[data-test=drill-drawer]').waitFor({ state: 'hidden' });

    // the dissatisfied visit leads to the first case, and its number to the case page
    await page.locator('[data-test=scorecard-counts] [data-test="drill-visit:dissatisfied"]').click();
    const dissatisfied = await drawerCaseNos(page);
    expect(dissatisfied).toContain(cases[0]!.caseNo);
    await page.keyboard.press('Escape');
    await page.locator('[data-test=drill-drawer]').waitFor({ state: 'hidden' });
    await screenshot(page, '62-assessment-scorecard');
    await page.locator('[data-test=scorecard-counts] [data-test="drill-visit:dissatisfied"]').click();
    await page.locator('[data-test=drill-row]').first().waitFor();
    await page.locator('[data-test=drill-row]', { hasText: cases[0]!.caseNo }).locator('[data-test=drill-case-link]').click();
    await page.waitForURL(new RegExp(`/cases/${cases[0]!.id}$`));
    await waitForText(page, '[data-test=case-no]', cases[0]!.caseNo);
  });

  it('3. 年度考核: the ranking, 一票否决, 约谈 with the case, the explained terms, a 手动调整, the print look', async () => {
    const { page } = supervisor;
    await page.locator('[data-test=menu-assessment-annual]').click();
    await page.waitForURL(/\/assessment\/annual/);
    const year = Number(thisYear());
    const annual = await apiGet<AnnualAssessmentDto>(`/assessment/annual?year=${year}`, 'supervisor');
    await waitForText(page, '[data-test=annual-title]', `${year}年度考核`);
    await expect.poll(() => page.locator('[data-test=annual-row]').count()).toBe(annual.units.length);
    const vetoed = annual.units.filter((u) => u.veto).map((u) => u.unitCode).sort();
    // two units reach the minimum: one of them is last
    expect(annual.units.filter((u) => u.ranked).map((u) => u.unitCode).sort()).toEqual(['CGZD', 'SWZ']);
    expect(vetoed).toHaveLength(1);
    const shownVeto = await page.locator('[data-test=annual-row]:has([data-test=annual-veto])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? ''));
    expect(shownVeto.sort()).toEqual(vetoed);
    for (const u of annual.units.filter((x) => x.rank !== null).slice(0, 3)) {
      expect(await page.locator(`[data-test=annual-row][data-unit="${u.unitCode}"]`).getAttribute('data-rank')).toBe(String(u.rank));
    }
    // 约谈: 城管中队 with the first case
    const interview = annual.interviews.find((i) => i.unitCode === 'CGZD');
    expect(interview?.cases.map((c) => c.caseNo)).toContain(cases[0]!.caseNo);
    await waitForText(page, '[data-test=interview-row][data-unit=CGZD]', cases[0]!.caseNo);
    if (interview?.leader) await waitForText(page, '[data-test=interview-row][data-unit=CGZD] [data-test=interview-leader]', interview.leader.name);
    // a unit opens to how its score was computed, in the API's words
    const unit = annual.units.find((u) => u.unitCode === 'CGZD')!;
    await page.locator('[data-test=annual-toggle-CGZD]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-test=annual-detail-CGZD]').waitFor();
    const explanations = await page.locator('[data-test=annual-detail-CGZD] [data-test=annual-term-explanation]').allTextContents();
    expect(explanations.map((e) => e.trim())).toEqual(unit.terms.map((t) => t.explanation.zh));
    await screenshot(page, '63-assessment-annual');
    const [annualFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=annual-export]').click()]);
    expect(annualFile.suggestedFilename()).toBe(`年度考核_${year}.xlsx`);
    await waitForText(page, '[data-test=annual-exported]', annualFile.suggestedFilename());

    // 手动调整: checked in the form first, then recorded and shown
    await page.locator('[data-test=adjust-submit]').click();
    await waitForText(page, '[data-test=adjust-form]', '请选择单位');
    await waitForText(page, '[data-test=adjust-form]', '请写明理由');
    await page.locator('[data-test=adjust-unit]').click();
    await page.keyboard.type('城管');
    await page.locator('.el-select-dropdown__item:visible', { hasText: '城管' }).first().click();
    await page.locator('[data-test=adjust-points] input').fill('-2');
    await page.locator('textarea[data-test=adjust-reason]').fill(`回访不满意核实为处置不当 ${run}`);
    await page.locator('[data-test=adjust-submit]').click();
    await expect
      .poll(async () => (await apiGet<AnnualAssessmentDto>(`/assessment/annual?year=${year}`, 'supervisor')).units.find((u) => u.unitCode === 'CGZD')?.adjustments.some((a) => a.reason.includes(run) && a.points === -2))
      .toBe(true);
    await waitForText(page, '[data-test=annual-detail-CGZD]', `回访不满意核实为处置不当 ${run}`);
    // the report is read again: scores and the 一票否决 as the API now gives them
    const adjusted = await apiGet<AnnualAssessmentDto>(`/assessment/annual?year=${year}`, 'supervisor');
    const cgzdAfter = adjusted.units.find((u) => u.unitCode === 'CGZD')!;
    await waitForText(page, '[data-test=annual-row][data-unit=CGZD] [data-test=annual-score]', cgzdAfter.score === null ? '—' : (Math.round(cgzdAfter.score * 10) / 10).toFixed(1));
    const vetoRows = () => page.locator('[data-test=annual-row]:has([data-test=annual-veto])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? '').sort());
    await expect.poll(vetoRows).toEqual(adjusted.units.filter((u) => u.veto).map((u) => u.unitCode).sort());
    await screenshot(page, '64-assessment-adjusted');

    // the print look: the console's frame and the buttons stay off paper
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console-aside').isVisible()).toBe(false);
    expect(await page.locator('[data-test=annual-print]').isVisible()).toBe(false);
    expect(await page.locator('[data-test=annual-table]').isVisible()).toBe(true);
    await page.screenshot({ path: 'e2e/artifacts/65-assessment-annual-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('the pages had no script errors', () => {
    expect(scriptErrors(dispatcher)).toEqual([]);
    expect(scriptErrors(supervisor)).toEqual([]);
  });
});

/** This year in Beijing time. */
function thisYear(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
}
