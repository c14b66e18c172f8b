/**
 * 导出 Excel (GET /cases/export.xlsx) on the Dongping profile: the workbook read back with exceljs
 * has exactly the rows and values of GET /cases for the same filters and the same caller's scope
 * (town, a unit, a station), reporters masked; the list's filters only (a bad one is a 400 problem);
 * read by cursor in batches; refused over the cap; audited.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummaryDto } from '../../src/contracts/cases.js';
import type { Actor } from '../../src/domain/access/index.js';
import { channelLabels, statusLabels } from '../../src/domain/case/vocabulary.js';
import { beijingCellDate, caseColumns } from '../../src/server/cases/case-workbook.js';
import { prepareCaseExport } from '../../src/server/cases/export-cases.js';
import { createTestApp, login, type TestApp, type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { expectDocumented } from '../openapi.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

/** a point in 前哨 station (grid 310151115006001) */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const users: TestUser[] = [...dongpingUsers, { username: 'stationqs', role: 'station_chief', station: 'QS' }];
type Cell = string | Date | null;

async function readSheet(bytes: Buffer): Promise<{ header: Cell[]; rows: Cell[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const all: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: Cell[] = [];
    for (let i = 1; i <= caseColumns.length; i++) {
      const v = row.getCell(i).value;
      values.push(v === undefined || v === null || v === '' ? null : (v as Cell));
    }
    all.push(values);
  });
  return { header: all[0] ?? [], rows: all.slice(1), sheet };
}

describe(`case export to xlsx (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    // Monday 2026-03-09 09:00 in Shanghai, a working day
    t = await createTestApp({ profile: () => profile, users, now: '2026-03-09T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of users) cookies[u.username] = await login(t.app, u.username);
    const intake = async (key: string, payload: Record<string, unknown>): Promise<void> => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
      ids[key] = res.json().id as string;
    };
    await intake('df1', { channel: 'hotline_12345', categoryCode: '09001', description: '东风路口有流动摊贩占道经营', location: pointInDongfeng, address: '东风村路口', reporter: { name: '张三', phone: '13916720835' }, externalId: 'EXP-1' });
    await intake('df2', { channel: 'inspector', categoryCode: '09001', description: '早市摊贩占用人行道', location: pointInDongfeng });
    await intake('df3', { channel: 'citizen', description: '路灯不亮，晚上很黑', location: pointInDongfeng, reporter: { phone: '02169123456' } });
    await intake('qs1', { channel: 'hotline_12345', categoryCode: '09001', description: '前哨码头边有人摆摊', location: pointInQianshao });
    for (const key of ['df1', 'qs1']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${ids[key]}/actions/register`, headers: { cookie: cookies.dispatcher! }, payload: {} });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const list = async (who: string, query = ''): Promise<CaseSummaryDto[]> => {
    const res = await get(who, `/api/v1/cases?limit=200${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json().items as CaseSummaryDto[];
  };
  const exportOf = async (who: string, query = '') => {
    const res = await get(who, `/api/v1/cases/export.xlsx${query ? `?${query.replace(/^&/, '')}` : ''}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return { res, ...(await readSheet(res.rawPayload)) };
  };
  /** The export's rows equal the list's, row for row, value for value. */
  const expectSameAsList = async (who: string, query = ''): Promise<CaseSummaryDto[]> => {
    const items = await list(who, query);
    const { rows } = await exportOf(who, query);
    expect(rows.map((r) => r[0])).toEqual(items.map((i) => i.caseNo));
    expect(rows).toEqual(items.map((i) => caseColumns.map((c) => c.value(i))));
    return items;
  };

  it('writes the town’s list for a dispatcher: Chinese headers, frozen header row, Chinese file name, masked reporters', async () => {
    const { res, header, rows, sheet } = await exportOf('dispatcher');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // 案件清单-20260309-0900.xlsx, Beijing time of the server's clock
    expect(res.headers['content-disposition']).toBe(`attachment; filename="cases-20260309-0900.xlsx"; filename*=UTF-8''${encodeURIComponent('案件清单-20260309-0900.xlsx')}`);
    expect(res.headers['x-total-count']).toBe('4');
    expect(header.slice(0, 10)).toEqual(['案件编号', '渠道', '外部工单号', '类别', '紧急程度', '状态', '红黄灯', '站点', '网格', '主办单位']);
    expect(header).toContain('上报时间');
    expect(header).toContain('描述');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(15).width).toBe(60);
    expect(rows).toHaveLength(4);

    const items = await expectSameAsList('dispatcher');
    const df1 = rows[items.findIndex((i) => i.id === ids.df1)]!;
    const col = (name: string) => header.indexOf(name);
    expect(df1[col('渠道')]).toBe(channelLabels.hotline_12345.zh);
    expect(df1[col('外部工单号')]).toBe('EXP-1');
    expect(df1[col('状态')]).toBe(statusLabels.dispatched.zh);
    expect(df1[col('主办单位')]).toBeTruthy();
    expect(df1[col('报告人')]).toBe('张*');
    expect(df1[col('联系电话')]).toBe('139****0835');
    expect(df1[col('地址')]).toBe('东风村路口');
    const reportedAt = items.find((i) => i.id === ids.df1)!.reportedAt;
    expect(df1[col('上报时间')]).toEqual(beijingCellDate(reportedAt));
    expect(sheet.getRow(2).getCell(col('上报时间') + 1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(beijingCellDate('2026-03-09T01:00:00.000Z').toISOString()).toBe('2026-03-09T09:00:00.000Z');
    const df3 = rows[items.findIndex((i) => i.id === ids.df3)]!;
    expect(df3[col('红黄灯')]).toBe('未计时');
  });

  it('takes the list’s filters and gives the same rows', async () => {
    const reported = await expectSameAsList('dispatcher', '&status=reported');
    expect(reported.map((i) => i.id).sort()).toEqual([ids.df2, ids.df3].sort());
    expect(await expectSameAsList('dispatcher', '&channel=hotline_12345&station=DF')).toHaveLength(1);
    expect(await expectSameAsList('dispatcher', `&q=${encodeURIComponent('摊')}`)).toHaveLength(3);
    expect(await expectSameAsList('dispatcher', '&callerPhone=13916720835')).toHaveLength(1);
    expect(await expectSameAsList('dispatcher', '&status=closed')).toHaveLength(0);
  });

  it('exports only the caller’s scope: a unit its assigned cases, a station chief its station', async () => {
    const unit = await expectSameAsList('cgzd');
    expect(unit.map((i) => i.id).sort()).toEqual([ids.df1, ids.qs1].sort());
    const assisting = await expectSameAsList('scs');
    for (const i of assisting) expect([i.leadUnit?.code, ...i.assistUnits.map((u) => u.code)]).toContain('SCS');
    expect(assisting.map((i) => i.id)).not.toContain(ids.df2);
    const df = await expectSameAsList('stationdf');
    expect(df.map((i) => i.id).sort()).toEqual([ids.df1, ids.df2, ids.df3].sort());
    const qs = await expectSameAsList('stationqs');
    expect(qs.map((i) => i.id)).toEqual([ids.qs1]);
    // a station filter cannot widen the scope
    expect(await expectSameAsList('stationqs', '&station=DF')).toEqual([]);
  });

  it('refuses a bad filter, a paging parameter, a caller without a session and a role that reads no cases', async () => {
    for (const query of ['status=bogus', 'from=yesterday', 'cursor=abc', 'limit=10', 'category=1']) {
      const res = await get('dispatcher', `/api/v1/cases/export.xlsx?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: { zh: expect.any(String), en: expect.any(String) } });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases/export.xlsx' })).statusCode).toBe(401);
    const auditor = await get('auditor', '/api/v1/cases/export.xlsx');
    expect(auditor.statusCode).toBe(403);
    expect(auditor.headers['content-type']).toContain('application/problem+json');
  });

  it('reads the list by cursor in batches, stops at the cap with a problem, and audits each export', async () => {
    const session = await get('dispatcher', '/api/v1/session');
    const actor = session.json().actor as Actor;
    const bytes = async (batchSize: number): Promise<Buffer> => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const exported = await prepareCaseExport(t.ctx, actor, {}, { batchSize });
      expect(await exported.writeTo(out)).toBe(4);
      return Buffer.concat(chunks);
    };
    const inBatchesOfOne = await readSheet(await bytes(1));
    const inBatchesOfThree = await readSheet(await bytes(3));
    const { rows } = await exportOf('dispatcher');
    expect(inBatchesOfOne.rows).toEqual(rows);
    expect(inBatchesOfThree.rows).toEqual(rows);

    await expect(prepareCaseExport(t.ctx, actor, {}, { maxRows: 3 })).rejects.toMatchObject({ status: 422, code: 'EXPORT_TOO_LARGE', extra: { maxRows: 3 } });
    expect((await prepareCaseExport(t.ctx, actor, {}, { maxRows: 4 })).rows).toBe(4);

    const audit = await get('auditor', '/api/v1/audit?action=cases.export&actorName=stationqs');
    expect(audit.statusCode, audit.body.slice(0, 300)).toBe(200);
    const entries = audit.json().items as { detail: { rows: number; filters: Record<string, unknown> } }[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.map((e) => e.detail.rows).sort()).toEqual([0, 1]);
    expect(entries.some((e) => e.detail.filters.station === 'DF')).toBe(true);
  });

  it('gives the list’s total on the first page when asked (withTotal), in the caller’s scope and filters', async () => {
    const total = async (who: string, query: string) => {
      const res = await get(who, `/api/v1/cases?limit=1&withTotal=true${query}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return res.json() as { total?: number; nextCursor: string | null };
    };
    const first = await total('dispatcher', '');
    expect(first.total).toBe(4);
    expect((await total('dispatcher', '&status=reported')).total).toBe(2);
    expect((await total('stationqs', '')).total).toBe(1);
    const next = await get('dispatcher', `/api/v1/cases?limit=1&withTotal=true&cursor=${first.nextCursor}`);
    expect(next.json().total).toBeUndefined();
    expect((await get('dispatcher', '/api/v1/cases?limit=1')).json().total).toBeUndefined();
    expect((await get('dispatcher', '/api/v1/cases?withTotal=maybe')).statusCode).toBe(400);
  });

  it('is in the OpenAPI document with the list’s filters', async () => {
    const doc = await expectDocumented(t.app, { '/api/v1/cases/export.xlsx': ['get'] });
    const names = (doc.paths['/api/v1/cases/export.xlsx'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['status', 'channel', 'station', 'department', 'deadline', 'q', 'from', 'to', 'callerPhone']));
    expect(names).not.toContain('cursor');
  });
});
