/**
 * What one committed case event does to the recurring problems, inside the detection job's
 * transaction: the case is seen once (its report when the category came with it, else its 立案),
 * then it joins, reopens or opens a record as domain/recurring decides, and the 抄报 thresholds it
 * reaches are recorded — with an in-app notice to the leader's account — once each.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RecurringRules } from '../../domain/profile/schema.js';
import { afterRecurrence, cellOf, detect, type Detection, type KnownRecord, type PlaceKind, type RecurringStatus, type Sighting } from '../../domain/recurring/index.js';
import type { AppContext } from '../context.js';
import { insertNotifications, type NewNotificationRow } from '../db/repositories/notification-repository.js';
import {
  accountsOfPerson,
  attachSightings,
  insertCc,
  insertRecord,
  insertRecurringLog,
  insertSighting,
  looseSightings,
  markReopenedBy,
  recordsAtPlace,
  sightingExists,
  type DetectionEvent,
  type SightingRow,
} from '../db/repositories/recurring-detection-repository.js';
import type { DB } from '../db/schema.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { placeName } from './place-name.js';

const DAY_MS = 86_400_000;
const systemDetector = { actor_type: 'system', actor_id: 'system:recurring-detection', actor_name: 'system:recurring-detection', actor_role: null };

export type Considered = 'skipped' | 'seen' | 'opened' | 'joined' | 'reopened';

export interface ConsiderResult {
  outcome: Considered;
  copied: number;
}

/** The category the event gives the case, if it counts now: a report's only when it came with the intake. */
function categoryOf(e: DetectionEvent): string | null {
  const data = JSON.parse(e.data) as { categoryCode?: unknown };
  if (typeof data.categoryCode !== 'string') return null;
  if (e.action === 'register') return data.categoryCode;
  // a classifier's guess is confirmed (or changed) at 立案: the case counts then
  const source = e.classification ? (JSON.parse(e.classification) as { source?: unknown }).source : null;
  return source === 'intake' ? data.categoryCode : null;
}

function sightingOf(e: DetectionEvent, categoryCode: string, rules: RecurringRules): Sighting | null {
  if (e.lng === null || e.lat === null || e.grid_code === null) return null;
  return {
    caseId: e.case_id,
    categoryCode,
    gridCode: e.grid_code,
    cell: cellOf(e.lng, e.lat, rules.h3Resolution),
    reportedAt: e.reported_at,
    seenAt: e.at,
    complaint: (rules.complaintChannels as readonly string[]).includes(e.channel),
  };
}

function fromRow(r: SightingRow): Sighting {
  return { caseId: r.case_id, categoryCode: r.category_code, gridCode: r.grid_code, cell: r.cell, reportedAt: r.reported_at, seenAt: r.seen_at, complaint: r.complaint === 1 };
}

export async function considerEvent(trx: Transaction<DB>, ctx: AppContext, town: TownSnapshot, rules: RecurringRules, e: DetectionEvent): Promise<ConsiderResult> {
  const categoryCode = categoryOf(e);
  const s = categoryCode ? sightingOf(e, categoryCode, rules) : null;
  if (!s || (await sightingExists(trx, ctx.townId, s.caseId))) return { outcome: 'skipped', copied: 0 };
  await insertSighting(trx, { town_id: ctx.townId, case_id: s.caseId, seq: e.seq, category_code: s.categoryCode, grid_code: s.gridCode, cell: s.cell, station_code: e.station_code, complaint: s.complaint ? 1 : 0, reported_at: s.reportedAt, seen_at: s.seenAt, record_id: null, joined_at: null });

  const t = Date.parse(s.reportedAt);
  const span = rules.windowDays * DAY_MS;
  const [records, loose] = await Promise.all([
    recordsAtPlace(trx, ctx.townId, s.categoryCode, s.cell, s.gridCode),
    looseSightings(trx, ctx.townId, s.categoryCode, s.cell, s.gridCode, new Date(t - span).toISOString(), new Date(t + span).toISOString()),
  ]);
  const known: KnownRecord[] = records.map((r) => ({ id: r.id, placeKind: r.place_kind as PlaceKind, place: r.place, status: r.status as RecurringStatus, struckOffAt: r.struck_off_at, complaints: r.complaints, copied: r.copied }));
  const d = detect({ sighting: s, records: known, loose: loose.map(fromRow), rules });
  if (d.kind === 'none') return { outcome: 'seen', copied: 0 };

  let recordId: string;
  let outcome: Considered;
  let placeKind: string;
  if (d.kind === 'join') {
    recordId = d.recordId;
    const before = records.find((r) => r.id === d.recordId)!;
    placeKind = before.place_kind;
    outcome = d.reopen ? 'reopened' : 'joined';
    await trx
      .updateTable('recurring_records')
      .set((eb) => ({
        case_count: eb('case_count', '+', 1),
        complaints: d.complaints,
        status: afterRecurrence(before.status as RecurringStatus, d.reopen),
        reopen_count: eb('reopen_count', '+', d.reopen ? 1 : 0),
        last_reported_at: s.reportedAt > before.last_reported_at ? s.reportedAt : before.last_reported_at,
        first_reported_at: s.reportedAt < before.first_reported_at ? s.reportedAt : before.first_reported_at,
        updated_at: e.at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', recordId)
      .execute();
    await attachSightings(trx, ctx.townId, [s.caseId], recordId, e.at);
    if (d.reopen) {
      await markReopenedBy(trx, ctx.townId, s.caseId);
      await insertRecurringLog(trx, { town_id: ctx.townId, record_id: recordId, kind: 'reopened', text: null, case_id: s.caseId, at: e.at, ...systemDetector });
    }
  } else {
    recordId = randomUUID();
    placeKind = d.placeKind;
    outcome = 'opened';
    const members = [...loose.map(fromRow).filter((m) => d.members.includes(m.caseId)), s];
    const times = members.map((m) => m.reportedAt).sort();
    await insertRecord(trx, {
      id: recordId,
      town_id: ctx.townId,
      category_code: s.categoryCode,
      place_kind: d.placeKind,
      place: d.place,
      grid_code: s.gridCode,
      station_code: e.station_code,
      // 谁主管谁办理: the category's owner studies and fixes the problem at its root
      owner_unit: town.categories.get(s.categoryCode)?.owner ?? town.rules.routing.centerUnit,
      status: 'open',
      case_count: d.members.length,
      complaints: d.complaints,
      plan: null,
      planned_at: null,
      struck_off_at: null,
      struck_off_by: null,
      strike_reason: null,
      first_reported_at: times[0]!,
      last_reported_at: times[times.length - 1]!,
      opened_at: e.at,
      updated_at: e.at,
      version: 1,
    });
    await attachSightings(trx, ctx.townId, d.members, recordId, e.at);
    await insertRecurringLog(trx, { town_id: ctx.townId, record_id: recordId, kind: 'opened', text: null, case_id: s.caseId, at: e.at, ...systemDetector });
  }
  const copied = await copyToLeader(trx, ctx, town, rules, e, s, { id: recordId, placeKind }, d);
  return { outcome, copied };
}

/** 抄报: one row per threshold reached (the key refuses a second), and one notice for them all. */
async function copyToLeader(trx: Transaction<DB>, ctx: AppContext, town: TownSnapshot, rules: RecurringRules, e: DetectionEvent, s: Sighting, record: { id: string; placeKind: string }, d: Exclude<Detection, { kind: 'none' }>): Promise<number> {
  if (d.copy.length === 0) return 0;
  const leader = rules.ccLeader ?? null;
  const accounts = leader ? await accountsOfPerson(trx, ctx.townId, leader) : [];
  const recipients = leader ? accounts.map((id) => ({ type: 'user' as const, code: id })) : [{ type: 'role' as const, code: 'leader' }];
  let added: number[] = [];
  for (const threshold of d.copy) {
    if (await insertCc(trx, { town_id: ctx.townId, record_id: record.id, threshold, complaints: d.complaints, case_id: s.caseId, seq: e.seq, leader_code: leader, notified: recipients.length, at: e.at })) added = [...added, threshold];
  }
  if (added.length === 0) return 0;
  const category = town.categories.get(s.categoryCode)?.name ?? s.categoryCode;
  const place = placeName(town, record.placeKind, s.gridCode);
  const top = added[added.length - 1]!;
  const rows: NewNotificationRow[] = recipients.map((r) => ({
    town_id: ctx.townId,
    recipient_type: r.type,
    recipient_code: r.code,
    case_id: s.caseId,
    seq: e.seq,
    outbox_id: 0,
    kind: 'recurring_cc',
    title_zh: `常态长效抄报：${place}「${category}」重复投诉已达 ${top} 次`,
    title_en: `Recurring problem copied to you: ${category} at ${place}, ${top} complaints`,
    read_at: null,
    created_at: ctx.clock.now().toISOString(),
  }));
  await insertNotifications(trx, rows);
  return added.length;
}
