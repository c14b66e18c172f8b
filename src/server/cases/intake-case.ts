/**
 * One intake command for every channel (R2): validate, classify, locate, route, find possible
 * duplicates, then write the case, its first event and an outbox row in one transaction. A resent
 * order (same channel and external id) returns the existing case, never a second one.
 */
import type { IntakeBody } from '../../contracts/cases.js';
import type { Actor } from '../../domain/access/index.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { newCaseFacts } from '../../domain/case/index.js';
import { LOW_CONFIDENCE } from '../../domain/classify/index.js';
import type { AppContext } from '../context.js';
import { appendCaseEvent, type CaseEventRow } from '../db/repositories/case-event-repository.js';
import { claimAttachments, findCase, findCaseIdByExternalId, intakeLookup, insertCase, insertCaseLinks, insertOutbox, nextCaseNo, type CaseRow } from '../db/repositories/case-repository.js';
import type { CaseJsonValues, DuplicateLink } from './get-case-detail.js';
import type { PlainReporter } from '../presenters/case.js';
import { claimIdempotencyKey, findIdempotencyKey, madeIdOf, type KeyRowFor } from '../db/repositories/idempotency-repository.js';
import { idempotencyKeyTaken } from '../http/idempotency.js';
import { Problem } from '../http/problem.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { locateReport, type ReportLocation } from './locate-report.js';
import { whereReported } from '../../domain/case/where-reported.js';
import { duplicateLinkRows, duplicateQuery, matchDuplicates, type DuplicateSubject } from './possible-duplicates.js';
import { recordActor } from './case-actor.js';
import { photosNotUsable } from './attach-photo.js';
import { routeFor, routingJson } from './route-for.js';
import { timeOrderedUuid } from '../ids/time-ordered-uuid.js';
import { withProps } from '../../domain/with-props.js';

export type IntakeResult =
  | { created: false; caseId: string }
  /** a new case, with what is needed to present it without reading it back */
  | { created: true; caseId: string; row: CaseRow; event: CaseEventRow; duplicates: DuplicateLink[]; reporter: PlainReporter; json: CaseJsonValues };

function classify(town: TownSnapshot, body: IntakeBody) {
  if (body.categoryCode) {
    if (!town.categories.has(body.categoryCode)) {
      throw new Problem(422, 'UNKNOWN_CATEGORY', { zh: '没有这个事部件类别', en: 'Unknown category' }, [
        { field: 'body.categoryCode', message: { zh: '不在本镇的分类目录中', en: 'not in the town’s catalogue' } },
      ]);
    }
    return { categoryCode: body.categoryCode, classification: { suggestions: [], lowConfidence: false, source: 'intake' as const } };
  }
  const suggestions = town.classifier.suggest(body.description, 3);
  const top = suggestions[0];
  const confident = top !== undefined && top.confidence >= LOW_CONFIDENCE;
  return {
    // a confident suggestion is taken as the working category; the dispatcher confirms or changes it at 立案
    categoryCode: confident ? top.code : null,
    classification: {
      suggestions: suggestions.map((s) => ({ code: s.code, confidence: Math.round(s.confidence * 1000) / 1000, matchedTerms: s.matchedTerms })),
      lowConfidence: !confident,
      source: confident ? ('classifier' as const) : ('none' as const),
    },
  };
}

/** a department's own report (部门自查) names the unit that found it: proactive discovery in the assessment */
function departmentOf(body: IntakeBody): { departmentCode?: string } {
  const data = body.channelData;
  return body.channel === 'department' && data && 'departmentCode' in data ? { departmentCode: data.departmentCode } : {};
}


/**
 * `keyRow`, when the request carries an Idempotency-Key, is the key's row written inside the case's
 * own transaction: a crash right after the commit still finds the key on resend, and a repeat that
 * raced this one to another server is answered with the case the first made.
 */
export async function intakeCase(ctx: AppContext, actor: Actor, body: IntakeBody, keyRow?: KeyRowFor<string>): Promise<IntakeResult> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const town = await ctx.town.current();
  let classified: ReturnType<typeof classify>;
  let located: ReportLocation;
  try {
    classified = classify(town, body);
    located = locateReport(town, whereReported(body), now, { location: 'body.location', gridCode: 'body.channelData.gridCode' });
  } catch (error) {
    // a resent order returns its case even if the town's catalogue or map has changed since
    const existing = body.externalId ? await findCaseIdByExternalId(db, ctx.townId, body.channel, body.externalId) : undefined;
    if (existing) return { caseId: existing, created: false };
    throw error;
  }
  const { categoryCode, classification } = classified;
  const { lng, lat, grid } = located;
  const reportedAt = body.reportedAt ? new Date(body.reportedAt).toISOString() : at;
  const phone = body.reporter?.phone ?? null;
  const phoneIndex = phone ? ctx.cipher.blindIndex(phone, 'phone') : null;
  const hasReporterContact = phone !== null;

  // one lookup before the write, in memory (recent-cases.ts) or else one read: a resent order returns
  // the existing case (a resend racing its first send, or one the memory does not hold, is refused by
  // the unique (channel, external id) index, and answered below); possible duplicates are linked and
  // shown, never merged
  const subject: DuplicateSubject = { categoryCode, lng, lat, reportedAt, callerIndex: phoneIndex, text: body.description };
  const resend = body.externalId ? { channel: body.channel, externalId: body.externalId } : null;
  const lookup = withProps({ resend }, duplicateQuery(town, subject));
  const { existingId, candidates } = (await ctx.recentCases.lookup(lookup, now, town.rules.duplicates.windowDays)) ?? (await intakeLookup(db, ctx.townId, lookup));
  if (existingId) return { caseId: existingId, created: false };
  const missing = await photosNotUsable(ctx, actor, body.photos);
  if (missing.length > 0) {
    throw new Problem(422, 'UNKNOWN_ATTACHMENT', { zh: '照片尚未上传', en: 'Photo not uploaded' }, missing.map((m) => ({ field: `body.photos[${body.photos.indexOf(m)}]`, message: { zh: '先上传照片再引用', en: 'upload the photo first' } })));
  }
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const duplicates = matchDuplicates(town, subject, candidates);

  const facts = newCaseFacts({ channel: body.channel, stationCode: located.stationCode, hasReporterContact });
  const routing = routeFor(town, { categoryCode, stationCode: facts.stationCode, returnCount: 0, returnedBy: [] }, at);
  const id = timeOrderedUuid(now.getTime());
  const channelData = body.channelData ?? {};

  const row: CaseRow = {
    id,
    town_id: ctx.townId,
    case_no: '',
    channel: body.channel,
    external_id: body.externalId ?? null,
    status: facts.status,
    category_code: categoryCode,
    urgency: body.urgency ?? 'normal',
    description: body.description,
    address: body.address ?? null,
    lng,
    lat,
    grid_code: grid?.gridCode ?? null,
    station_code: facts.stationCode,
    lead_unit: null,
    assist_units: '[]',
    designated: 0,
    return_count: 0,
    rework_count: 0,
    extension_pending: 0,
    escalation_level: facts.escalationLevel,
    suspended_from: null,
    has_reporter_contact: hasReporterContact ? 1 : 0,
    reporter_name_enc: body.reporter?.name ? ctx.cipher.encrypt(body.reporter.name) : null,
    reporter_phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
    reporter_phone_idx: phoneIndex,
    channel_data: JSON.stringify(channelData),
    classification: JSON.stringify(classification),
    routing: routingJson(routing),
    deadlines: '[]',
    deadline_state: 'done',
    next_due_at: null,
    unit_overdue_at: null,
    visit_outcome: null,
    reported_at: reportedAt,
    created_at: at,
    updated_at: at,
    closed_at: null,
    registered_at: null,
    dispatched_at: null,
    version: 1,
  };
  let event: CaseEventRow | undefined;
  // with no photo to claim, nothing refers to the new case at once: its row, first event, links and
  // outbox row all wait for the batch's flush, and the command needs no savepoint of its own
  const claimsPhotos = body.photos.length > 0;
  try {
    await ctx.database.write(async (trx) => {
      // the key first: a repeat that reached another server first refuses this case before it is numbered
      if (keyRow && !(await claimIdempotencyKey(trx, keyRow(id)))) throw idempotencyKeyTaken();
      row.case_no = await nextCaseNo(trx, ctx.townId, localDateOf(now));
      await insertCase(trx, row, { deferred: !claimsPhotos });
      event = await appendCaseEvent(
        trx,
        ctx.townId,
        {
          caseId: id,
          action: 'report',
          fromStatus: null,
          toStatus: facts.status,
          actor: recordActor(actor),
          reason: null,
          data: { channel: body.channel, externalId: body.externalId ?? null, categoryCode, urgency: body.urgency ?? 'normal', gridCode: grid?.gridCode ?? null, stationCode: facts.stationCode, locatedBy: located.by, duplicates: duplicates.map((d) => d.id), ...departmentOf(body) },
          attachments: body.photos,
          at,
        },
        { newCase: true },
      );
      await insertCaseLinks(trx, duplicateLinkRows(ctx.townId, id, duplicates, at));
      await insertOutbox(trx, ctx.townId, 'case.event', { seq: Number(event.seq), caseId: id, action: 'report' }, at);
      await claimAttachments(trx, ctx.townId, body.photos, id, at);
    }, { deferredOnly: !claimsPhotos && !keyRow });
  } catch (error) {
    // the same request under the same key made its case meanwhile (another server): that case is the answer
    if (keyRow) {
      const mine = keyRow(id);
      const stored = await findIdempotencyKey(db, mine.town_id, mine.principal, mine.key);
      const same = stored !== undefined && stored.expires_at > at && stored.path === mine.path && stored.request_hash === mine.request_hash;
      const made = same ? madeIdOf(stored) : undefined;
      if (made && made !== id) return { caseId: made, created: false };
    }
    // two resends racing: the unique (channel, external id) index let one win; answer with its case
    if (body.externalId) {
      const existing = await findCaseIdByExternalId(db, ctx.townId, body.channel, body.externalId);
      if (existing) return { caseId: existing, created: false };
    }
    // the commit's answer was lost (a dropped connection, the writer thread gone) after the case was
    // in fact saved: run again, its own id was refused; it is there, and is answered, not an error
    if (await findCase(db, ctx.townId, id)) return { caseId: id, created: false };
    throw error;
  }
  ctx.recentCases.added(row, Number(event!.seq));
  ctx.realtime.notify();
  const links: DuplicateLink[] = duplicates.map((d) => {
    const other = candidateById.get(d.id)!;
    return { other_case_id: d.id, case_no: other.case_no, status: other.status, created_at: other.created_at, reasons: d.reasons, distance_m: d.distanceMeters ?? null, similarity: d.similarity ?? null };
  });
  return { caseId: id, created: true, row, event: event!, duplicates: links, reporter: { name: body.reporter?.name ?? null, phone }, json: { channelData, classification, routing } };
}
