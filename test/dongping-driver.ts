/**
 * A test app on the Dongping profile with every demo user logged in, and the few calls API tests
 * make again and again: take a stall order (09001 in 东风 unless told otherwise) and act on a case,
 * both expected to succeed. Log in again after moving the clock past the session idle time.
 */
import { expect } from 'vitest';
import { createTestApp, login, type TestApp } from './app.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from './dongping.js';

type Json = Record<string, unknown>;

export interface DongpingDriver {
  t: TestApp;
  cookies: Record<string, string>;
  logInAll(): Promise<void>;
  /** POST /cases as `who` (dispatcher by default) → the created case's body */
  intake(body?: Json, who?: string): Promise<{ id: string; caseNo: string } & Json>;
  /** POST /cases/:id/actions/:action → the case after it */
  act(who: string, id: string, action: string, payload?: Json): Promise<Json>;
}

export async function dongpingDriver(now: string): Promise<DongpingDriver> {
  const profile = await dongpingProfile();
  const t = await createTestApp({ profile: () => profile, users: dongpingUsers, now });
  const cookies: Record<string, string> = {};
  const logInAll = async () => {
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
  };
  await logInAll();
  let n = 0;
  return {
    t,
    cookies,
    logInAll,
    async intake(body = {}, who = 'dispatcher') {
      const payload = { channel: 'hotline_12345', categoryCode: '09001', description: `第${++n}件：路口有流动摊贩占道经营`, location: pointInDongfeng, ...body };
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]! }, payload });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      return res.json();
    },
    async act(who, id, action, payload = {}) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });
      expect(res.statusCode, `${who} ${action}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    },
  };
}
