import type { Profile } from './schema.js';
import { indexProfile } from './profile-index.js';
import type { ProfileProblem } from './profile-problem.js';
import { assessmentRuleProblems } from './validate-assessment.js';
import { deviceProblems } from './validate-devices.js';
import { duplicateProblems } from './validate-duplicates.js';
import { geometryProblems } from './validate-geometry.js';
import { demoUserProblems, personnelProblems } from './validate-organization.js';
import { rosterProblems } from './validate-roster.js';
import { rulesProblems } from './validate-rules.js';
import { departmentProblems, stationProblems } from './validate-structure.js';

export type { ProfileProblem, ProfileFileRole } from './profile-problem.js';
export { profileFiles } from './profile-problem.js';
export { GEOMETRY_TOLERANCE_KM2 } from './validate-geometry.js';

/**
 * Cross-file checks of a parsed profile (each file has already passed its own zod schema).
 * Pure: no I/O. Every problem is an error (see profile-problem.ts); an empty list means the
 * profile may be loaded. Paths are file-relative, e.g. categories.yaml 'categories[3].owner',
 * grids.geojson 'features[7].properties.code' (features in file order).
 */
export function validateProfile(profile: Profile): ProfileProblem[] {
  const ix = indexProfile(profile);
  return [
    ...duplicateProblems(profile),
    ...stationProblems(profile, ix),
    ...departmentProblems(profile, ix),
    ...personnelProblems(profile, ix),
    ...rosterProblems(profile, ix),
    ...rulesProblems(profile, ix),
    ...demoUserProblems(profile, ix),
    ...geometryProblems(profile),
    ...assessmentRuleProblems(profile, ix),
    ...deviceProblems(profile, ix),
  ];
}
