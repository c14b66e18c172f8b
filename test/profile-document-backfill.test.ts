/**
 * A database loaded before profile documents were stored gets its document on the next start when
 * the configured directory is exactly what was loaded, and none when it differs (the console then
 * asks for a `cityops profile load` rather than editing something that was never loaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/domain/clock.js';
import { currentProfileDocument } from '../src/server/commands/edit-profile-section.js';
import { ensureTownLoaded } from '../src/server/commands/ensure-town-loaded.js';
import { loadProfile } from '../src/server/commands/load-profile.js';
import { findCurrentProfileDocument, insertProfileDocument } from '../src/server/db/repositories/town-profile-repository.js';
import { mergeSection } from '../src/server/profile/merge-section.js';
import { profileContentHash } from '../src/server/profile/profile-hash.js';
import { testConfig } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { dongpingDir, dongpingProfile } from './dongping.js';

describe('the profile document of an older database', () => {
  let database: TestDatabase;
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.destroy());

  const forgetDocuments = () => database.db.deleteFrom('town_profiles').execute();

  it('is stored at start when the profile directory has the loaded hash', async () => {
    const profile = await dongpingProfile();
    await loadProfile(database, profile, profileContentHash(profile), { at: clock.now().toISOString(), by: 'test' });
    await forgetDocuments();
    expect(await ensureTownLoaded(database, testConfig({ profileDir: dongpingDir }), clock)).toBe('310151115');
    const doc = await findCurrentProfileDocument(database.db, '310151115');
    expect(doc?.hash).toBe(profileContentHash(profile));
    expect(JSON.parse(doc!.document)).toEqual(JSON.parse(JSON.stringify(profile)));
  });

  it('is not invented when the directory differs from what was loaded', async () => {
    const edited = structuredClone(await dongpingProfile());
    edited.departments[0]!.phone = '021-59670009';
    await loadProfile(database, edited, profileContentHash(edited), { at: clock.now().toISOString(), by: 'test' });
    await forgetDocuments();
    await ensureTownLoaded(database, testConfig({ profileDir: dongpingDir }), clock);
    expect(await findCurrentProfileDocument(database.db, '310151115')).toBeUndefined();
  });

  it('reads a document stored before devices.yaml existed as a profile without devices, which still validates and edits', async () => {
    const { devices: _devices, ...older } = await dongpingProfile();
    await forgetDocuments();
    await insertProfileDocument(database.db, { town_id: '310151115', hash: 'before-devices', document: JSON.stringify(older), loaded_at: clock.now().toISOString(), loaded_by: 'test' });
    const { row, profile } = await currentProfileDocument({ database, townId: '310151115' });
    expect(row.hash).toBe('before-devices');
    expect(profile.devices).toEqual([]);
    const merged = mergeSection(profile, 'holidays', profile.holidays);
    expect(merged.problems).toEqual([]);
    expect(profileContentHash(merged.profile!)).toBe(profileContentHash(older as typeof profile));
    const withDevice = mergeSection(profile, 'devices', [{ id: 'CAM-NEW-1', kind: 'camera', name: '新增路口', location: [121.47, 31.68] }]);
    expect(withDevice.problems).toEqual([]);
    expect(withDevice.profile?.devices).toEqual([{ id: 'CAM-NEW-1', kind: 'camera', name: '新增路口', location: [121.47, 31.68], metrics: [] }]);
  });
});
