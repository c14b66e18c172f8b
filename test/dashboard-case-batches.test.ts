/**
 * The dashboard's recount reads every case once, batch after batch along (created_at, id) — cases
 * created at the same instant included — on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCaseBatches } from '../src/server/db/repositories/dashboard-repository.js';
import { seedHistory } from '../src/server/seed/seed-history.js';
import { createTestApp, type TestApp } from './app.js';
import { dialectUnderTest } from './database.js';
import { dongpingProfile, dongpingUsers } from './dongping.js';

describe(`the recount's batches of cases (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-05T02:00:00.000Z' });
    await seedHistory(t.database, t.ctx.townId, t.ctx.cipher, { cases: 200, from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-03-04T20:00:00+08:00'), seed: 3, batch: 100 });
    // forty cases at one instant: the batches must split them by id, not skip or repeat any
    const tied = await t.database.db.selectFrom('cases').select('id').orderBy('id').limit(40).execute();
    await t.database.db.updateTable('cases').set({ created_at: '2026-02-15T03:00:00.000Z' }).where('id', 'in', tied.map((r) => r.id)).execute();
  }, 120_000);
  afterAll(async () => t?.close());

  it('yields every case exactly once, in (created_at, id) order, in batches of the size asked', async () => {
    const seen: Array<{ id: string; created_at: string }> = [];
    const sizes: number[] = [];
    for await (const batch of dashboardCaseBatches(t.database.db, t.ctx.townId, 7)) {
      sizes.push(batch.length);
      seen.push(...batch.map((c) => ({ id: c.id, created_at: new Date(c.created_at).toISOString() })));
    }
    const all = await t.database.db.selectFrom('cases').select('id').execute();
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((c) => c.id))).toEqual(new Set(all.map((c) => c.id)));
    expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);
    const key = (c: { id: string; created_at: string }) => `${c.created_at}|${c.id}`;
    expect(seen.map(key)).toEqual(seen.map(key).sort());
  });
});
