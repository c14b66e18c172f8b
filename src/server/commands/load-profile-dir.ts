/** `cityops profile load <dir>`: read and validate a profile directory, then load it (nothing is loaded when it has problems). */
import type { ProfileProblem } from '../../domain/profile/profile-problem.js';
import type { Database } from '../db/database.js';
import { profileContentHash, readProfileDir } from '../profile/read-profile-dir.js';
import { loadProfile, type LoadOptions, type LoadResult } from './load-profile.js';

export async function loadProfileDir(database: Database, dir: string, options: LoadOptions): Promise<{ result: LoadResult | null; problems: ProfileProblem[] }> {
  const { profile, problems } = await readProfileDir(dir);
  if (!profile) return { result: null, problems };
  return { result: await loadProfile(database, profile, profileContentHash(profile), options), problems };
}
