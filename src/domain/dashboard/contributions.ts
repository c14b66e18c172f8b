/**
 * What one case adds to the dashboard's counters (MISSION R8/R9). Every counter is a pure function
 * of the case row as it is now, so the aggregates can be kept incrementally — each write of a case
 * adds `after − before` — and rebuilt exactly by summing contributions over all cases: the two
 * always agree because they are the same function.
 *
 * Gauges (bucket 'now'): cases by status, open cases by station/unit/category/channel and by
 * deadline light. Flows: new (created), registered, dispatched, closed (on time or not, with the
 * return-visit outcome) and voided, counted in the hour/day/week/month bucket of when they happened.
 */
import { wasLate, type StepClock } from '../sla/index.js';
import { bucketOf, NOW_BUCKET, type BucketKind } from './buckets.js';

/** Bump when contributions() changes meaning: the server then rebuilds the stored counters at start. */
export const DASHBOARD_COUNTERS_VERSION = 2;

export const dashboardDims = ['town', 'station', 'channel', 'category', 'dept'] as const;
export type DashboardDim = (typeof dashboardDims)[number];

/** the key of the town dimension, and of a missing station/unit/category */
export const ALL = '*';
export const NONE = '-';

/** The columns of a case the dashboard counts by. Instants are ISO strings. */
export interface DashboardCase {
  status: string;
  channel: string;
  station_code: string | null;
  lead_unit: string | null;
  category_code: string | null;
  deadline_state: string;
  urgency: string;
  created_at: string;
  registered_at: string | null;
  dispatched_at: string | null;
  closed_at: string | null;
  visit_outcome: string | null;
  /** the step clocks as stored (JSON); read only for closed cases, to tell on time from late */
  deadlines: string;
}

export interface Counter {
  dim: DashboardDim;
  key: string;
  bucket: string;
  metric: string;
}

export function counterKey(c: Counter): string {
  return `${c.dim}|${c.bucket}|${c.key}|${c.metric}`;
}

export function parseCounterKey(k: string): Counter {
  const [dim, bucket, key, metric] = k.split('|') as [DashboardDim, string, string, string];
  return { dim, bucket, key, metric };
}

const openExcluded = new Set(['closed', 'voided']);
const allKinds: BucketKind[] = ['h', 'd', 'w', 'm'];

/** A closed case is on time when no step finished after its (possibly extended) deadline. */
export function closedOnTime(deadlines: string): boolean {
  const clocks = JSON.parse(deadlines) as StepClock[];
  return !clocks.some(wasLate);
}

/** the last instant's four buckets: a case's flows mostly share one instant, and a write's before and after too */
let lastBuckets: { at: string; buckets: Record<BucketKind, string> } | undefined;

function bucketsOf(at: string): Record<BucketKind, string> {
  if (lastBuckets?.at !== at) lastBuckets = { at, buckets: { h: bucketOf('h', at), d: bucketOf('d', at), w: bucketOf('w', at), m: bucketOf('m', at) } };
  return lastBuckets.buckets;
}

/** Every counter this case adds 1 to. */
export function contributions(c: DashboardCase): Counter[] {
  const out: Counter[] = [];
  const keys: Record<DashboardDim, string> = {
    town: ALL,
    station: c.station_code ?? NONE,
    channel: c.channel,
    category: c.category_code ?? NONE,
    dept: c.lead_unit ?? NONE,
  };
  const add = (dims: readonly DashboardDim[], bucket: string, metric: string) => {
    for (const dim of dims) out.push({ dim, key: keys[dim], bucket, metric });
  };
  const flow = (at: string | null, metric: string, dims: readonly DashboardDim[]) => {
    if (at === null) return;
    const buckets = bucketsOf(at);
    for (const kind of allKinds) out.push({ dim: 'town', key: ALL, bucket: buckets[kind], metric });
    // every dimension by day; units also by month (the ranking), the town also by hour, week, month
    add(dims, buckets.d, metric);
    if (dims.includes('dept')) add(['dept'], buckets.m, metric);
  };

  // gauges
  add(['town', 'station'], NOW_BUCKET, `status:${c.status}`);
  if (!openExcluded.has(c.status)) {
    add(dashboardDims, NOW_BUCKET, 'open');
    // the lights of running clocks ('done': nothing running, e.g. not yet registered, is not a light)
    if (c.deadline_state !== 'done') add(['town', 'station', 'dept'], NOW_BUCKET, `deadline:${c.deadline_state}`);
    if (c.urgency === 'urgent') add(['town', 'station'], NOW_BUCKET, 'urgent');
  }

  // flows
  flow(c.created_at, 'new', ['station', 'channel', 'category']);
  flow(c.registered_at, 'registered', ['station', 'channel']);
  flow(c.dispatched_at, 'dispatched', ['station', 'channel', 'dept']);
  if (c.status === 'closed' && c.closed_at !== null) {
    const dims = ['station', 'channel', 'category', 'dept'] as const;
    flow(c.closed_at, 'closed', dims);
    if (closedOnTime(c.deadlines)) flow(c.closed_at, 'closed_on_time', dims);
    if (c.visit_outcome !== null) flow(c.closed_at, `visit:${c.visit_outcome}`, ['station', 'channel', 'dept']);
  }
  if (c.status === 'voided' && c.closed_at !== null) flow(c.closed_at, 'voided', ['station', 'channel']);
  return out;
}

/** Adds each contribution of `c`, times `sign`, into `into`. */
export function accumulate(into: Map<string, number>, c: DashboardCase, sign: 1 | -1 = 1): void {
  for (const counter of contributions(c)) {
    const k = counterKey(counter);
    into.set(k, (into.get(k) ?? 0) + sign);
  }
}

/** What a write changes: after − before, only the counters that move. */
export function counterDeltas(before: DashboardCase | null, after: DashboardCase | null): Map<string, number> {
  const deltas = new Map<string, number>();
  if (before) accumulate(deltas, before, -1);
  if (after) accumulate(deltas, after, 1);
  for (const [k, n] of deltas) if (n === 0) deltas.delete(k);
  return deltas;
}
