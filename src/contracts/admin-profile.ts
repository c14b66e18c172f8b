/** HTTP contracts of the administration pages: the town's profile document and section edits. */
import { z } from 'zod';
import { profileSections } from '../domain/profile/profile-sections.js';
import type { Profile } from '../domain/profile/schema.js';

const hash = z.string().min(1).max(128);
const dutyListDto = z.object({ owns: z.array(z.string()), leads: z.array(z.string()), assists: z.array(z.string()) });
const syncCountsDto = z.object({ inserted: z.number().int(), updated: z.number().int(), deactivated: z.number().int() });

export const adminProfileDto = z.object({
  /** the base hash a section edit must name */
  hash,
  loadedAt: z.string(),
  /** 'cli:profile-load', 'system:first-start', 'user:<username>' */
  loadedBy: z.string(),
  /** the whole validated profile (see src/domain/profile/schema.ts Profile); staff phones unmasked */
  profile: z.record(z.string(), z.unknown()),
  /** each department's duty list, derived from the categories (ADR 0001) */
  dutyLists: z.record(z.string(), dutyListDto),
});
/** The document typed as the profile it is (zod keeps it opaque so the OpenAPI document stays small). */
export type AdminProfileDto = Omit<z.infer<typeof adminProfileDto>, 'profile'> & { profile: Profile };

export const profileSectionParams = z.strictObject({ section: z.enum(profileSections) });
export const putProfileSectionBody = z.strictObject({
  /** the hash of the document the edit was made on; a newer document → 409 PROFILE_CHANGED */
  baseHash: hash,
  /** the section's complete new content, exactly as GET returns it (validated like `cityops profile validate`) */
  content: z.unknown(),
});
export const profileSectionResultDto = z.object({
  hash,
  /** false when the content was what the profile already held */
  changed: z.boolean(),
  /** rows inserted, updated and deactivated per table */
  changes: z.record(z.string(), syncCountsDto),
});
export type ProfileSectionResultDto = z.infer<typeof profileSectionResultDto>;
