/**
 * The inspectors' positions (issue #5): which GPS fixes from the phone are accepted, and which of an
 * inspector's two known positions — the latest GPS fix, the place of their latest own report — the
 * screen shows, and when it is too old to be trusted as "where they are now".
 */
const MINUTE_MS = 60_000;

/** at most this many points in one request: what a phone buffers in ~50 min offline at one a minute */
export const POSITION_BATCH_MAX = 50;
/** a phone's clock may run this far ahead of the server's and its fix still count */
export const POSITION_FUTURE_SKEW_MS = 2 * MINUTE_MS;
/** older fixes are refused (and the track keeps no more than this): the screen shows where people are, not where they were */
export const POSITION_MAX_AGE_MS = 24 * 60 * MINUTE_MS;
/**
 * A position older than this is drawn grey on the screen (stale). The phone sends every ~60 s
 * while the app is open, so 15 min without one means the app is closed, paused or without signal.
 */
export const POSITION_STALE_MS = 15 * MINUTE_MS;

export type PositionTimeVerdict = 'ok' | 'future' | 'too_old';

/** Whether a fix taken at `at` (device time) is acceptable when it reaches the server at `now`. */
export function judgePositionTime(at: Date, now: Date): PositionTimeVerdict {
  const age = now.getTime() - at.getTime();
  if (age < -POSITION_FUTURE_SKEW_MS) return 'future';
  if (age > POSITION_MAX_AGE_MS) return 'too_old';
  return 'ok';
}

export type PositionSource = 'gps' | 'report';

export interface KnownPosition {
  lng: number;
  lat: number;
  /** ISO instant */
  at: string;
}

/**
 * The fresher of the two (the GPS fix on a tie: it says where the person is, a report where the
 * problem was); null when neither is known.
 */
export function freshestPosition<G extends KnownPosition, R extends KnownPosition>(
  gps: G | null | undefined,
  report: R | null | undefined,
): { source: 'gps'; position: G } | { source: 'report'; position: R } | null {
  if (gps && (!report || Date.parse(gps.at) >= Date.parse(report.at))) return { source: 'gps', position: gps };
  if (report) return { source: 'report', position: report };
  return null;
}

/** Older than the stale threshold at `now`. */
export function isStalePosition(at: string, now: Date): boolean {
  return now.getTime() - Date.parse(at) > POSITION_STALE_MS;
}
