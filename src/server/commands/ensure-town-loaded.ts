/**
 * On start: the town this deployment serves. A database without a town gets the configured profile
 * (CITYOPS_PROFILE, default profiles/dongping) loaded; later edits go through `cityops profile load`
 * so that a restart never silently overwrites what administrators changed.
 */
import type { Clock } from '../../domain/clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { findOnlyTown } from '../db/repositories/town-repository.js';
import { formatProblems, profileContentHash, readProfileDir } from '../profile/read-profile-dir.js';
import { loadProfile } from './load-profile.js';

export class ProfileInvalidError extends Error {}

export async function ensureTownLoaded(database: Database, config: Config, clock: Clock): Promise<string> {
  const town = await findOnlyTown(database.db);
  if (town) return town.id;
  const { profile, problems } = await readProfileDir(config.profileDir);
  if (!profile) {
    throw new ProfileInvalidError(`镇配置有误，无法启动 the town profile at ${config.profileDir} has problems:\n${formatProblems(problems)}`);
  }
  const result = await loadProfile(database, profile, profileContentHash(profile), { at: clock.now().toISOString(), by: 'system:first-start' });
  return result.townId;
}
