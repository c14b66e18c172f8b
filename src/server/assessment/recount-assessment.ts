/**
 * `cityops assessment rebuild|verify`, and the build at start: the assessment's counters recounted
 * from the whole record with the same assessmentFacts() that appends apply, so they are exact.
 */
import type { Kysely, Transaction } from 'kysely';
import { ASSESSMENT_COUNTERS_VERSION, countEvent, parseFactKey, type AssessmentFact } from '../../domain/assessment/index.js';
import type { Database } from '../db/database.js';
import { allAssessmentCounters, assessmentBuild, lockEventsForRecount, replaceAssessmentCounters } from '../db/repositories/assessment-repository.js';
import { chainHead, walkChain } from '../db/repositories/case-event-repository.js';
import type { DB } from '../db/schema.js';

async function recount(db: Kysely<DB> | Transaction<DB>, townId: string): Promise<{ counts: Map<string, number>; events: number }> {
  const counts = new Map<string, number>();
  const head = await chainHead(db, townId);
  let events = 0;
  for await (const e of walkChain(db, townId, head?.seq ?? 0)) {
    countEvent(counts, { action: e.action, toStatus: e.to_status, actorId: e.actor_id, actorRole: e.actor_role, data: JSON.parse(e.data) as Record<string, unknown> }, e.at);
    events++;
  }
  return { counts, events };
}

export async function rebuildAssessment(database: Database, townId: string, at: string): Promise<{ events: number; counters: number; ms: number }> {
  const started = performance.now();
  return database.write(async (trx) => {
    await lockEventsForRecount(trx, database.dialect === 'postgres');
    const { counts, events } = await recount(trx, townId);
    await replaceAssessmentCounters(trx, townId, counts, { version: ASSESSMENT_COUNTERS_VERSION, events, at });
    return { events, counters: counts.size, ms: Math.round(performance.now() - started) };
  });
}

export interface AssessmentDifference extends AssessmentFact {
  day: string;
  stored: number;
  recounted: number;
}

export async function verifyAssessment(database: Database, townId: string): Promise<{ events: number; differences: AssessmentDifference[] }> {
  const { counts, events } = await recount(database.db, townId);
  const stored = new Map((await allAssessmentCounters(database.db, townId)).map((r) => [`${r.subject}|${r.key}|${r.day}|${r.metric}`, Number(r.n)]));
  const differences: AssessmentDifference[] = [];
  for (const k of new Set([...counts.keys(), ...stored.keys()])) {
    const a = stored.get(k) ?? 0;
    const b = counts.get(k) ?? 0;
    if (a !== b) differences.push({ ...parseFactKey(k), stored: a, recounted: b });
  }
  return { events, differences };
}

export async function ensureAssessmentBuilt(database: Database, townId: string, at: string): Promise<void> {
  const build = await assessmentBuild(database.db, townId);
  if (!build || build.version !== ASSESSMENT_COUNTERS_VERSION) await rebuildAssessment(database, townId, at);
}
