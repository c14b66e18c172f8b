/**
 * `cityops profile load` semantics on both databases: loading the same profile twice changes nothing;
 * an edited profile updates in place, deactivates what left it, and keeps the history of every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../src/domain/profile/schema.js';
import { loadProfile } from '../src/server/commands/load-profile.js';
import { countHistory } from '../src/server/db/repositories/profile-repository.js';
import { profileContentHash } from '../src/server/profile/read-profile-dir.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { dongpingProfile } from './dongping.js';

describe('loading a profile', () => {
  let database: TestDatabase;
  let profile: Profile;
  beforeAll(async () => {
    database = await createTestDatabase();
    profile = await dongpingProfile();
  });
  afterAll(async () => database?.destroy());

  const load = (p: Profile, at: string) => loadProfile(database, p, profileContentHash(p), { at, by: 'test' });

  it('loads the whole Dongping profile, then a second load changes nothing', async () => {
    const first = await load(profile, '2026-11-25T00:00:00.000Z');
    expect(first.changed).toBe(true);
    expect(first.changes.categories).toEqual({ inserted: profile.categories.length, updated: 0, deactivated: 0 });
    expect(first.changes.grids!.inserted).toBe(48);
    const historyAfterFirst = await countHistory(database.db, '310151115');

    const second = await load(profile, '2026-11-26T00:00:00.000Z');
    expect(second.changed).toBe(false);
    expect(Object.values(second.changes).every((c) => c.inserted + c.updated + c.deactivated === 0)).toBe(true);
    expect(await countHistory(database.db, '310151115')).toBe(historyAfterFirst);
    const town = await database.db.selectFrom('towns').select(['updated_at', 'profile_hash']).executeTakeFirstOrThrow();
    expect(town.updated_at).toBe('2026-11-25T00:00:00.000Z');
  });

  it('updates an edited profile in place, deactivates what left it, and keeps the history', async () => {
    const edited: Profile = structuredClone(profile);
    const cgzd = edited.departments.find((d) => d.code === 'CGZD')!;
    const oldPhone = cgzd.phone;
    cgzd.phone = '021-59679999';
    const removed = edited.categories.pop()!;
    const before = await countHistory(database.db, '310151115');

    const result = await load(edited, '2026-11-27T00:00:00.000Z');
    expect(result.changes.departments).toEqual({ inserted: 0, updated: 1, deactivated: 0 });
    expect(result.changes.categories).toEqual({ inserted: 0, updated: 0, deactivated: 1 });

    const dept = await database.db.selectFrom('departments').select(['phone', 'updated_at']).where('code', '=', 'CGZD').executeTakeFirstOrThrow();
    expect(dept).toEqual({ phone: '021-59679999', updated_at: '2026-11-27T00:00:00.000Z' });
    const gone = await database.db.selectFrom('categories').select(['active']).where('code', '=', removed.code).executeTakeFirstOrThrow();
    expect(gone.active).toBe(0);

    const history = await database.db.selectFrom('profile_history').selectAll().where('changed_at', '=', '2026-11-27T00:00:00.000Z').orderBy('id').execute();
    expect(history.map((h) => [h.entity, h.code, h.change])).toEqual([
      ['departments', 'CGZD', 'update'],
      ['categories', removed.code, 'deactivate'],
    ]);
    expect(JSON.parse(history[0]!.before!).phone).toBe(oldPhone);
    expect(JSON.parse(history[0]!.after!).phone).toBe('021-59679999');
    expect(await countHistory(database.db, '310151115')).toBe(before + 2);

    // loading the original again brings the category back (reactivated, recorded as an update)
    const back = await load(profile, '2026-11-28T00:00:00.000Z');
    expect(back.changes.categories).toEqual({ inserted: 0, updated: 1, deactivated: 0 });
  });
});
