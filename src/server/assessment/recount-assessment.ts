/**
 * `cityops assessment rebuild|verify`, and the build at start: the assessment's counters and the
 * facts behind them recounted from the whole record with the same assessmentFacts() that appends
 * apply, so they are exact. Verify checks both: the counters and the facts table against a recount.
 */
import type { Kysely, Transaction } from 'kysely';
import { ASSESSMENT_COUNTERS_VERSION, countFacts, factsOfEvent, parseFactKey, type AssessmentFact } from '../../domain/assessment/index.js';
import type { Database } from '../db/database.js';
import {
  allAssessmentCounters,
  assessmentBuild,
  clearAssessmentFacts,
  countStoredFacts,
  factRows,
  insertAssessmentFacts,
  lockEventsForRecount,
  replaceAssessmentCounters,
} from '../db/repositories/assessment-repository.js';
import type { SqlValue } from '../db/repositories/bulk-insert.js';
import { chainHead, walkChain } from '../db/repositories/case-event-repository.js';
import type { DB } from '../db/schema.js';

const FACT_BATCH = 5000;

/** Walks the record; `onFacts` receives the fact rows in batches (a rebuild writes them as it goes). */
async function recount(db: Kysely<DB> | Transaction<DB>, townId: string, onFacts?: (rows: SqlValue[][]) => Promise<void>): Promise<{ counts: Map<string, number>; events: number }> {
  const counts = new Map<string, number>();
  const head = await chainHead(db, townId);
  let events = 0;
  let rows: SqlValue[][] = [];
  for await (const e of walkChain(db, townId, head?.seq ?? 0)) {
    const { day, facts } = factsOfEvent({ action: e.action, toStatus: e.to_status, actorId: e.actor_id, actorRole: e.actor_role, data: JSON.parse(e.data) as Record<string, unknown> }, e.at);
    countFacts(counts, facts, day);
    if (onFacts && facts.length > 0) {
      rows.push(...factRows(townId, Number(e.seq), e.case_id, day, facts));
      if (rows.length >= FACT_BATCH) {
        await onFacts(rows);
        rows = [];
      }
    }
    events++;
  }
  if (onFacts && rows.length > 0) await onFacts(rows);
  return { counts, events };
}

export async function rebuildAssessment(database: Database, townId: string, at: string): Promise<{ events: number; counters: number; ms: number }> {
  const started = performance.now();
  return database.write(async (trx) => {
    await lockEventsForRecount(trx, database.dialect === 'postgres');
    await clearAssessmentFacts(trx, townId);
    const { counts, events } = await recount(trx, townId, (rows) => insertAssessmentFacts(trx, rows));
    await replaceAssessmentCounters(trx, townId, counts, { version: ASSESSMENT_COUNTERS_VERSION, events, at });
    return { events, counters: counts.size, ms: Math.round(performance.now() - started) };
  });
}

export interface AssessmentDifference extends AssessmentFact {
  day: string;
  /** counters: the assessment_counters table; facts: the rows behind the numbers */
  table: 'counters' | 'facts';
  stored: number;
  recounted: number;
}

function differencesOf(table: AssessmentDifference['table'], stored: ReadonlyMap<string, number>, recounted: ReadonlyMap<string, number>): AssessmentDifference[] {
  const out: AssessmentDifference[] = [];
  for (const k of new Set([...recounted.keys(), ...stored.keys()])) {
    const a = stored.get(k) ?? 0;
    const b = recounted.get(k) ?? 0;
    if (a !== b) out.push({ ...parseFactKey(k), table, stored: a, recounted: b });
  }
  return out;
}

export async function verifyAssessment(database: Database, townId: string): Promise<{ events: number; differences: AssessmentDifference[] }> {
  const { counts, events } = await recount(database.db, townId);
  const counters = new Map((await allAssessmentCounters(database.db, townId)).map((r) => [`${r.subject}|${r.key}|${r.day}|${r.metric}`, Number(r.n)]));
  const facts = await countStoredFacts(database.db, townId);
  return { events, differences: [...differencesOf('counters', counters, counts), ...differencesOf('facts', facts, counts)] };
}

export async function ensureAssessmentBuilt(database: Database, townId: string, at: string): Promise<void> {
  const build = await assessmentBuild(database.db, townId);
  if (!build || build.version !== ASSESSMENT_COUNTERS_VERSION) await rebuildAssessment(database, townId, at);
}
