/**
 * Migration 0012 fills unit_overdue_at for the cases of an older database from their clocks: after
 * it, every case holds what the writers store today (domain/assessment unitOverdueSince).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillUnitOverdue } from '../src/server/db/migrations/0012-unit-overdue.js';
import { seedHistory } from '../src/server/seed/seed-history.js';
import { createTestApp, type TestApp } from './app.js';
import { dialectUnderTest } from './database.js';
import { dongpingProfile, dongpingUsers } from './dongping.js';

describe(`filling unit_overdue_at of older cases (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-05T02:00:00.000Z' });
    await seedHistory(t.database, t.ctx.townId, t.ctx.cipher, { cases: 300, from: new Date('2026-01-01T00:00:00+08:00'), to: new Date('2026-03-04T20:00:00+08:00'), seed: 5, batch: 100 });
  }, 120_000);
  afterAll(async () => t?.close());

  const columnOf = async () => {
    const rows = await t.database.db.selectFrom('cases').select(['id', 'unit_overdue_at']).orderBy('id').execute();
    return rows.map((r) => [r.id, r.unit_overdue_at === null ? null : new Date(r.unit_overdue_at).toISOString()]);
  };

  it('gives every case the instant the writers gave it', async () => {
    const written = await columnOf();
    expect(written.filter(([, at]) => at !== null).length).toBeGreaterThan(10);
    expect(written.filter(([, at]) => at === null).length).toBeGreaterThan(10);
    await t.database.db.updateTable('cases').set({ unit_overdue_at: null }).execute();
    await fillUnitOverdue(t.database.db);
    expect(await columnOf()).toEqual(written);
  });
});
