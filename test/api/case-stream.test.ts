/**
 * The SSE stream (DESIGN D5) over a real socket: intakes and actions arrive as `event: case` with
 * increasing ids; a reconnect with Last-Event-ID replays exactly what came after (none missed, none
 * repeated); a department handler only hears of its own cases; no login, no stream.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamFanoutOf } from '../../src/server/realtime/stream-fanout.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

interface SseEvent {
  id: number;
  event: string;
  data: { seq: number; caseId: string; caseNo: string; action: string; fromStatus: string | null; toStatus: string };
}

/** A streaming reader of one SSE connection, parsing frames as they arrive. */
class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private waiters: Array<() => void> = [];
  private readonly abort = new AbortController();
  status = 0;
  contentType = '';

  static async open(base: string, cookie: string | undefined, lastEventId?: number): Promise<SseClient> {
    const client = new SseClient();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (cookie) headers.cookie = cookie;
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const res = await fetch(`${base}/api/v1/stream`, { headers, signal: client.abort.signal });
    client.status = res.status;
    client.contentType = res.headers.get('content-type') ?? '';
    if (res.status === 200 && res.body) void client.read(res.body.getReader());
    else await res.text();
    return client;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const frame = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          this.parse(frame);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(frame: string): void {
    let id: number | null = null;
    let event = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (id === null || !data) return;
    this.events.push({ id, event, data: JSON.parse(data) as SseEvent['data'] });
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `predicate` holds over the events received so far. */
  async until(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received ${JSON.stringify(this.events.map((e) => [e.id, e.data.action]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  close(): void {
    this.abort.abort();
  }
}

describe(`the event stream (${dialectUnderTest})`, () => {
  let t: TestApp;
  let base: string;
  const cookies: Record<string, string> = {};
  const open: SseClient[] = [];
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-09T01:00:00.000Z' });
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await t?.close();
  });

  const stream = async (who: string | undefined, lastEventId?: number) => {
    const c = await SseClient.open(base, who ? cookies[who] : undefined, lastEventId);
    open.push(c);
    return c;
  };
  const intake = async (payload: Record<string, unknown>): Promise<string> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const act = async (who: string, id: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  };
  const stall = (n: string) => ({ channel: 'hotline_12345', categoryCode: '09001', description: `${n}：路口流动摊贩`, location: pointInDongfeng });
  const allSeqs = async (after: number) =>
    (await t.database.db.selectFrom('case_events').select('seq').where('seq', '>', after).orderBy('seq').execute()).map((r) => Number(r.seq));

  it('refuses a client without login with 401', async () => {
    const c = await stream(undefined);
    expect(c.status).toBe(401);
    expect(c.contentType).toContain('application/problem+json');
  });

  it('carries an intake and an action as `event: case` with increasing ids', async () => {
    const c = await stream('dispatcher');
    expect(c.status).toBe(200);
    expect(c.contentType).toContain('text/event-stream');
    const id = await intake(stall('实时一'));
    await c.until((es) => es.some((e) => e.data.caseId === id && e.data.action === 'report'));
    await act('dispatcher', id, 'register');
    const events = await c.until((es) => es.some((e) => e.data.caseId === id && e.data.action === 'dispatch'));
    const mine = events.filter((e) => e.data.caseId === id);
    expect(mine.map((e) => e.data.action)).toEqual(['report', 'register', 'dispatch']);
    expect(mine.map((e) => e.data.toStatus)).toEqual(['reported', 'registered', 'dispatched']);
    expect(events.every((e) => e.event === 'case')).toBe(true);
    for (let i = 1; i < events.length; i += 1) expect(events[i]!.id).toBeGreaterThan(events[i - 1]!.id);
    expect(events.every((e) => e.id === e.data.seq)).toBe(true);
    // a new connection without a position starts at the present: it does not replay the town's history
    const fresh = await stream('dispatcher');
    const later = await intake(stall('实时二'));
    const got = await fresh.until((es) => es.some((e) => e.data.caseId === later));
    expect(got.map((e) => e.data.caseId)).toEqual([later]);
  });

  it('replays exactly the events after Last-Event-ID on reconnect', async () => {
    const first = await stream('dispatcher');
    const id = await intake(stall('重连'));
    const seen = await first.until((es) => es.some((e) => e.data.caseId === id));
    const lastSeen = seen.at(-1)!.id;
    first.close();
    // while the client is away: three more events on two cases
    await act('dispatcher', id, 'register'); // register + the system's dispatch
    const other = await intake(stall('离线期间'));
    const expected = await allSeqs(lastSeen);
    expect(expected).toHaveLength(3);

    const again = await stream('dispatcher', lastSeen);
    await again.until((es) => es.length >= expected.length);
    await act('cgzd', id, 'accept');
    const all = await again.until((es) => es.some((e) => e.data.action === 'accept' && e.data.caseId === id));
    const ids = all.map((e) => e.id);
    expect(ids).toEqual(await allSeqs(lastSeen));
    expect(ids.slice(0, 3)).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.map((e) => [e.data.caseId, e.data.action])).toEqual([
      [id, 'register'],
      [id, 'dispatch'],
      [other, 'report'],
      [id, 'accept'],
    ]);
  });

  it('does not tell a department handler about cases not assigned to it', async () => {
    const c = await stream('cgzd');
    // first events on cases that are not 城管中队's: a plain report, and one routed to the 东风 station team (暴露垃圾)
    const notMine = await intake({ channel: 'citizen', description: '路灯不亮', location: pointInDongfeng });
    const stationLevel = await intake({ channel: 'hotline_12345', categoryCode: '06010', description: '暴露垃圾', location: pointInDongfeng });
    await act('dispatcher', stationLevel, 'register');
    // then one that is: dispatched to 城管中队 at 立案
    const mine = await intake(stall('城管中队的'));
    await act('dispatcher', mine, 'register');
    const events = await c.until((es) => es.some((e) => e.data.caseId === mine && e.data.action === 'dispatch'));
    const caseIds = new Set(events.map((e) => e.data.caseId));
    expect(caseIds.has(notMine)).toBe(false);
    expect(caseIds.has(stationLevel)).toBe(false);
    // the stream judges an event by the case as it is when the event is read: its own case's
    // dispatch (the moment it became 城管中队's) always arrives
    expect(events.filter((e) => e.data.caseId === mine).map((e) => e.data.action)).toContain('dispatch');
    expect([...caseIds].every((cid) => cid === mine)).toBe(true);
  });

  it('many connections share one read of the record: each gets every event once, in order', async () => {
    const clients = await Promise.all(Array.from({ length: 40 }, () => stream('dispatcher')));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await intake(stall(`广播${i}`)));
    await Promise.all(ids.map((id) => act('dispatcher', id, 'register')));
    for (const c of clients) {
      const events = await c.until((es) => ids.every((id) => es.some((e) => e.data.caseId === id && e.data.action === 'dispatch')));
      const seqs = events.map((e) => e.id);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(events.filter((e) => ids.includes(e.data.caseId))).toHaveLength(15);
      c.close();
    }
  });

  it('a client reconnecting while nobody else listens gets what it missed at once, not at the next heartbeat', async () => {
    const c = await stream('dispatcher');
    const id = await intake(stall('独听'));
    const seen = await c.until((es) => es.some((e) => e.data.caseId === id));
    for (const o of open) o.close();
    // the server notices the closed connections; then two orders arrive with nobody listening
    for (let i = 0; i < 100 && streamFanoutOf(t.ctx).size > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(streamFanoutOf(t.ctx).size).toBe(0);
    const missed = [await intake(stall('无人在听一')), await intake(stall('无人在听二'))];
    const again = await stream('dispatcher', seen.at(-1)!.id);
    const events = await again.until((es) => missed.every((m) => es.some((e) => e.data.caseId === m)), 3_000);
    expect(events.map((e) => e.data.caseId)).toEqual(missed);
  });
});
