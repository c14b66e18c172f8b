/**
 * Reading figures out of the dashboard's counters: a flow (new, registered, dispatched, closed, on
 * time, voided, return visits) for one dimension key and bucket, the live gauges, and the rates.
 */
import { counterKey, type DashboardDim } from './contributions.js';

export type CounterLookup = (dim: DashboardDim, key: string, bucket: string, metric: string) => number;

export function lookupIn(counters: ReadonlyMap<string, number>): CounterLookup {
  return (dim, key, bucket, metric) => counters.get(counterKey({ dim, key, bucket, metric })) ?? 0;
}

export interface FlowFigures {
  new: number;
  registered: number;
  dispatched: number;
  closed: number;
  closedOnTime: number;
  voided: number;
  onTimeRate: number | null;
  visits: { satisfied: number; dissatisfied: number; unreachable: number };
  satisfactionRate: number | null;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function flowFigures(get: CounterLookup, dim: DashboardDim, key: string, bucket: string): FlowFigures {
  const m = (metric: string) => get(dim, key, bucket, metric);
  const closed = m('closed');
  const closedOnTime = m('closed_on_time');
  const visits = { satisfied: m('visit:satisfied'), dissatisfied: m('visit:dissatisfied'), unreachable: m('visit:unreachable') };
  return {
    new: m('new'),
    registered: m('registered'),
    dispatched: m('dispatched'),
    closed,
    closedOnTime,
    voided: m('voided'),
    onTimeRate: ratio(closedOnTime, closed),
    visits,
    satisfactionRate: ratio(visits.satisfied, visits.satisfied + visits.dissatisfied),
  };
}

export interface GaugeFigures {
  open: number;
  inHandling: number;
  urgent: number;
  lights: { green: number; yellow: number; red: number };
}

/** Live gauges of one key; `dept` has no status or urgency gauges (its open cases are by light). */
export function gaugeFigures(get: CounterLookup, dim: DashboardDim, key: string): GaugeFigures {
  const m = (metric: string) => get(dim, key, 'now', metric);
  return {
    open: m('open'),
    inHandling: m('status:accepted') + m('status:handling'),
    urgent: m('urgent'),
    lights: { green: m('deadline:green'), yellow: m('deadline:yellow'), red: m('deadline:red') },
  };
}

/** Departments ranked: on-time rate this month (none counts as last), then fewer red, then fewer open. */
export function rankDepartments<T extends { code: string; onTimeRate: number | null; red: number; open: number }>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.red - b.red || a.open - b.open || a.code.localeCompare(b.code));
  return sorted.map((r, i) => Object.assign({}, r, { rank: i + 1 }));
}
