/**
 * Deadlines in working time and the sweep (R7): yellow at 80 % → one automatic 催办, overdue → one
 * automatic 督办 (escalation), however often the sweep runs; after downtime one sweep catches up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

const HOUR = 3_600_000;

describe('deadline sweep', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    // Monday 2026-03-02 09:00 Shanghai: a working morning (08:30–11:30, 13:00–17:00)
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-02T01:00:00.000Z' });
    cookie = await login(t.app, 'dispatcher');
  });
  afterAll(async () => t?.close());

  // the clock jumps hours ahead between steps: sessions idle out, so each step logs in again
  async function dispatchedCase(externalId: string): Promise<string> {
    cookie = await login(t.app, 'dispatcher');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie },
      payload: { channel: 'hotline_12345', externalId, description: '路边有流动摊贩摆摊', categoryCode: '09001', location: pointInDongfeng },
    });
    const id = res.json().id as string;
    const reg = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/register`, headers: { cookie }, payload: {} });
    expect(reg.json().status).toBe('dispatched');
    return id;
  }

  const automaticEvents = async (id: string) => {
    cookie = await login(t.app, 'dispatcher');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie } })).json();
    return { detail, auto: detail.events.filter((e: { action: string; actor: { type: string } }) => e.actor.type === 'system' && e.action !== 'dispatch') };
  };

  it('urges once at 80 % and escalates once when overdue, in working hours', async () => {
    const id = await dispatchedCase('sweep-1');
    // 签收 limit of 09001 (normal) is 2 working hours from 09:00: yellow at 10:36, due 11:00
    t.clock.advance(1.5 * HOUR); // 10:30: 75 %, still green
    await sweepDeadlines(t.ctx);
    expect((await automaticEvents(id)).auto).toHaveLength(0);

    t.clock.advance(10 * 60_000); // 10:40: past 80 %
    await sweepDeadlines(t.ctx);
    await sweepDeadlines(t.ctx);
    let { detail, auto } = await automaticEvents(id);
    expect(auto.map((e: { action: string }) => e.action)).toEqual(['urge']);
    expect(detail.deadlineState).toBe('yellow');

    t.clock.advance(25 * 60_000); // 11:05: overdue
    await sweepDeadlines(t.ctx);
    await sweepDeadlines(t.ctx);
    ({ detail, auto } = await automaticEvents(id));
    expect(auto.map((e: { action: string }) => e.action)).toEqual(['urge', 'escalate']);
    expect(detail.escalationLevel).toBe('center');
    expect(detail.deadlineState).toBe('red');
  });

  it('does not count the lunch break or the night, and catches up after downtime with one sweep', async () => {
    t.clock.set('2026-03-02T08:00:00.000Z'); // Monday 16:00 Shanghai
    const id = await dispatchedCase('sweep-2');
    // 2 working hours from Monday 16:00 = 1 h Monday + 1 h Tuesday from 08:30 → due Tuesday 09:30
    const accept = (await automaticEvents(id)).detail.deadlines.find((d: { step: string }) => d.step === 'accept');
    expect(accept.dueAt).toBe('2026-03-03T01:30:00.000Z');
    t.clock.set('2026-03-02T15:00:00.000Z'); // Monday 23:00: still 50 %
    await sweepDeadlines(t.ctx);
    expect((await automaticEvents(id)).auto).toHaveLength(0);
    // the server was down until Tuesday 14:00: one sweep fires yellow and red, once each
    t.clock.set('2026-03-03T06:00:00.000Z');
    await sweepDeadlines(t.ctx);
    await sweepDeadlines(t.ctx);
    expect((await automaticEvents(id)).auto.map((e: { action: string }) => e.action)).toEqual(['urge', 'escalate']);
  });
});
