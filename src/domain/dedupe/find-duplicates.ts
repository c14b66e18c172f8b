import { distanceMeters } from '../geo/distance.js';
import { bigramJaccard, charBigrams } from './similarity.js';

export interface DedupeCase {
  id?: string;
  categoryCode: string | null;
  lng: number | null;
  lat: number | null;
  /** ISO 8601 with a zone offset (e.g. "2025-06-01T08:00:00Z"), so that parsing is TZ-independent */
  reportedAt: string;
  /** hash of the caller's phone number; null for anonymous or non-phone channels */
  callerHash: string | null;
  text: string;
}

export type DuplicateReason = 'same_category_nearby' | 'same_caller_same_subject';

export interface DuplicateMatch {
  id: string;
  reasons: DuplicateReason[];
  /** present when both cases have coordinates */
  distanceMeters?: number;
  /** character-bigram Jaccard of the two texts, always computed */
  similarity: number;
}

export interface DedupeOptions {
  /** same category within this distance (inclusive); profile rules.duplicates.radiusMeters */
  radiusMeters?: number;
  /** both rules only look this far back or forward (inclusive); profile rules.duplicates.windowDays */
  windowDays?: number;
  /** the same caller's texts are "the same subject" at or above this bigram Jaccard */
  similarityThreshold?: number;
}

export const DEDUPE_DEFAULTS = { radiusMeters: 50, windowDays: 7, similarityThreshold: 0.5 } as const;

const DAY_MS = 86_400_000;

/**
 * Possible duplicates of `newCase` among `candidates`. They are only linked and shown, never
 * merged: the dispatcher decides. Rules:
 *  - same_category_nearby: same category, both located, within radiusMeters, within the window;
 *  - same_caller_same_subject: same caller hash, and similar text or the same category, within the window.
 * Sorted most relevant first: both reasons before one, then nearer, then more similar text, then
 * closer in time, then by id so the order is stable.
 */
export function findDuplicates(
  newCase: DedupeCase,
  candidates: ReadonlyArray<DedupeCase & { id: string }>,
  options: DedupeOptions = {},
): DuplicateMatch[] {
  const radius = options.radiusMeters ?? DEDUPE_DEFAULTS.radiusMeters;
  const windowMs = (options.windowDays ?? DEDUPE_DEFAULTS.windowDays) * DAY_MS;
  const threshold = options.similarityThreshold ?? DEDUPE_DEFAULTS.similarityThreshold;
  const at = Date.parse(newCase.reportedAt);
  if (Number.isNaN(at)) throw new Error(`findDuplicates: unreadable reportedAt ${newCase.reportedAt}`);

  const newGrams = charBigrams(newCase.text);
  const found: Array<DuplicateMatch & { gapMs: number }> = [];
  for (const c of candidates) {
    if (newCase.id !== undefined && c.id === newCase.id) continue;
    const gapMs = Math.abs(Date.parse(c.reportedAt) - at);
    // an unreadable date yields NaN, which fails this test and drops the candidate
    if (!(gapMs <= windowMs)) continue;

    const sameCategory = newCase.categoryCode !== null && newCase.categoryCode === c.categoryCode;
    const distance =
      newCase.lng !== null && newCase.lat !== null && c.lng !== null && c.lat !== null
        ? distanceMeters([newCase.lng, newCase.lat], [c.lng, c.lat])
        : undefined;
    // text similarity is the costly part, so it is computed only for the same caller or a match
    let similarity: number | undefined;
    const similarityOf = (): number => (similarity ??= bigramJaccard(newGrams, charBigrams(c.text)));

    const reasons: DuplicateReason[] = [];
    if (sameCategory && distance !== undefined && distance <= radius) reasons.push('same_category_nearby');
    const sameCaller = newCase.callerHash !== null && newCase.callerHash !== '' && newCase.callerHash === c.callerHash;
    if (sameCaller && (sameCategory || similarityOf() >= threshold)) reasons.push('same_caller_same_subject');
    if (reasons.length === 0) continue;

    // distanceMeters only when known: two literals rather than a spread in between (see domain/with-props.ts)
    found.push(distance === undefined ? { id: c.id, reasons, similarity: similarityOf(), gapMs } : { id: c.id, reasons, distanceMeters: distance, similarity: similarityOf(), gapMs });
  }

  found.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) ||
      b.similarity - a.similarity ||
      a.gapMs - b.gapMs ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return found.map(({ gapMs: _gapMs, ...match }) => match);
}
