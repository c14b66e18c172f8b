/**
 * The year's assessment (GET /assessment/annual) on Dongping's rules, with numbers computed by hand:
 * 城管中队 gets ten 无序设摊 orders (a persistent problem, all heard first on 12345), two handled
 * through to the end — one citizen satisfied, one dissatisfied because the handling was poor —
 * and eight left unaccepted until they are overdue; 环卫所 gets ten 垃圾箱 orders it never accepts.
 * Also: the drill-down from a number to its cases, the supervisor's adjustment (audited, and it
 * reverses the ranking), an inspector's voided report, the xlsx exports, and refusals.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualAssessmentDto, AssessmentCasesDto, IndicatorsDto } from '../../src/contracts/assessment.js';
import { getAnnualAssessment } from '../../src/server/assessment/get-annual-assessment.js';
import { rebuildAssessment, verifyAssessment } from '../../src/server/assessment/recount-assessment.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';

type Json = Record<string, unknown>;
const HOUR = 3_600_000;

describe(`annual assessment (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  const stalls: string[] = [];
  const bins: string[] = [];
  let voided = '';
  const get = async (url: string, who = 'supervisor') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: d.cookies[who]! } });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? (res.json() as Json) : {}, raw: res.rawPayload, headers: res.headers };
  };
  const annual = async () => (await get('/assessment/annual?year=2026')).body as unknown as AnnualAssessmentDto;

  beforeAll(async () => {
    // Monday 2026-11-02 09:00 Shanghai
    d = await dongpingDriver('2026-11-02T01:00:00.000Z');
    t = d.t;
    for (let i = 0; i < 10; i++) {
      const id = (await d.intake({ reporter: { name: '李四', phone: '13916720835' } })).id;
      await d.act('dispatcher', id, 'register'); // 无序设摊 → 城管中队 leads, 市场所 and 司法所 assist
      stalls.push(id);
    }
    for (const [i, outcome] of (['satisfied', 'dissatisfied'] as const).entries()) {
      const id = stalls[i]!;
      await d.act('cgzd', id, 'accept');
      await d.act('cgzd', id, 'start');
      await d.act('cgzd', id, 'feedback', { text: '已劝离' });
      await d.act('inspectordf', id, 'verify', { result: 'pass' });
      await d.act('dispatcher', id, 'visit', outcome === 'dissatisfied' ? { outcome, cause: 'poor_handling', note: '摊贩第二天又回来了' } : { outcome });
      await d.act('dispatcher', id, 'close');
    }
    for (let i = 0; i < 10; i++) {
      const id = (await d.intake({ categoryCode: '03005', description: `第${i + 1}个垃圾箱满溢` })).id;
      await d.act('dispatcher', id, 'register'); // 垃圾箱 → 环卫所
      bins.push(id);
    }
    // an inspector's report that turns out not to be a case
    voided = (await d.intake({ channel: 'inspector', description: '疑似占道，经核实为临时卸货', reporter: undefined }, 'inspectordf')).id;
    await d.act('dispatcher', voided, 'void', { reason: '经核实问题不存在' });
    // three working days later the unaccepted orders are long overdue
    t.clock.advance(74 * HOUR);
    await d.logInAll();
  });
  afterAll(async () => t?.close());

  it('scores every assessed unit by the profile’s weights, explaining each term, and vetoes the last place', async () => {
    const a = await annual();
    expect(a).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-12-31', rules: { minimumDispatched: 10, vetoLastPlaces: 1 } });
    const cgzd = a.units.find((u) => u.unitCode === 'CGZD')!;
    // 按期结案 2/2 ×30, 处置及时 2/2 ×15, 签收及时 2/2 ×10, 满意 1/2 ×20, 1−返工 0/2 ×10, 1−退单 0/10 ×5, 1−延期 0/10 ×5, 主动发现 0/10 ×5
    expect(cgzd.terms.map((x) => [x.indicator, x.points])).toEqual([
      ['onTimeClosure', 30], ['handleOnTime', 15], ['acceptOnTime', 10], ['satisfaction', 10], ['rework', 10], ['return', 5], ['extension', 5], ['proactive', 0],
    ]);
    expect(cgzd.base).toBe(85);
    expect(cgzd.terms[3]!.explanation.zh).toBe('回访满意率 50%（1/2） × 权重 20 = 10 分');
    // ten joint cases led × 0.5 = 5, at most 3
    expect(cgzd.bonus).toMatchObject({ points: 3, capped: false });
    expect(cgzd.bonus.items[0]!.explanation.zh).toBe('牵头跨部门案件 10 件 × 0.5 分（上限 3）= 3 分');
    expect(cgzd.score).toBe(88);
    // 环卫所: only 退单, 延期 and 主动发现 can be counted; their 15 weights make 100: (5 + 5 + 0) × 100/15
    const hw = a.units.find((u) => u.unitCode === 'HW')!;
    expect(hw).toMatchObject({ dispatched: 10, base: 66.67, score: 66.67 });
    expect(hw.terms.find((x) => x.indicator === 'satisfaction')).toMatchObject({ rate: null, points: 0 });
    // the two ranked (10 or more cases) come first; the last place is vetoed; the rest are listed unranked
    expect(a.units.slice(0, 2).map((u) => [u.unitCode, u.rank, u.veto])).toEqual([['CGZD', 1, false], ['HW', 2, true]]);
    expect(a.units.find((u) => u.unitCode === 'SCS')).toMatchObject({ ranked: false, rank: null, veto: false });
    expect(a.units.some((u) => u.unitCode === 'CENTER')).toBe(false);
  });

  it('lists 城管中队 for an interview by the leader in charge, with the dissatisfied visit', async () => {
    const a = await annual();
    expect(a.interviews).toHaveLength(1);
    expect(a.interviews[0]).toMatchObject({ unitCode: 'CGZD', count: 1, leader: { code: 'P004', name: '沈婷' } });
    expect(a.interviews[0]!.cases).toEqual([expect.objectContaining({ caseId: stalls[1], cause: 'poor_handling', note: '摊贩第二天又回来了', categoryName: '无照经营游商' })]);
  });

  it('holds 城管中队 to account for the persistent problem: all ten heard first from the public, eight unresolved', async () => {
    const a = await annual();
    expect(a.accountability.map((x) => x.unitCode)).toEqual(['CGZD']);
    const e = a.accountability[0]!;
    expect(e.foundLate.map((c) => c.caseId).sort()).toEqual([...stalls].sort());
    expect(e.unresolved.map((c) => c.caseId).sort()).toEqual(stalls.slice(2).sort());
    expect(e.unresolved.every((c) => c.overdue && c.status === 'dispatched')).toBe(true);
    expect(e).toMatchObject({ foundLateCount: 10, unresolvedCount: 8 });
  });

  it('lists at most the most recent cases on the page, with the full counts', async () => {
    const a = await getAnnualAssessment(t.ctx, 2026, undefined, 3);
    const e = a.accountability[0]!;
    expect(a.caseLimit).toBe(3);
    expect(e).toMatchObject({ foundLateCount: 10, unresolvedCount: 8 });
    // (the ten were taken at one instant on the test clock, so which three are "most recent" is the database's order)
    expect(new Set(e.foundLate.map((c) => c.caseId)).size).toBe(3);
    expect(e.foundLate.every((c) => stalls.includes(c.caseId))).toBe(true);
    expect(e.unresolved).toHaveLength(3);
  });

  it('leads from every number to exactly the cases behind it, page by page', async () => {
    const pages: AssessmentCasesDto[] = [];
    let after: string | null = '';
    while (after !== null) {
      const res = await get(`/assessment/cases?subject=unit&key=CGZD&metric=dispatched&period=2026&limit=4${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      const page = res.body as unknown as AssessmentCasesDto;
      pages.push(page);
      after = page.nextCursor;
    }
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 2]);
    expect(pages[0]!.total).toBe(10);
    expect(pages.flatMap((p) => p.items.map((i) => i.caseId)).sort()).toEqual([...stalls].sort());
    const indicators = (await get('/assessment/indicators?period=2026&key=CGZD')).body as unknown as IndicatorsDto;
    expect((indicators.items[0]!.indicators as { dispatched: number }).dispatched).toBe(10);

    const unhappy = (await get('/assessment/cases?subject=unit&key=CGZD&metric=visit:dissatisfied&period=2026-11')).body as unknown as AssessmentCasesDto;
    expect(unhappy).toMatchObject({ total: 1, items: [{ caseId: stalls[1], action: 'visit', day: '2026-11-02', categoryName: '无照经营游商', status: 'closed' }] });
    expect((await get('/assessment/cases?subject=unit&key=CGZD&metric=dispatched&period=2026-10')).body).toMatchObject({ total: 0, items: [], nextCursor: null });
  });

  it('counts an inspector’s voided report against their valid reports', async () => {
    const res = (await get('/assessment/indicators?subject=inspector&period=2026-11')).body as unknown as IndicatorsDto;
    const df = res.items.find((i) => i.name === 'inspectordf')!;
    expect(df.indicators).toMatchObject({ reports: 1, voided: 1, validReports: 0 });
    const behind = (await get(`/assessment/cases?subject=inspector&key=${df.key}&metric=reports_voided&period=2026`)).body as unknown as AssessmentCasesDto;
    expect(behind.items.map((i) => i.caseId)).toEqual([voided]);
  });

  it('lets the supervisor adjust a score with a reason, audited, and the ranking follows', async () => {
    for (const [points, reason] of [[15, '台风期间垃圾清运突出，镇领导小组决定加分'], [10, '进博会保障期间环境整治成绩突出']] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/assessment/adjustments', headers: { cookie: d.cookies.supervisor! }, payload: { year: 2026, unitCode: 'HW', points, reason } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ unitCode: 'HW', points, reason, by: { name: expect.any(String) } });
      t.clock.advance(60_000);
    }
    const a = await annual();
    expect(a.units.slice(0, 2).map((u) => [u.unitCode, u.score, u.rank, u.veto])).toEqual([['HW', 91.67, 1, false], ['CGZD', 88, 2, true]]);
    expect(a.units[0]!.adjustments.map((x) => x.points)).toEqual([15, 10]);
    expect(a.units[0]!.adjustmentPoints).toBe(25);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=assessment.adjust', headers: { cookie: d.cookies.auditor! } });
    expect(audit.statusCode).toBe(200);
    expect(JSON.stringify(audit.json())).toContain('assessment.adjust');
  });

  it('refuses adjustments by anyone but the supervisor, and bad ones with the field, changing nothing', async () => {
    const post = (who: string, payload: Json) => t.app.inject({ method: 'POST', url: '/api/v1/assessment/adjustments', headers: { cookie: d.cookies[who]! }, payload });
    expect((await post('leader', { year: 2026, unitCode: 'HW', points: 1, reason: '领导要求加分' })).statusCode).toBe(403);
    expect((await post('dispatcher', { year: 2026, unitCode: 'HW', points: 1, reason: '调度员加分' })).statusCode).toBe(403);
    for (const [payload, field] of [
      [{ year: 2026, unitCode: 'HW', points: 0, reason: '零分调整' }, 'body.points'],
      [{ year: 2026, unitCode: 'HW', points: 30, reason: '超过上限的调整' }, 'body.points'],
      [{ year: 2026, unitCode: 'HW', points: 2, reason: ' ' }, 'body.reason'],
      [{ year: 2026, unitCode: 'CENTER', points: 2, reason: '中心不参加考核' }, 'body.unitCode'],
      [{ year: 2026, unitCode: 'NOPE', points: 2, reason: '没有这个单位' }, 'body.unitCode'],
    ] as const) {
      const res = await post('supervisor', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(field);
    }
    expect((await annual()).units.find((u) => u.unitCode === 'HW')!.adjustments).toHaveLength(2);
    for (const [url, field] of [
      ['/assessment/annual?year=abc', 'query.year'],
      ['/assessment/cases?subject=unit&key=CGZD&metric=bogus&period=2026', 'query.metric'],
      ['/assessment/cases?subject=unit&key=CGZD&metric=dispatched', 'query.period'],
      ['/assessment/cases?subject=unit&key=CGZD&metric=dispatched&period=2026&after=zzz', 'query.after'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.body), url).toContain(field);
    }
    expect((await get('/assessment/annual?year=2026', 'cgzd')).status).toBe(403);
  });

  it('exports the same numbers as xlsx', async () => {
    const res = await get('/assessment/annual.xlsx?year=2026');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E8%80%83%E6%A0%B8_2026.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['年度排名', '得分明细', '约谈名单', '责任追究']);
    const ranking = book.getWorksheet('年度排名')!;
    expect(ranking.getRow(2).values).toEqual(expect.arrayContaining([1, '环卫所', 'HW', 10, 66.67, 0, 25, 91.67]));
    expect(ranking.getRow(3).values).toEqual(expect.arrayContaining([2, 'CGZD', 88, '是']));
    expect(book.getWorksheet('责任追究')!.rowCount).toBe(1 + 10 + 8);

    const ind = await get('/assessment/indicators.xlsx?period=2026-11');
    expect(ind.status).toBe(200);
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load(ind.raw as unknown as ArrayBuffer);
    const rows = sheet.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0]!;
    const cgzdRow = rows.find((r) => r.includes('CGZD'))!;
    expect(cgzdRow[header.indexOf('派单数')]).toBe(10);
    expect(cgzdRow[header.indexOf('满意率')]).toBe(0.5);
  });

  it('documents every assessment endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [p, method] of [['/api/v1/assessment/indicators', 'get'], ['/api/v1/assessment/indicators.xlsx', 'get'], ['/api/v1/assessment/cases', 'get'], ['/api/v1/assessment/annual', 'get'], ['/api/v1/assessment/annual.xlsx', 'get'], ['/api/v1/assessment/adjustments', 'post']] as const) {
      expect(doc.paths[p]?.[method], p).toBeDefined();
    }
  });

  it('keeps the counters and the facts equal to a recount, and a rebuild reproduces the assessment', async () => {
    expect((await verifyAssessment(t.database, t.ctx.townId)).differences).toEqual([]);
    const before = await annual();
    await rebuildAssessment(t.database, t.ctx.townId, t.clock.now().toISOString());
    expect((await verifyAssessment(t.database, t.ctx.townId)).differences).toEqual([]);
    expect({ ...(await annual()), generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  });
});
