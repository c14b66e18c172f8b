export { DEDUPE_DEFAULTS, findDuplicates } from './find-duplicates.js';
export type { DedupeCase, DedupeOptions, DuplicateMatch, DuplicateReason } from './find-duplicates.js';
export { bigramJaccard, charBigrams, textSimilarity } from './similarity.js';
// the bounding box lives with the other geodesy; re-exported for repositories' prefilter queries
export { searchBox } from '../geo/distance.js';
export type { SearchBox } from '../geo/distance.js';
