/**
 * Possible duplicates (R2): the same category within the town's radius and window, or the same
 * caller about a similar subject — linked both ways and shown, never merged. An intake looks them up
 * with its resend in one lookup; 立案 looks again when it gives the case its category (an order the
 * classifier could not place had no category to compare by at intake).
 */
import { findDuplicates, searchBox, type DuplicateMatch } from '../../domain/dedupe/index.js';
import { withProps } from '../../domain/with-props.js';
import type { AppContext } from '../context.js';
import { intakeLookup, linksOf, type DuplicateCandidateRow, type LinkRow } from '../db/repositories/case-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';

const DAY_MS = 86_400_000;

export interface DuplicateSubject {
  /** the case itself, once it exists: never its own duplicate */
  id?: string;
  categoryCode: string | null;
  lng: number | null;
  lat: number | null;
  reportedAt: string;
  callerIndex: string | null;
  text: string;
}

/** The duplicate arms of the lookup: the category's box around the point, the caller, since when. */
export function duplicateQuery(town: TownSnapshot, s: DuplicateSubject) {
  const { radiusMeters, windowDays } = town.rules.duplicates;
  const since = new Date(Date.parse(s.reportedAt) - windowDays * DAY_MS).toISOString();
  const near = s.categoryCode && s.lng !== null && s.lat !== null ? { categoryCode: s.categoryCode, box: searchBox(s.lng, s.lat, radiusMeters) } : null;
  return { near, callerIndex: s.callerIndex, since };
}

export function matchDuplicates(town: TownSnapshot, s: DuplicateSubject, candidates: readonly DuplicateCandidateRow[]): DuplicateMatch[] {
  return findDuplicates(
    { id: s.id, categoryCode: s.categoryCode, lng: s.lng, lat: s.lat, reportedAt: s.reportedAt, callerHash: s.callerIndex, text: s.text },
    candidates.map((c) => ({ id: c.id, categoryCode: c.category_code, lng: c.lng, lat: c.lat, reportedAt: c.reported_at, callerHash: c.reporter_phone_idx, text: c.description })),
    { radiusMeters: town.rules.duplicates.radiusMeters, windowDays: town.rules.duplicates.windowDays },
  );
}

/** The links of a case to its possible duplicates, both ways. */
export function duplicateLinkRows(townId: string, caseId: string, matches: readonly DuplicateMatch[], at: string): LinkRow[] {
  const rows: LinkRow[] = [];
  for (const d of matches) {
    const common = { town_id: townId, kind: 'possible_duplicate', reasons: JSON.stringify(d.reasons), distance_m: d.distanceMeters ?? null, similarity: d.similarity ?? null, created_at: at };
    rows.push(withProps(common, { case_id: caseId, other_case_id: d.id }), withProps(common, { case_id: d.id, other_case_id: caseId }));
  }
  return rows;
}

/** An existing case's possible duplicates it is not linked to yet (立案 with a new category). */
export async function newDuplicatesOf(ctx: AppContext, town: TownSnapshot, s: DuplicateSubject & { id: string }, now: Date): Promise<DuplicateMatch[]> {
  const lookup = { resend: null, ...duplicateQuery(town, s) };
  if (!lookup.near && !lookup.callerIndex) return [];
  const { candidates } = (await ctx.recentCases.lookup(lookup, now, town.rules.duplicates.windowDays)) ?? (await intakeLookup(ctx.database.db, ctx.townId, lookup));
  const linked = new Set((await linksOf(ctx.database.db, s.id)).map((l) => l.other_case_id));
  return matchDuplicates(town, s, candidates).filter((d) => !linked.has(d.id));
}
