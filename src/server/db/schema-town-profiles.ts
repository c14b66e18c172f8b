/** The stored profile documents (migration 0005-town-profiles). */
import type { Generated } from 'kysely';

export interface TownProfilesTable {
  id: Generated<number>;
  town_id: string;
  /** the content hash the profile was loaded with (towns.profile_hash) */
  hash: string;
  /** the validated Profile as JSON */
  document: string;
  loaded_at: string;
  /** 'cli:profile-load', 'system:first-start', 'user:<username>' … */
  loaded_by: string;
}

export interface TownProfileTables {
  town_profiles: TownProfilesTable;
}
