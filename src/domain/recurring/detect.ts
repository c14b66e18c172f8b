/**
 * Detection of recurring problems (常态长效, §八3), pure. When a case with a category and a place is
 * seen, it either joins the record already kept for that category in its H3 cell or its grid (the
 * cell's first: the finer place), reopening it when it had been struck off, or — with enough cases of
 * the category in the same cell (threshold), else in the same grid (gridThreshold), within the
 * window — opens a new record with them. Each case belongs to at most one record. The record's complaints reaching a 抄报
 * threshold not yet copied are returned, so every threshold is copied once.
 */
import type { RecurringRules } from '../profile/schema.js';
import { activeRecurringStatuses, type PlaceKind, type RecurringStatus } from './vocabulary.js';

const DAY_MS = 86_400_000;

/** A case as detection sees it. */
export interface Sighting {
  caseId: string;
  categoryCode: string;
  gridCode: string;
  cell: string;
  /** when the case was reported: what the window counts */
  reportedAt: string;
  /** when the case was seen with its category (the event's instant): what 销项 is compared with */
  seenAt: string;
  /** from a complaint channel (投诉) */
  complaint: boolean;
}

/** A record as detection needs it. */
export interface KnownRecord {
  id: string;
  placeKind: PlaceKind;
  place: string;
  status: RecurringStatus;
  struckOffAt: string | null;
  complaints: number;
  /** 抄报 thresholds already copied */
  copied: readonly number[];
}

export type DetectionRules = Pick<RecurringRules, 'windowDays' | 'threshold' | 'gridThreshold' | 'reopenWithinDays' | 'ccLeaderThresholds'>;

export interface DetectionInput {
  sighting: Sighting;
  /** the newest record of the sighting's category at its cell and at its grid (either may be missing) */
  records: readonly KnownRecord[];
  /** earlier sightings of the category in the same cell or grid that belong to no record */
  loose: readonly Sighting[];
  rules: DetectionRules;
}

export type Detection =
  | { kind: 'none' }
  /** the case joins a record; reopen: it had been struck off; copy: 抄报 thresholds reached now */
  | { kind: 'join'; recordId: string; reopen: boolean; complaints: number; copy: number[] }
  /** a new record with these cases (the new one last) */
  | { kind: 'open'; placeKind: PlaceKind; place: string; members: string[]; complaints: number; copy: number[] };

/** How a known record takes a new case at its place: joins it, reopens it, or is too old to. */
export function recordTakes(record: KnownRecord, seenAt: string, reopenWithinDays: number): 'join' | 'reopen' | 'no' {
  if (activeRecurringStatuses.includes(record.status)) return 'join';
  if (record.struckOffAt === null) return 'join';
  const after = Date.parse(seenAt) - Date.parse(record.struckOffAt);
  // a case seen before 销项 (detection caught up late) belongs to the record without reopening it
  if (after <= 0) return 'join';
  return after <= reopenWithinDays * DAY_MS ? 'reopen' : 'no';
}

/** The 抄报 thresholds reached by this many complaints and not yet copied, lowest first. */
export function thresholdsToCopy(complaints: number, thresholds: readonly number[], copied: readonly number[]): number[] {
  return thresholds.filter((t) => t <= complaints && !copied.includes(t));
}

/**
 * The most cases that fit in one window of `windowDays` together with the new one (earliest such
 * window on a tie), oldest first, the new one included.
 */
export function densestWindow(sighting: Sighting, others: readonly Sighting[], windowDays: number): Sighting[] {
  const span = windowDays * DAY_MS;
  const t0 = Date.parse(sighting.reportedAt);
  const all = [...others.filter((o) => o.caseId !== sighting.caseId && Math.abs(Date.parse(o.reportedAt) - t0) <= span), sighting].sort(
    (a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt) || a.caseId.localeCompare(b.caseId),
  );
  let best: Sighting[] = [sighting];
  for (let i = 0; i < all.length; i++) {
    const start = Date.parse(all[i]!.reportedAt);
    if (start > t0) break;
    const fit = all.filter((s) => Date.parse(s.reportedAt) >= start && Date.parse(s.reportedAt) - start <= span);
    if (fit.includes(sighting) && fit.length > best.length) best = fit;
  }
  return best;
}

export function detect(input: DetectionInput): Detection {
  const { sighting: s, rules } = input;
  const same = (r: KnownRecord, kind: PlaceKind) => r.placeKind === kind && r.place === (kind === 'cell' ? s.cell : s.gridCode);
  for (const kind of ['cell', 'grid'] as const) {
    const record = input.records.find((r) => same(r, kind));
    if (!record) continue;
    const takes = recordTakes(record, s.seenAt, rules.reopenWithinDays);
    if (takes === 'no') continue;
    const complaints = record.complaints + (s.complaint ? 1 : 0);
    return { kind: 'join', recordId: record.id, reopen: takes === 'reopen', complaints, copy: thresholdsToCopy(complaints, rules.ccLeaderThresholds, record.copied) };
  }
  for (const kind of ['cell', 'grid'] as const) {
    const here = input.loose.filter((o) => o.categoryCode === s.categoryCode && (kind === 'cell' ? o.cell === s.cell : o.gridCode === s.gridCode));
    const members = densestWindow(s, here, rules.windowDays);
    if (members.length < (kind === 'cell' ? rules.threshold : rules.gridThreshold)) continue;
    const complaints = members.filter((m) => m.complaint).length;
    // the new case last: it is the one that made the problem a recurring one
    const ids = [...members.filter((m) => m !== s).map((m) => m.caseId), s.caseId];
    return { kind: 'open', placeKind: kind, place: kind === 'cell' ? s.cell : s.gridCode, members: ids, complaints, copy: thresholdsToCopy(complaints, rules.ccLeaderThresholds, []) };
  }
  return { kind: 'none' };
}
