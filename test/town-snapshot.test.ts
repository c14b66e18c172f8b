/**
 * The town snapshot after a profile change in this process: `invalidate()` makes the very next read
 * see the new profile — also in a process younger than the recheck interval (performance.now()
 * counts from the process's start), which is where a console edit was once served the old snapshot.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadProfile } from '../src/server/commands/load-profile.js';
import { createTestApp, type TestApp } from './app.js';
import { dialectUnderTest } from './database.js';
import { testProfile } from './profile-fixture.js';

describe(`town snapshot (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it('serves the new profile right after invalidate(), even in a young process', async () => {
    const clock = vi.spyOn(performance, 'now').mockReturnValue(500);
    const before = await t.ctx.town.current();
    expect(before.gridNames.get('310151999001001')).toBe('前哨1号网格');

    const edited = testProfile();
    edited.grids[0]!.properties.name = '前哨码头网格';
    await loadProfile(t.database, edited, 'edited-profile', { at: t.clock.now().toISOString(), by: 'test' });
    clock.mockReturnValue(600); // 100 ms later: well inside the recheck interval
    // without invalidate the snapshot is trusted for the interval …
    expect((await t.ctx.town.current()).hash).toBe(before.hash);
    // … with it, the next read rebuilds
    t.ctx.town.invalidate();
    const after = await t.ctx.town.current();
    expect(after.hash).toBe('edited-profile');
    expect(after.gridNames.get('310151999001001')).toBe('前哨码头网格');
  });
});
