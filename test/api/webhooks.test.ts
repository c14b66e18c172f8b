/**
 * Webhooks (R14) over the API on the Dongping profile: the system administrator registers a
 * receiver; a case event reaches it only after commit, through the outbox relay and the delivery
 * job, signed with the webhook's secret, without any personal data; a receiver answering 500 is
 * retried after the backoff; the filter holds; bad input is 400 and other roles get 403.
 * The receivers are local HTTP servers on 127.0.0.1 started here.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../src/server/jobs/outbox-relay.js';
import { deliverWebhooks } from '../../src/server/jobs/webhook-delivery.js';
import { createTestApp, login, type TestApp, type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers each request with the next status of its script (then 200), or never. */
async function startReceiver(): Promise<{ url: string; received: Received[]; script: number[]; hang: { on: boolean }; close(): Promise<void> }> {
  const received: Received[] = [];
  const script: number[] = [];
  const hang = { on: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (hang.on) return;
      res.writeHead(script.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cityops/events`,
    received,
    script,
    hang,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const users: TestUser[] = [...dongpingUsers, { username: 'admin', role: 'system_admin' }];

describe(`webhooks (${dialectUnderTest})`, () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users, now: '2026-03-09T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of users) cookies[u.username] = await login(t.app, u.username);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  /** sessions end after a while: sign in again after moving the clock far */
  const relogin = async () => {
    for (const u of users) cookies[u.username] = await login(t.app, u.username);
  };
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const act = async (who: string, id: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await call(who, 'POST', `/cases/${id}/actions/${action}`, payload);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  };
  let n = 0;
  /** a 12345 order about a street stall, registered: routing dispatches it to 城管中队 at once */
  const dispatchedCase = async (): Promise<{ id: string; caseNo: string }> => {
    const res = await call('dispatcher', 'POST', '/cases', {
      channel: 'hotline_12345',
      categoryCode: '09001',
      description: `第${++n}件：路口有流动摊贩占道经营`,
      location: pointInDongfeng,
      address: '东平镇北沿公路森林公园南门',
      reporter: { name: '陈建国', phone: '13916720835' },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    await act('dispatcher', res.json().id, 'register');
    return { id: res.json().id, caseNo: res.json().caseNo };
  };
  const deliveriesOf = async (webhookId: string) => (await call('admin', 'GET', `/webhooks/${webhookId}/deliveries`)).json().items as Array<Record<string, unknown>>;

  let dispatchHook: { id: string; secret: string };

  it('delivers a dispatch event after commit, signed with the secret, without personal data', async () => {
    const created = await call('admin', 'POST', '/webhooks', { name: '崇明区城运中心', url: receiver.url, events: ['dispatch'] });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({ name: '崇明区城运中心', url: receiver.url, events: ['dispatch'], active: true, createdBy: 'admin' });
    expect(hook.secret).toMatch(/^whsec_/);
    dispatchHook = { id: hook.id, secret: hook.secret };
    // the secret is shown once: never in the list
    const list = await call('admin', 'GET', '/webhooks');
    expect(list.json()).toEqual([expect.objectContaining({ id: hook.id })]);
    expect(list.body).not.toContain(hook.secret);
    const stored = await sql<{ secret_enc: string }>`SELECT secret_enc FROM webhooks`.execute(t.database.db);
    expect(stored.rows[0]!.secret_enc).not.toContain(hook.secret.slice(6));

    const c = await dispatchedCase();
    // committed but not yet relayed: nothing has gone out
    expect(await deliverWebhooks(t.ctx)).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(0);
    expect(await deliveriesOf(hook.id)).toEqual([]);

    await relayOutbox(t.ctx);
    expect(await deliverWebhooks(t.ctx)).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    // report and register were filtered out: one request, the dispatch
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(headers['content-type']).toContain('application/json');
    expect(headers['x-cityops-signature']).toBe(`sha256=${createHmac('sha256', hook.secret).update(body).digest('hex')}`);
    const sent = JSON.parse(body);
    expect(headers['x-cityops-delivery']).toBe(sent.id);
    expect(sent).toEqual({
      id: expect.any(String),
      event: { seq: expect.any(Number), caseId: c.id, caseNo: c.caseNo, action: 'dispatch', fromStatus: 'registered', toStatus: 'dispatched', at: '2026-03-09T01:00:00.000Z', actor: { type: 'system', name: 'system:routing', role: null } },
      case: { status: 'dispatched', categoryCode: '09001', stationCode: 'DF', leadUnit: 'CGZD' },
    });
    // not even the masked phone's tail ('*0835'; a bare '0835' can turn up inside a random case id)
    for (const secret of ['陈建国', '13916720835', '*0835', 'reporter', '摊贩', '北沿公路']) expect(body).not.toContain(secret);

    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ id: sent.id, seq: sent.event.seq, action: 'dispatch', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, deliveredAt: '2026-03-09T01:00:00.000Z' });
    // delivered once: a second run sends nothing
    expect(await deliverWebhooks(t.ctx)).toMatchObject({ attempted: 0 });
  });

  it('retries a receiver answering 500 after the backoff, with the same signed body, then succeeds', async () => {
    expect((await call('admin', 'PATCH', `/webhooks/${dispatchHook.id}`, { active: false })).json()).toMatchObject({ active: false });
    const created = await call('admin', 'POST', '/webhooks', { name: '区平台 退单', url: receiver.url, events: ['return', 'accept'] });
    const hook = created.json();
    receiver.received.length = 0;
    receiver.script.push(500);

    const c = await dispatchedCase();
    await act('cgzd', c.id, 'return', { reason: '不属于城管中队职责' });
    await relayOutbox(t.ctx);
    expect(await deliverWebhooks(t.ctx)).toEqual({ attempted: 1, delivered: 0, retrying: 1, failed: 0 });
    let [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ action: 'return', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: '2026-03-09T01:00:30.000Z' });

    // not before the backoff
    t.clock.advance(29_000);
    expect(await deliverWebhooks(t.ctx)).toMatchObject({ attempted: 0 });
    t.clock.advance(1_000);
    expect(await deliverWebhooks(t.ctx)).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, deliveredAt: '2026-03-09T01:00:30.000Z' });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(receiver.received[1]!.headers['x-cityops-signature']).toBe(receiver.received[0]!.headers['x-cityops-signature']);
    // the filter: the inactive dispatch hook got nothing new, this one only the return
    expect(JSON.parse(receiver.received[0]!.body).event.action).toBe('return');
    expect(await deliveriesOf(dispatchHook.id)).toHaveLength(1);
    await call('admin', 'DELETE', `/webhooks/${hook.id}`);
  });

  it('gives up after 8 attempts (30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h apart); a silent receiver times out', async () => {
    const hook = (await call('admin', 'POST', '/webhooks', { name: '失效的接收方', url: receiver.url, events: ['*'] })).json();
    const c = await dispatchedCase();
    await relayOutbox(t.ctx);
    // report, register, dispatch
    expect((await deliveriesOf(hook.id)).map((d) => d.action)).toEqual(['dispatch', 'register', 'report']);
    await sql`DELETE FROM webhook_deliveries WHERE action != 'dispatch'`.execute(t.database.db);
    receiver.received.length = 0;
    receiver.script.push(503, 503, 503, 503, 503, 503, 503);
    for (const wait of [0, 30, 120, 600, 3600, 10800, 21600]) {
      t.clock.advance(wait * 1000);
      expect(await deliverWebhooks(t.ctx), `after ${wait} s`).toMatchObject({ attempted: 1, retrying: 1 });
    }
    t.clock.advance(43_199_000);
    expect(await deliverWebhooks(t.ctx)).toMatchObject({ attempted: 0 });
    t.clock.advance(1_000);
    receiver.hang.on = true;
    expect(await deliverWebhooks(t.ctx, { timeoutMs: 300 })).toEqual({ attempted: 1, delivered: 0, retrying: 0, failed: 1 });
    receiver.hang.on = false;
    await relogin();
    const [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: null, lastError: 'no answer within 0.3 s', nextAttemptAt: null });
    expect(receiver.received).toHaveLength(8);
    expect(JSON.parse(receiver.received[0]!.body).event.caseId).toBe(c.id);
    t.clock.advance(86_400_000);
    expect(await deliverWebhooks(t.ctx)).toMatchObject({ attempted: 0 });
    await relogin();
    await call('admin', 'DELETE', `/webhooks/${hook.id}`);
  });

  it('relaying the same outbox rows again (a crash before the mark) creates no second delivery', async () => {
    const hook = (await call('admin', 'POST', '/webhooks', { name: '幂等检查', url: receiver.url, events: ['*'] })).json();
    const c = await dispatchedCase();
    await relayOutbox(t.ctx);
    const count = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ${hook.id}`.execute(t.database.db)).rows[0]!.n);
    expect(await count()).toBe(3);
    await sql`UPDATE outbox SET published_at = NULL WHERE payload LIKE ${`%${c.id}%`}`.execute(t.database.db);
    expect(await relayOutbox(t.ctx)).toBe(3);
    expect(await count()).toBe(3);
    const deleted = await call('admin', 'DELETE', `/webhooks/${hook.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await count()).toBe(0);
    expect((await call('admin', 'GET', `/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 problem+json naming the field', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', url: 'ftp://127.0.0.1/in', events: ['*'] }, 'body.url'],
      [{ name: 'x', url: 'javascript:alert(1)', events: ['*'] }, 'body.url'],
      [{ name: 'x', url: 'file:///etc/passwd', events: ['*'] }, 'body.url'],
      [{ name: 'x', url: 'http://user:pw@127.0.0.1/in', events: ['*'] }, 'body.url'],
      [{ name: 'x', url: receiver.url, events: ['dispatch'], secret: 'mine' }, 'body.secret'],
      [{ name: 'x', url: receiver.url, events: ['nope'] }, 'body.events.0'],
      [{ name: 'x', url: receiver.url, events: ['*', 'dispatch'] }, 'body.events'],
      [{ name: 'x', url: receiver.url, events: [] }, 'body.events'],
      [{ name: '<script>', url: receiver.url, events: ['*'] }, 'body.name'],
    ];
    for (const [payload, field] of bad) {
      const res = await call('admin', 'POST', '/webhooks', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(payload)).toContain(field);
    }
    const patch = await call('admin', 'PATCH', `/webhooks/${dispatchHook.id}`, { url: 'gopher://127.0.0.1/' });
    expect(patch.statusCode).toBe(400);
    expect((await call('admin', 'PATCH', `/webhooks/${dispatchHook.id}`, {})).statusCode).toBe(400);
    expect((await call('admin', 'PATCH', `/webhooks/${dispatchHook.id}`, { active: true, secret: 'x' })).statusCode).toBe(400);
    const missing = await call('admin', 'PATCH', `/webhooks/${crypto.randomUUID()}`, { active: true });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await call('admin', 'GET', '/webhooks/not-a-uuid/deliveries')).statusCode).toBe(400);
    // nothing was created by the refused requests
    expect((await call('admin', 'GET', '/webhooks')).json().map((h: { name: string }) => h.name)).toEqual(['崇明区城运中心']);
  });

  it('only the system administrator manages webhooks', async () => {
    for (const who of ['dispatcher', 'leader', 'auditor']) {
      const attempts = [
        await call(who, 'GET', '/webhooks'),
        await call(who, 'POST', '/webhooks', { name: 'x', url: receiver.url, events: ['*'] }),
        await call(who, 'PATCH', `/webhooks/${dispatchHook.id}`, { active: true }),
        await call(who, 'DELETE', `/webhooks/${dispatchHook.id}`),
        await call(who, 'GET', `/webhooks/${dispatchHook.id}/deliveries`),
      ];
      for (const res of attempts) {
        expect(res.statusCode, `${who} ${res.body.slice(0, 200)}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(401);
    // the refusals are privileged: audited
    const denied = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied' AND resource_type = 'webhooks'`.execute(t.database.db);
    expect(Number(denied.rows[0]!.n)).toBe(15);
    const audited = await sql<{ action: string }>`SELECT DISTINCT action FROM audit_log WHERE resource_type = 'webhook' ORDER BY action`.execute(t.database.db);
    expect(audited.rows.map((r) => r.action)).toEqual(['webhook.create', 'webhook.delete', 'webhook.update']);
  });

  it('documents the routes in OpenAPI with a tag and a Chinese + English summary', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected: Record<string, string[]> = {
      '/api/v1/webhooks': ['get', 'post'],
      '/api/v1/webhooks/{id}': ['patch', 'delete'],
      '/api/v1/webhooks/{id}/deliveries': ['get'],
      '/api/v1/notifications': ['get'],
      '/api/v1/notifications/{id}/read': ['post'],
      '/api/v1/notifications/read-all': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const op = doc.paths[path]?.[method];
        expect(op, `${method} ${path}`).toBeDefined();
        expect(op.tags.length).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path}`).toMatch(/\p{Script=Han}.* [A-Z]/u);
      }
    }
    expect(doc.paths['/api/v1/webhooks'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});
