/**
 * The town's command mode (R9) through the API: everyone reads it (daily when nothing is declared);
 * only the leader and the emergency officer declare, replace and stand down joint, authorised and
 * emergency command; bad input is a 400 naming the fields; every change is audited; the dashboard's
 * snapshot carries the mode in force for the screen's banner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModeDto } from '../../src/contracts/command-mode.js';
import type { DashboardDto } from '../../src/contracts/dashboard.js';
import { createTestApp, defaultTestUsers, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { expectDocumented } from '../openapi.js';

type Json = Record<string, unknown>;
const flood = { mode: 'emergency', emergencyKind: 'flood_typhoon', responseLevel: 'II', commanderCode: 'P4', deputyCode: 'P3', reason: '台风“烟花”预计明日登陆，启动防汛防台Ⅱ级响应' };
const HOUR = 3_600_000;

describe(`command mode API (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    // the clock moves hours in this file: sessions outlast it
    t = await createTestApp({ config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of defaultTestUsers) cookies[u.username] = await login(t.app, u.username);
  });
  afterAll(async () => t?.close());

  const get = async (who = 'dispatcher') => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/command-mode', headers: { cookie: cookies[who]! } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as CommandModeDto;
  };
  const post = (who: string, payload: Json, url = '/api/v1/command-mode') => t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
  const audit = async (action: string) =>
    t.database.db.selectFrom('audit_log').select(['actor_name', 'outcome', 'resource_id', 'detail']).where('action', '=', action).orderBy('id').execute();
  const dashboardMode = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie: cookies.leader! } });
    expect(res.statusCode).toBe(200);
    return (res.json() as DashboardDto).commandMode;
  };

  it('is daily command for everyone until something is declared; anonymous callers are refused', async () => {
    for (const u of defaultTestUsers) expect(await get(u.username), u.username).toEqual({ mode: 'daily', current: null, history: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/command-mode' })).statusCode).toBe(401);
    expect(await dashboardMode()).toBeNull();
  });

  it('lets only the leader and the emergency officer change it; a refusal is audited', async () => {
    const refused = ['dispatcher', 'coordinator', 'supervisor', 'teammanager', 'inspector1', 'station1', 'handler1', 'admin', 'securityadmin', 'auditor'];
    for (const who of refused) {
      for (const url of ['/api/v1/command-mode', '/api/v1/command-mode/stand-down']) {
        const res = await post(who, url.endsWith('down') ? {} : flood, url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    const denied = (await audit('access.denied')).filter((r) => JSON.parse(r.detail ?? '{}').permission === 'command_mode:change');
    expect(denied).toHaveLength(refused.length * 2);
    expect((await get()).mode).toBe('daily');
  });

  it('refuses bad input with problem+json naming each field', async () => {
    const fields = async (payload: Json) => {
      const res = await post('leader', payload);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { code: string; errors: Array<{ field: string; message: { zh: string; en: string } }> };
      expect(body.code).toMatch(/^VALIDATION_FAILED|FST_ERR_VALIDATION$/);
      for (const e of body.errors) expect(e.message.zh.length).toBeGreaterThan(0);
      return body.errors.map((e) => e.field);
    };
    expect(await fields({ mode: 'emergency', reason: '突发' })).toEqual(['body.emergencyKind', 'body.responseLevel', 'body.commanderCode', 'body.deputyCode']);
    expect(await fields({ ...flood, mode: 'joint' })).toEqual(['body.emergencyKind', 'body.responseLevel']);
    expect(await fields({ ...flood, commanderCode: 'P999', deputyCode: 'NOBODY' })).toEqual(['body.commanderCode', 'body.deputyCode']);
    expect(await fields({ ...flood, deputyCode: 'P4' })).toEqual(['body.deputyCode']);
    expect(await fields({ mode: 'daily', reason: '恢复' })).toEqual(['body.mode']);
    expect(await fields({ ...flood, responseLevel: 'V' })).toContain('body.responseLevel');
    expect(await fields({ ...flood, reason: '' })).toContain('body.reason');
    expect(await fields({ ...flood, colour: 'red' })).toEqual(expect.arrayContaining([expect.stringContaining('body')]));
    expect((await get()).mode).toBe('daily');
    expect(await audit('command_mode.change')).toEqual([]);
  });

  it('declares an emergency with its commander and deputy, shown in the dashboard snapshot and audited', async () => {
    const res = await post('leader', flood);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const m = res.json() as CommandModeDto;
    expect(m.mode).toBe('emergency');
    expect(m.current).toMatchObject({
      mode: 'emergency', emergencyKind: 'flood_typhoon', responseLevel: 'II', levelColour: 'orange',
      commander: { code: 'P4', name: '赵六' }, deputy: { code: 'P3', name: '王五' }, reason: flood.reason,
      startedAt: '2026-03-02T01:00:00.000Z', startedBy: { name: 'leader' }, endedAt: null, endedBy: null, endKind: null,
    });
    expect(m.history).toEqual([m.current]);
    expect(await get('inspector1')).toEqual(m);
    expect(await dashboardMode()).toEqual(m.current);
    const rows = await audit('command_mode.change');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_name: 'leader', outcome: 'success', resource_id: m.current!.id });
    expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ mode: 'emergency', responseLevel: 'II', commanderCode: 'P4', deputyCode: 'P3', replaced: null });
  });

  it('raising the level replaces the period in force; the history keeps both', async () => {
    const before = (await get()).current!;
    t.clock.advance(2 * HOUR);
    const res = await post('emergency', { ...flood, responseLevel: 'I', reason: '风力加强，升级为Ⅰ级响应' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const m = res.json() as CommandModeDto;
    expect(m.current).toMatchObject({ responseLevel: 'I', levelColour: 'red', startedBy: { name: 'emergency' } });
    expect(m.history.map((p) => [p.id, p.endKind])).toEqual([[m.current!.id, null], [before.id, 'replaced']]);
    expect(m.history[1]).toMatchObject({ endedAt: '2026-03-02T03:00:00.000Z', endedBy: { name: 'emergency' } });
    const change = await audit('command_mode.change');
    expect(JSON.parse(change[1]!.detail!)).toMatchObject({ replaced: { id: before.id, mode: 'emergency', responseLevel: 'II' } });
  });

  it('stands down to daily command, audited; standing down again is a 409', async () => {
    t.clock.advance(HOUR);
    const res = await post('emergency', { note: '台风已过境，解除响应' }, '/api/v1/command-mode/stand-down');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const m = res.json() as CommandModeDto;
    expect(m.mode).toBe('daily');
    expect(m.current).toBeNull();
    expect(m.history[0]).toMatchObject({ responseLevel: 'I', endKind: 'stood_down', endNote: '台风已过境，解除响应', endedAt: '2026-03-02T04:00:00.000Z', endedBy: { name: 'emergency' } });
    expect(m.history).toHaveLength(2);
    expect(await dashboardMode()).toBeNull();
    const rows = await audit('command_mode.stand_down');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_name: 'emergency', resource_id: m.history[0]!.id });

    const again = await post('leader', {}, '/api/v1/command-mode/stand-down');
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'COMMAND_MODE_DAILY', message: { zh: expect.stringContaining('日常指挥') } });
    expect(await audit('command_mode.stand_down')).toHaveLength(1);
  });

  it('declares joint command with no level, and authorised command with its level and commander', async () => {
    const joint = await post('leader', { mode: 'joint', reason: '花博会开幕保障，各部门联席坐席' });
    expect(joint.statusCode, joint.body.slice(0, 300)).toBe(200);
    expect((joint.json() as CommandModeDto).current).toMatchObject({ mode: 'joint', responseLevel: null, levelColour: null, commander: null, deputy: null });
    const authorised = await post('leader', { mode: 'authorised', responseLevel: 'IV', commanderCode: 'P4', reason: '授权城运中心分级响应' });
    expect(authorised.statusCode).toBe(200);
    const m = authorised.json() as CommandModeDto;
    expect(m.mode).toBe('authorised');
    expect(m.current).toMatchObject({ levelColour: 'blue', commander: { code: 'P4' } });
    expect(m.history.map((p) => `${p.mode}:${p.endKind ?? 'open'}`)).toEqual(['authorised:open', 'joint:replaced', 'emergency:stood_down', 'emergency:replaced']);
    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/command-mode?limit=1', headers: { cookie: cookies.dispatcher! } });
    expect((limited.json() as CommandModeDto).history).toHaveLength(1);
  });

  it('is documented', async () => {
    await expectDocumented(t.app, { '/api/v1/command-mode': ['get', 'post'], '/api/v1/command-mode/stand-down': ['post'] });
  });
});
