/**
 * Every API request's key lookup (auth/api-key-lookups.ts): requests of one turn that carry the same
 * key share one query, issued after they arrived; the next turn asks again, so a revocation committed
 * in between is seen; a failed query fails only the requests that waited on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { resolveApiKey, touchIntervalMs } from '../../src/server/auth/resolve-actor.js';
import { ApiKeyLookups } from '../../src/server/auth/api-key-lookups.js';
import { createTestApp, login, testTownId, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`API key lookups (${dialectUnderTest})`, () => {
  let t: TestApp;
  let security: string;
  let apiKeyQueries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      apiKeyQueries++;
      return Promise.resolve(args.result);
    },
  };
  beforeAll(async () => {
    t = await createTestApp();
    security = await login(t.app, 'securityadmin');
  });
  afterAll(async () => {
    await t.close();
  });

  const issue = async (name: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: security }, payload: { name, role: 'dispatcher', scopes: ['personnel:read'] } });
    return res.json() as { key: string; prefix: string; id: string };
  };

  it('looks up a key once for the lookups of one turn, once per key', async () => {
    const lookups = new ApiKeyLookups(t.database.db.withPlugin(counting), testTownId);
    const [a, b] = [await issue('热线接口'), await issue('物联网关')];
    apiKeyQueries = 0;
    const rows = await Promise.all([lookups.byPrefix(a.prefix), lookups.byPrefix(b.prefix), lookups.byPrefix(a.prefix), lookups.byPrefix(a.prefix), lookups.byPrefix('000000000000')]);
    expect(rows.map((r) => r?.id)).toEqual([a.id, b.id, a.id, a.id, undefined]);
    expect(apiKeyQueries).toBe(3);
    // the next turn asks the database again, and sees what was committed in between
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${a.id}`, headers: { cookie: security } });
    const again = await Promise.all([lookups.byPrefix(a.prefix), lookups.byPrefix(a.prefix)]);
    expect(apiKeyQueries).toBe(4);
    expect(again[0]!.revoked_at).not.toBeNull();
    expect(again[1]).toBe(again[0]);
  });

  it('a failed lookup fails the requests that waited on it, and the next turn asks afresh', async () => {
    let fail = true;
    const failing: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: (args) => (fail ? Promise.reject(new Error('connection lost')) : Promise.resolve(args.result)),
    };
    const lookups = new ApiKeyLookups(t.database.db.withPlugin(failing), testTownId);
    const { prefix, id } = await issue('视频巡查');
    const failed = await Promise.allSettled([lookups.byPrefix(prefix), lookups.byPrefix(prefix)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect((await lookups.byPrefix(prefix))?.id).toBe(id);
  });

  it('concurrent requests with one key are all served; once it is revoked, the next request is refused', async () => {
    const { key, id } = await issue('12345 工单接口');
    const headers = { authorization: `Bearer ${key}` };
    const burst = await Promise.all(Array.from({ length: 12 }, () => t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers })));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: { cookie: security } });
    const after = await Promise.all(Array.from({ length: 3 }, () => t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers })));
    expect(after.map((r) => [r.statusCode, r.json().code])).toEqual(Array(3).fill([401, 'INVALID_API_KEY']));
  });

  it('the requests that share a lookup touch the key’s last use once, and again only a minute later', async () => {
    let touches = 0;
    const countingTouches: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'UpdateQueryNode') touches++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const db = t.database.db.withPlugin(countingTouches);
    const ctx = { ...t.ctx, database: { ...t.ctx.database, db }, apiKeys: new ApiKeyLookups(db, testTownId) };
    const { key, id } = await issue('城管执法终端');
    const burst = () => Promise.all(Array.from({ length: 8 }, () => resolveApiKey(ctx, `Bearer ${key}`, null)));
    expect((await burst()).map((a) => a.id)).toEqual(Array(8).fill(id));
    expect(touches).toBe(1);
    t.clock.advance(touchIntervalMs - 1000);
    await burst();
    expect(touches).toBe(1);
    t.clock.advance(1000);
    await burst();
    expect(touches).toBe(2);
    const row = await t.database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).toBe(t.clock.now().toISOString());
  });
});
