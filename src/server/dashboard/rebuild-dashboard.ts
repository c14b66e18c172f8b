/**
 * `cityops dashboard rebuild|verify`, and the build at start: the counters recomputed from every case
 * with the same contributions() the writes apply as deltas, in one transaction that keeps other
 * writers out, so the result is exact.
 */
import { accumulate, DASHBOARD_COUNTERS_VERSION, parseCounterKey, type Counter } from '../../domain/dashboard/index.js';
import type { Database } from '../db/database.js';
import { allCounters, dashboardBuild, dashboardCaseBatches, lockCasesForRebuild, replaceCounters } from '../db/repositories/dashboard-repository.js';
import type { DB } from '../db/schema.js';
import type { Kysely, Transaction } from 'kysely';

export interface RebuildResult {
  cases: number;
  counters: number;
  ms: number;
}

async function recount(db: Kysely<DB> | Transaction<DB>, townId: string, onProgress?: (cases: number) => void): Promise<{ counters: Map<string, number>; cases: number }> {
  const counters = new Map<string, number>();
  let cases = 0;
  for await (const batch of dashboardCaseBatches(db, townId)) {
    for (const c of batch) accumulate(counters, c);
    cases += batch.length;
    onProgress?.(cases);
  }
  for (const [k, n] of counters) if (n === 0) counters.delete(k);
  return { counters, cases };
}

export async function rebuildDashboard(database: Database, townId: string, at: string, onProgress?: (cases: number) => void): Promise<RebuildResult> {
  const started = performance.now();
  return database.write(async (trx) => {
    await lockCasesForRebuild(trx, database.dialect === 'postgres');
    const { counters, cases } = await recount(trx, townId, onProgress);
    await replaceCounters(trx, townId, counters, { version: DASHBOARD_COUNTERS_VERSION, cases, at });
    return { cases, counters: counters.size, ms: Math.round(performance.now() - started) };
  });
}

export interface CounterDifference extends Counter {
  stored: number;
  recounted: number;
}

/** Compares the stored counters with a recount; an empty list means they are equal. */
export async function verifyDashboard(database: Database, townId: string): Promise<{ cases: number; counters: number; differences: CounterDifference[] }> {
  const { counters, cases } = await recount(database.db, townId);
  const stored = new Map((await allCounters(database.db, townId)).map((r) => [`${r.dim}|${r.bucket}|${r.key}|${r.metric}`, Number(r.n)]));
  const differences: CounterDifference[] = [];
  for (const k of new Set([...counters.keys(), ...stored.keys()])) {
    const a = stored.get(k) ?? 0;
    const b = counters.get(k) ?? 0;
    if (a !== b) differences.push({ ...parseCounterKey(k), stored: a, recounted: b });
  }
  return { cases, counters: counters.size, differences };
}

/** At start: builds the counters when they have never been built or their definition has changed. */
export async function ensureDashboardBuilt(database: Database, townId: string, at: string): Promise<RebuildResult | null> {
  const build = await dashboardBuild(database.db, townId);
  if (build && build.version === DASHBOARD_COUNTERS_VERSION) return null;
  return rebuildDashboard(database, townId, at);
}
