/**
 * `cityops seed`: N historical cases of realistic shape written straight into the database. Cases
 * are generated day by day over the range (pure, from the seed), then written in batches — one
 * transaction per batch, multi-row INSERTs — with case numbers from the day counters and the events
 * appended to the town's hash chain after whatever is there. No outbox rows: history notifies nobody.
 */
import { countFacts, factsOfEvent } from '../../domain/assessment/index.js';
import { accumulate } from '../../domain/dashboard/index.js';
import { addAssessmentCounts, factRows, insertAssessmentFacts } from '../db/repositories/assessment-repository.js';
import { applyCounterDeltas } from '../db/repositories/dashboard-repository.js';
import { randomUUID } from 'node:crypto';
import { caseNumber, type Channel } from '../../domain/case/index.js';
import { instantOn, spreadOverDays } from '../../domain/traffic/intake-plan.js';
import { createRandom } from '../../domain/traffic/random.js';
import { channelWeightsOn } from '../../domain/traffic/traffic-shape.js';
import { chainHash } from '../crypto/hash-chain.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import { analyzeAfterBulkLoad, insertMany, lockChainHead, prepareBulkSession, reserveCaseNumbers, caseColumns, caseEventColumns, storeChainHead, type SqlValue } from '../db/repositories/seed-repository.js';
import { TownSnapshots } from '../services/town-snapshot.js';
import { generateCase, RoutingMemo, type SeedCase } from './case-story.js';
import { loadSeedTown } from './seed-town.js';

export interface SeedOptions {
  cases: number;
  from: Date;
  to: Date;
  seed: number;
  batch: number;
  /** called after each written batch */
  onProgress?: (progress: { cases: number; events: number }) => void;
}

export interface SeedReport {
  cases: number;
  events: number;
  firstSeq: number;
  lastSeq: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  ms: number;
}

export class SeedError extends Error {}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

async function writeBatch(database: Database, townId: string, batch: SeedCase[]): Promise<{ events: number; firstSeq: number; lastSeq: number }> {
  return database.db.transaction().execute(async (trx) => {
    let head = await lockChainHead(trx, townId);
    const firstSeq = head.seq + 1;
    // case numbers: per local day, in creation order (the batch is chronological)
    const perDay = new Map<string, number>();
    for (const c of batch) perDay.set(c.day, (perDay.get(c.day) ?? 0) + 1);
    const next = new Map<string, number>();
    for (const [day, n] of perDay) next.set(day, await reserveCaseNumbers(trx, townId, day, n));

    const dashboard = new Map<string, number>();
    const assessment = new Map<string, number>();
    const caseRows: SqlValue[][] = [];
    const eventRows: SqlValue[][] = [];
    const factRowsOfBatch: SqlValue[][] = [];
    for (const c of batch) {
      const n = next.get(c.day)!;
      next.set(c.day, n + 1);
      const caseNo = caseNumber(c.day, n);
      const externalId = c.externalField ? `${c.externalPrefix}${caseNo}` : null;
      const channelData = externalId ? { ...c.channelData, [c.externalField!]: externalId } : c.channelData;
      const k = c.columns;
      const registeredAt = c.events.find((e) => e.toStatus === 'registered')?.at ?? null;
      const dispatchedAt = c.events.find((e) => e.toStatus === 'dispatched')?.at ?? null;
      caseRows.push([
        c.id, townId, caseNo, c.channel, externalId, k.status, k.category_code, k.urgency, k.description, k.address, k.lng, k.lat,
        k.grid_code, k.station_code, k.lead_unit, k.assist_units, k.designated, k.return_count, k.rework_count, k.extension_pending,
        k.escalation_level, k.suspended_from, k.has_reporter_contact, k.reporter_name_enc, k.reporter_phone_enc, k.reporter_phone_idx,
        JSON.stringify(channelData), k.classification, k.routing, k.deadlines, k.deadline_state, k.next_due_at, k.unit_overdue_at, k.visit_outcome, k.reported_at,
        k.created_at, k.updated_at, k.closed_at, k.version, registeredAt, dispatchedAt,
      ]);
      // the dashboard's and the assessment's counters grow with the batch, as the live writes make them grow
      accumulate(dashboard, { ...k, channel: c.channel, registered_at: registeredAt, dispatched_at: dispatchedAt });
      for (const e of c.events) {
        const data = e.action === 'report' ? { ...e.data, externalId } : e.data;
        const seq = head.seq + 1;
        // the hashed payload is the row as eventHashPayload reads it back
        const payload = {
          town_id: townId, seq, case_id: c.id, action: e.action, from_status: e.fromStatus, to_status: e.toStatus, actor_type: e.actor.type,
          actor_id: e.actor.id, actor_name: e.actor.name, actor_role: e.actor.role, reason: e.reason, data, attachments: [], at: e.at,
        };
        const hash = chainHash(head.hash, payload);
        eventRows.push([
          townId, seq, c.id, e.action, e.fromStatus, e.toStatus, e.actor.type, e.actor.id, e.actor.name, e.actor.role, e.reason,
          JSON.stringify(data), '[]', e.at, head.hash, hash,
        ]);
        head = { seq, hash };
        const counted = factsOfEvent({ action: e.action, toStatus: e.toStatus, actorId: e.actor.id, actorRole: e.actor.role, data }, e.at);
        countFacts(assessment, counted.facts, counted.day);
        factRowsOfBatch.push(...factRows(townId, seq, c.id, counted.day, counted.facts));
      }
    }
    await insertMany(trx, 'cases', caseColumns, caseRows);
    await insertMany(trx, 'case_events', caseEventColumns, eventRows);
    await storeChainHead(trx, townId, head.seq, head.hash);
    await applyCounterDeltas(trx, townId, dashboard);
    await addAssessmentCounts(trx, townId, assessment);
    await insertAssessmentFacts(trx, factRowsOfBatch);
    return { events: eventRows.length, firstSeq, lastSeq: head.seq };
  });
}

export async function seedHistory(database: Database, townId: string, cipher: FieldCipher, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const from = options.from.getTime();
  const to = options.to.getTime();
  if (!(to > from)) throw new SeedError('--to must be after --from');
  const snapshot = await new TownSnapshots(database.db, townId).current();
  await prepareBulkSession(database.db, database.dialect === 'postgres');
  const random = createRandom(options.seed);
  const town = await loadSeedTown(database.db, townId, snapshot, cipher, random.fork(1));
  if (town.dispatchers.length === 0) throw new SeedError('the town has no platform dispatchers in its personnel (organization.yaml)');
  const memo = new RoutingMemo();
  const days = spreadOverDays(options.cases, from, to, (date) => snapshot.calendar.dayKind(date).kind);
  const report: SeedReport = { cases: 0, events: 0, firstSeq: 0, lastSeq: 0, byStatus: {}, byChannel: {}, ms: 0 };
  let batch: SeedCase[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const written = await writeBatch(database, townId, batch);
    if (report.firstSeq === 0) report.firstSeq = written.firstSeq;
    report.lastSeq = written.lastSeq;
    report.cases += batch.length;
    report.events += written.events;
    batch = [];
    options.onProgress?.({ cases: report.cases, events: report.events });
  };
  for (const day of days) {
    if (day.count === 0) continue;
    const dayRandom = random.fork(day.start / 86_400_000);
    const mix = channelWeightsOn(day.kind, day.month);
    const weights = mix.map(([, w]) => w);
    const arrivals: Array<{ at: number; channel: Channel }> = [];
    for (let i = 0; i < day.count; i++) {
      const channel = mix[dayRandom.weighted(weights)]![0];
      arrivals.push({ at: instantOn(day, channel, dayRandom, from, to), channel });
    }
    arrivals.sort((a, b) => a.at - b.at);
    const generated = arrivals.map((a) => generateCase(town, dayRandom, memo, randomUUID(), a.channel, a.at, to));
    // numbered in order of creation (intake delays can reorder reports of the same minutes)
    generated.sort((a, b) => (a.columns.created_at < b.columns.created_at ? -1 : a.columns.created_at > b.columns.created_at ? 1 : 0));
    for (const c of generated) {
      count(report.byStatus, c.columns.status);
      count(report.byChannel, c.channel);
      batch.push(c);
      if (batch.length >= options.batch) await flush();
    }
  }
  await flush();
  await analyzeAfterBulkLoad(database.db, database.dialect === 'postgres');
  report.ms = performance.now() - started;
  return report;
}

/** The default range: the year up to now. */
export function defaultRange(now: Date): { from: Date; to: Date } {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from, to: now };
}

