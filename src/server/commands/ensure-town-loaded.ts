/**
 * On start: the town this deployment serves. A database without a town gets the configured profile
 * (CITYOPS_PROFILE, default profiles/dongping) loaded; later edits go through `cityops profile load` or the
 * console's administration pages (edit-profile-section.ts),
 * so that a restart never silently overwrites what administrators changed.
 */
import type { Clock } from '../../domain/clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { findOnlyTown } from '../db/repositories/town-repository.js';
import { currentProfileDocumentHash, insertProfileDocument } from '../db/repositories/town-profile-repository.js';
import type { TownsTable } from '../db/schema.js';
import { formatProblems, profileContentHash, readProfileDir } from '../profile/read-profile-dir.js';
import { loadProfile } from './load-profile.js';

export class ProfileInvalidError extends Error {}

export async function ensureTownLoaded(database: Database, config: Config, clock: Clock): Promise<string> {
  const town = await findOnlyTown(database.db);
  if (town) {
    await backfillProfileDocument(database, config, clock, town);
    return town.id;
  }
  const { profile, problems } = await readProfileDir(config.profileDir);
  if (!profile) {
    throw new ProfileInvalidError(`镇配置有误，无法启动 the town profile at ${config.profileDir} has problems:\n${formatProblems(problems)}`);
  }
  const result = await loadProfile(database, profile, profileContentHash(profile), { at: clock.now().toISOString(), by: 'system:first-start' });
  return result.townId;
}

/**
 * A town loaded before profile documents were stored has none to edit. When the configured profile
 * directory is exactly what was loaded (same content hash), its document is stored; otherwise the
 * administration pages ask for a `cityops profile load`.
 */
async function backfillProfileDocument(database: Database, config: Config, clock: Clock, town: TownsTable): Promise<void> {
  if ((await currentProfileDocumentHash(database.db, town.id)) !== undefined) return;
  const { profile } = await readProfileDir(config.profileDir);
  if (!profile || profile.town.code !== town.id || profileContentHash(profile) !== town.profile_hash) return;
  await insertProfileDocument(database.db, {
    town_id: town.id, hash: town.profile_hash, document: JSON.stringify(profile), loaded_at: clock.now().toISOString(), loaded_by: 'system:first-start',
  });
}
