/**
 * Idempotency-Key on every POST beyond intake's first send (R2): repeats sent at the same moment are
 * answered once, an action's or a photo's key survives an answer lost after the commit, a key taken
 * meanwhile by another server's request refuses the second act, a photo's key covers its file's
 * content, and keys are kept at least 24 hours.
 */
import { describe, expect, it } from 'vitest';
import { type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingTestApp, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { tinyJpeg, tinyPng } from '../images.js';
import { loseNextWriteAnswer } from '../lost-answer.js';
import type { IdempotencyRow } from '../../src/server/db/repositories/idempotency-repository.js';

type Json = Record<string, unknown>;
interface Detail {
  id: string;
  status: string;
  events: Array<{ action: string }>;
}

const users: TestUser[] = dongpingUsers;

function multipart(bytes: Buffer, filename: string, type: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--X\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from('\r\n--X--\r\n'),
  ]);
}

describe(`Idempotency-Key beyond a first intake (${dialectUnderTest})`, () => {
  // Monday 2026-03-09 09:00 in Shanghai
  const { t, cookies, logInAll } = dongpingTestApp({ users, now: '2026-03-09T01:00:00.000Z' });

  const post = (who: string, url: string, payload: Json, key?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const upload = (who: string, url: string, bytes: Buffer, key: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, 'content-type': 'multipart/form-data; boundary=X', 'idempotency-key': key }, payload: multipart(bytes, 'p.jpg', 'image/jpeg') });
  const detail = async (id: string): Promise<Detail> => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } })).json() as Detail;
  const caseCount = async () => Number((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const keyRow = (key: string) => t.ctx.database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
  const actions = async (id: string, action: string) => (await detail(id)).events.filter((e) => e.action === action).length;
  let n = 0;
  /** a street-stall order in 东风, registered: dispatched to 城管中队 by rule */
  const dispatchedCase = async (): Promise<string> => {
    const res = await post('dispatcher', '/api/v1/cases', { channel: 'hotline_12345', categoryCode: '09001', description: `幂等测试第${++n}件：路口流动摊贩`, location: pointInDongfeng });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect((await post('dispatcher', `/api/v1/cases/${id}/actions/register`, {})).statusCode).toBe(200);
    return id;
  };

  it('answers repeats sent at the same moment once: one case, the repeat replayed', async () => {
    const before = await caseCount();
    // no external id: only the key tells the two sends apart from two orders
    const order = { channel: 'citizen', description: '同时重发测试：小区门口井盖缺失', location: pointInDongfeng };
    const answers = await Promise.all([1, 2, 3].map(() => post('dispatcher', '/api/v1/cases', order, 'same-moment-key-0001')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(2);
    expect(await caseCount()).toBe(before + 1);

    const id = await dispatchedCase();
    const urges = await Promise.all([1, 2].map(() => post('dispatcher', `/api/v1/cases/${id}/actions/urge`, { note: '请尽快处理' }, 'same-moment-urge-0001')));
    expect(urges.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(await actions(id, 'urge')).toBe(1);
  });

  it('ends a key’s turn when a repeat whose client gave up waiting is answered, so the next repeat is not held', async () => {
    const id = await dispatchedCase();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}/api/v1/cases/${id}/actions/urge`;
    const send = (signal?: AbortSignal) =>
      fetch(url, { method: 'POST', headers: { cookie: cookies.dispatcher!, 'content-type': 'application/json', 'idempotency-key': 'gave-up-key-0001' }, body: JSON.stringify({ note: '请尽快处理' }), signal });
    // the first send's write is held back until the impatient repeat has given up
    const database = t.ctx.database;
    const realWrite = database.write;
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    database.write = (async (fn, options) => {
      database.write = realWrite;
      await held;
      return realWrite.call(database, fn, options);
    }) as typeof database.write;
    const first = send();
    const impatient = new AbortController();
    const repeat = send(impatient.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    impatient.abort();
    expect(await repeat).toBeInstanceOf(Error);
    letGo();
    expect((await first).status).toBe(200);
    // the given-up repeat got its turn and was answered into a closed socket; the next one is not kept waiting
    const next = await Promise.race([send().then((r) => r.status), new Promise((r) => setTimeout(() => r('held'), 5_000))]);
    expect(next).toBe(200);
    expect(await actions(id, 'urge')).toBe(1);
  });

  it('keeps the first success when a repeat that lost a race fails: a replay gives the success', async () => {
    const id = await dispatchedCase();
    const first = await post('cgzd', `/api/v1/cases/${id}/actions/accept`, {}, 'race-loser-key-0001');
    expect(first.statusCode).toBe(200);
    // as if a repeat on another server had failed after the first succeeded (the state moved on): its answer is stored no more
    const stored = (await keyRow('race-loser-key-0001'))!;
    const { saveIdempotencyKey } = await import('../../src/server/db/repositories/idempotency-repository.js');
    await saveIdempotencyKey(t.ctx.database.db, { ...stored, status_code: 409, response: JSON.stringify({ code: 'ACTION_NOT_ALLOWED_IN_STATE' }) });
    const replay = await post('cgzd', `/api/v1/cases/${id}/actions/accept`, {}, 'race-loser-key-0001');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(id);
  });

  it('keeps an action’s key in the action’s own transaction: a repeat after a lost answer does not act again', async () => {
    const id = await dispatchedCase();
    const lossy = loseNextWriteAnswer(t.ctx.database);
    let first;
    try {
      first = await post('dispatcher', `/api/v1/cases/${id}/actions/urge`, { note: '应答丢失：请尽快处理' }, 'lost-urge-key-0001');
    } finally {
      lossy.restore();
    }
    expect(lossy.lost()).toBe(true);
    expect(first.statusCode).toBe(500);
    expect(await actions(id, 'urge')).toBe(1);
    const again = await post('dispatcher', `/api/v1/cases/${id}/actions/urge`, { note: '应答丢失：请尽快处理' }, 'lost-urge-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(id);
    expect(await actions(id, 'urge')).toBe(1);
  });

  it('refuses to act twice when another server’s request took the key meanwhile; an intake answers with that request’s case', async () => {
    // the key's row appears between this server's look-up and its command's commit, as another app node's would
    const takeKeyBeforeNextWrite = (row: () => Promise<IdempotencyRow>) => {
      const database = t.ctx.database;
      const realWrite = database.write;
      database.write = (async (fn, options) => {
        database.write = realWrite;
        await database.db.insertInto('idempotency_keys').values(await row()).execute();
        return realWrite.call(database, fn, options);
      }) as typeof database.write;
    };
    const other = await dispatchedCase();
    const id = await dispatchedCase();
    // the same principal's row for another request on this key: copied from a real one of the dispatcher's
    const seen = await post('dispatcher', `/api/v1/cases/${other}/actions/urge`, { note: '取主体' }, 'principal-probe-0001');
    expect(seen.statusCode).toBe(200);
    const probe = (await keyRow('principal-probe-0001'))!;
    const taken = (key: string, response: unknown) => async (): Promise<IdempotencyRow> => ({ ...probe, key, response: JSON.stringify(response) });

    takeKeyBeforeNextWrite(taken('taken-urge-key-0001', { $ref: { kind: 'case', id } }));
    const refused = await post('dispatcher', `/api/v1/cases/${id}/actions/urge`, { note: '请尽快处理' }, 'taken-urge-key-0001');
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE', errors: [{ field: 'header.idempotency-key' }] });
    expect(refused.json().message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(await actions(id, 'urge')).toBe(0);
    // the other request's stored response stays
    expect(JSON.parse((await keyRow('taken-urge-key-0001'))!.response)).toEqual({ $ref: { kind: 'case', id } });

    // the same intake under the same key, made by another server: its row has this request's hash (a
    // coordinator's send of the same body gives it: the hash is of the request, not of who sent it)
    const order = { channel: 'citizen', description: '另一台服务器已受理的同一请求', location: pointInDongfeng };
    expect((await post('coordinator', '/api/v1/cases', order, 'taken-intake-key-0001')).statusCode).toBe(201);
    const sameRequest = (await t.ctx.database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', 'taken-intake-key-0001').executeTakeFirstOrThrow());
    const before = await caseCount();
    takeKeyBeforeNextWrite(async () => ({ ...sameRequest, principal: probe.principal, response: JSON.stringify({ $ref: { kind: 'case', id: other } }) }));
    const answered = await post('dispatcher', '/api/v1/cases', order, 'taken-intake-key-0001');
    expect(answered.statusCode, answered.body.slice(0, 300)).toBe(200);
    expect(answered.json().id).toBe(other);
    expect(await caseCount()).toBe(before);
    // another request under a taken key is not answered with that request's case
    takeKeyBeforeNextWrite(taken('taken-intake-key-0002', { $ref: { kind: 'case', id: other } }));
    const refused2 = await post('dispatcher', '/api/v1/cases', { ...order, description: '另一件事' }, 'taken-intake-key-0002');
    expect(refused2.statusCode).toBe(409);
    expect(refused2.json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await caseCount()).toBe(before);
  });

  it('hashes a photo upload with its file: the same file is replayed, another file under the key is refused', async () => {
    const first = await upload('dispatcher', '/api/v1/attachments', tinyJpeg(), 'photo-key-0001');
    expect(first.statusCode).toBe(201);
    const again = await upload('dispatcher', '/api/v1/attachments', tinyJpeg(), 'photo-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await upload('dispatcher', '/api/v1/attachments', tinyPng(), 'photo-key-0001');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    // attached to a case, a repeat records one attachment in the record
    const id = await dispatchedCase();
    const attached = await upload('dispatcher', `/api/v1/cases/${id}/attachments`, tinyPng(), 'case-photo-key-0001');
    expect(attached.statusCode).toBe(201);
    const repeated = await upload('dispatcher', `/api/v1/cases/${id}/attachments`, tinyPng(), 'case-photo-key-0001');
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json()).toEqual(attached.json());
    expect(await actions(id, 'attach')).toBe(1);
  });

  it('records a joint meeting once for a repeated key', async () => {
    const id = await dispatchedCase();
    const meeting = { heldAt: '2026-03-09T02:00:00.000Z', participants: ['CGZD', 'SCS'], minutes: '协商摊贩疏导方案' };
    const first = await post('coordinator', `/api/v1/cases/${id}/joint-meetings`, meeting, 'meeting-key-0001');
    expect(first.statusCode).toBe(201);
    const again = await post('coordinator', `/api/v1/cases/${id}/joint-meetings`, meeting, 'meeting-key-0001');
    expect(again.statusCode).toBe(200);
    expect(await actions(id, 'joint-meeting')).toBe(1);
  });

  it('keeps a key at least 24 hours; once it has expired the key may act anew', async () => {
    const id = await dispatchedCase();
    const urge = () => post('dispatcher', `/api/v1/cases/${id}/actions/urge`, { note: '保留期测试' }, 'kept-key-0001');
    expect((await urge()).statusCode).toBe(200);
    t.clock.set('2026-03-10T02:00:00.000Z'); // 25 hours later
    await logInAll();
    const replayed = await urge();
    expect(replayed.headers['idempotency-replayed']).toBe('true');
    expect(await actions(id, 'urge')).toBe(1);
    t.clock.set('2026-03-11T02:00:00.000Z'); // 49 hours after the first
    await logInAll();
    const anew = await urge();
    expect(anew.statusCode).toBe(200);
    expect(anew.headers['idempotency-replayed']).toBeUndefined();
    expect(await actions(id, 'urge')).toBe(2);
  });
});
