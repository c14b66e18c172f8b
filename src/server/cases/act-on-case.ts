/**
 * Every action of the case machine through one command: the machine checks role, scope, state and
 * input; this file adds what needs the database (units and photos exist, the pending extension's
 * requested limit, routing after a return), then writes the new state, the hash-chained event and
 * the outbox row in one transaction. After 立案 a case whose routing is automatic is dispatched at
 * once by the system (谁主管谁办理), in the same transaction.
 */
import type { Actor } from '../../domain/access/index.js';
import { decide, type Accepted, type CaseAction, type Actor as CaseActor } from '../../domain/case/index.js';
import type { Urgency } from '../../domain/profile/schema.js';
import { limitFor, type StepClock } from '../../domain/sla/index.js';
import { clockColumns } from './clock-columns.js';
import { recordSteps } from './step-records.js';
import type { AppContext } from '../context.js';
import { appendCaseEvent, reportingInspector, unitsThatReturned, type NewCaseEvent } from '../db/repositories/case-event-repository.js';
import { claimAttachments, findCase, insertCaseLinks, insertOutbox, lastEventOf, updateCase, type CasePatch, type CaseRow } from '../db/repositories/case-repository.js';
import { Problem } from '../http/problem.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { recordActor, systemActor, systemCaseActor, toCaseActor } from './case-actor.js';
import { factColumns, factsOf } from './case-facts.js';
import { refusalProblem } from './refusal-problem.js';
import { routeFor, routingJson } from './route-for.js';
import { withProps } from '../../domain/with-props.js';
import { locateReport, type ReportLocation } from './locate-report.js';
import type { WhereReported } from '../../domain/case/where-reported.js';
import { photosNotUsable } from './attach-photo.js';
import { duplicateLinkRows, newDuplicatesOf } from './possible-duplicates.js';
import { claimIdempotencyKey, type KeyRowFor } from '../db/repositories/idempotency-repository.js';
import { idempotencyKeyTaken } from '../http/idempotency.js';

interface Step {
  action: CaseAction;
  decision: Accepted;
  actor: NewCaseEvent['actor'];
}

function notFound(): Problem {
  return new Problem(404, 'CASE_NOT_FOUND', { zh: '案件不存在', en: 'No such case' });
}

function unknownUnits(town: TownSnapshot, codes: string[]): string[] {
  return codes.filter((c) => !town.units.has(c));
}

/** Fills what the machine's input leaves to the server (the routed unit, the requested extension). */
async function prepareInput(ctx: AppContext, row: CaseRow, action: CaseAction, raw: unknown): Promise<unknown> {
  const input = (raw ?? {}) as Record<string, unknown>;
  if (action === 'dispatch' && input.leadUnit === undefined) {
    // 派遣 without naming a unit takes routing's decision (the dispatcher confirms it)
    const routing = row.routing ? (JSON.parse(row.routing) as { kind: string; leadUnit: string | null; assistUnits: string[] }) : null;
    if (routing?.kind === 'auto' && routing.leadUnit) return withProps(input, { leadUnit: routing.leadUnit, assistUnits: input.assistUnits ?? routing.assistUnits });
  }
  if (action === 'decide-extension' && input.decision === 'approve' && input.limit === undefined) {
    const requested = await lastEventOf(ctx.database.db, row.id, 'extend');
    const limit = requested ? (JSON.parse(requested.data) as { limit?: unknown }).limit : undefined;
    if (limit !== undefined) return withProps(input, { limit });
  }
  return input;
}

/** After the machine has judged who, when and the input's shape: do the records it names exist? */
async function checkReferences(ctx: AppContext, actor: Actor, town: TownSnapshot, input: Record<string, unknown>): Promise<void> {
  if (typeof input.categoryCode === 'string' && !town.categories.has(input.categoryCode)) {
    throw new Problem(422, 'UNKNOWN_CATEGORY', { zh: '没有这个事部件类别', en: 'Unknown category' }, [{ field: 'body.categoryCode', message: { zh: '不在本镇的分类目录中', en: 'not in the town’s catalogue' } }]);
  }
  const units = [input.leadUnit, ...((input.assistUnits as string[] | undefined) ?? [])].filter((u): u is string => typeof u === 'string');
  const unknown = unknownUnits(town, units);
  if (unknown.length > 0) {
    throw new Problem(422, 'UNKNOWN_UNIT', { zh: '没有这个单位', en: 'Unknown unit' }, unknown.map((u) => ({ field: u === input.leadUnit ? 'body.leadUnit' : 'body.assistUnits', message: { zh: `单位 ${u} 不存在`, en: `unit ${u} does not exist` } })));
  }
  const photos = ['photos', 'beforePhotos', 'afterPhotos'].flatMap((k) => ((input[k] as string[] | undefined) ?? []).map((sha) => ({ k, sha })));
  const missing = new Set(await photosNotUsable(ctx, actor, photos.map((p) => p.sha)));
  if (missing.size > 0) {
    throw new Problem(422, 'UNKNOWN_ATTACHMENT', { zh: '照片尚未上传', en: 'Photo not uploaded' }, photos.filter((p) => missing.has(p.sha)).map((p) => ({ field: `body.${p.k}`, message: { zh: '先上传照片再引用', en: 'upload the photo first' } })));
  }
}

/** 立案 may place a report that came without a grid — by coordinates or a grid — before routing; a case in a grid stays there. */
function placeAtRegister(town: TownSnapshot, row: CaseRow, input: Record<string, unknown>, now: Date): ReportLocation | null {
  if (!input.location && !input.gridCode) return null;
  if (row.grid_code !== null) {
    const field = input.location ? 'body.location' : 'body.gridCode';
    throw new Problem(422, 'ALREADY_LOCATED', { zh: '案件已定位到网格，立案时不能改动', en: 'The case is located in a grid already; 立案 does not move it' }, [{ field, message: { zh: '只能为尚未定位的案件指定位置', en: 'only an unlocated case is placed at 立案' } }]);
  }
  const where = { location: input.location as WhereReported['location'], gridCode: input.gridCode as string | undefined };
  return locateReport(town, where, now, { location: 'body.location', gridCode: 'body.gridCode' });
}

function attachmentsOf(input: Record<string, unknown>): string[] {
  return ['photos', 'beforePhotos', 'afterPhotos'].flatMap((k) => (input[k] as string[] | undefined) ?? []);
}

export interface ActResult {
  caseId: string;
  events: number[];
}

/** `expectedVersion`: If-Match; `keyRow`: the Idempotency-Key's row, written in the action's own transaction. */
export async function actOnCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  rawInput: unknown,
  { expectedVersion, keyRow }: { expectedVersion?: number; keyRow?: KeyRowFor<string> } = {},
): Promise<ActResult> {
  const db = ctx.database.db;
  const row = await findCase(db, ctx.townId, caseId);
  if (!row) throw notFound();
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw staleVersion(row.version);
  const town = await ctx.town.current();
  const caseActor: CaseActor = toCaseActor(actor, town);
  const input = await prepareInput(ctx, row, action, rawInput);
  const options = { designateAfterReturns: town.rules.routing.designateAfterReturns };
  const decided = decide(factsOf(row), caseActor, action, input, options);
  if (!decided.ok) throw refusalProblem(decided, row.status);
  let first = decided;
  const validInput = first.event.data as Record<string, unknown>;
  await checkReferences(ctx, actor, town, validInput);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const patch: CasePatch = {};
  let categoryCode = row.category_code;
  let urgency = row.urgency as Urgency;
  if (action === 'register') {
    if (typeof validInput.categoryCode === 'string') categoryCode = validInput.categoryCode;
    if (typeof validInput.urgency === 'string') urgency = validInput.urgency as Urgency;
    patch.category_code = categoryCode;
    patch.urgency = urgency;
  }
  const placed = action === 'register' ? placeAtRegister(town, row, validInput, now) : null;
  if (placed) {
    Object.assign(patch, { lng: placed.lng, lat: placed.lat, grid_code: placed.grid?.gridCode ?? null, station_code: placed.stationCode });
    first = withProps(first, { facts: withProps(first.facts, { stationCode: placed.stationCode }) });
  }
  const steps: Step[] = [{ action, decision: first, actor: recordActor(actor) }];
  const returnedBy = [...(await unitsThatReturned(db, row.id)), ...(action === 'return' && row.lead_unit ? [row.lead_unit] : [])];
  const routing = routeFor(town, { categoryCode, stationCode: first.facts.stationCode, returnCount: first.facts.returnCount, returnedBy, escalated: first.facts.escalationLevel === 'center' || first.facts.escalationLevel === 'leader' }, at);
  if (['register', 'return', 'escalate'].includes(action)) patch.routing = routingJson(routing);
  if (action === 'register' && routing.kind === 'auto') {
    // the routing just made found a unit by rule, whatever the intake's had found
    const auto = decide(withProps(first.facts, { needsDesignation: false }), systemCaseActor, 'dispatch', { leadUnit: routing.leadUnit, assistUnits: routing.assistUnits }, options);
    if (auto.ok) steps.push({ action: 'dispatch', decision: auto, actor: systemActor('system:routing') });
  }

  const category = categoryCode ? town.categories.get(categoryCode) : undefined;
  const limitOf = (step: Parameters<typeof limitFor>[2]) => limitFor(category, urgency, step);
  const reportedBy = action === 'void' && row.channel === 'inspector' ? await reportingInspector(db, row.id) : null;
  const recorded = recordSteps(steps, JSON.parse(row.deadlines) as StepClock[], { leadUnit: row.lead_unit, categoryCode, urgency, routing, reportedBy }, limitOf, now, town.calendar);
  // 立案 that gives the case its category, or its place, looks for the possible duplicates intake could not compare it with
  const lookAgain = action === 'register' && (categoryCode !== row.category_code || placed !== null);
  const duplicates = lookAgain
    ? await newDuplicatesOf(ctx, town, { id: row.id, categoryCode, lng: placed ? placed.lng : row.lng, lat: placed ? placed.lat : row.lat, reportedAt: row.reported_at, callerIndex: row.reporter_phone_idx, text: row.description }, now)
    : [];
  if (duplicates.length > 0) recorded.data[0] = withProps(recorded.data[0]!, { duplicates: duplicates.map((d) => d.id) });
  const clocks = recorded.clocks;
  const last = steps[steps.length - 1]!.decision;
  Object.assign(patch, factColumns(last.facts), clockColumns(clocks, now, town.calendar, town.rules.deadlines.yellowAt), { updated_at: at });
  if (action === 'visit') patch.visit_outcome = String(validInput.outcome);
  if (last.to === 'closed' || last.to === 'voided') patch.closed_at = at;
  // the first registration and dispatch are the instants the dashboard's day figures count
  if (row.registered_at === null && steps.some((s) => s.decision.event.to === 'registered')) patch.registered_at = at;
  if (row.dispatched_at === null && steps.some((s) => s.decision.event.to === 'dispatched')) patch.dispatched_at = at;

  const seqs = await ctx.database.write(async (trx) => {
    // the key first: a request with the same key that got here first refuses this one before anything else can
    if (keyRow && !(await claimIdempotencyKey(trx, keyRow(row.id)))) throw idempotencyKeyTaken();
    const written: number[] = [];
    if (!(await updateCase(trx, ctx.townId, row, patch))) throw staleVersion(row.version);
    for (const [i, s] of steps.entries()) {
      const data = recorded.data[i]!;
      const event = await appendCaseEvent(
        trx,
        ctx.townId,
        { caseId: row.id, action: s.action, fromStatus: s.decision.event.from, toStatus: s.decision.event.to, actor: s.actor, reason: s.decision.event.reason ?? null, data, attachments: attachmentsOf(s.decision.event.data), at },
      );
      written.push(Number(event.seq));
      await claimAttachments(trx, ctx.townId, attachmentsOf(s.decision.event.data), row.id, at);
      await insertOutbox(trx, ctx.townId, 'case.event', { seq: Number(event.seq), caseId: row.id, action: s.action }, at);
    }
    await insertCaseLinks(trx, duplicateLinkRows(ctx.townId, row.id, duplicates, at));
    return written;
  });
  ctx.recentCases.stale();
  ctx.realtime.notify();
  // a closed case teaches the classifier what its text meant (R3: trained from closed cases)
  if (last.to === 'closed' && categoryCode) town.classifier.update({ text: row.description, categoryCode });
  return { caseId: row.id, events: seqs };
}

function staleVersion(current: number): Problem {
  return new Problem(409, 'CASE_CHANGED', { zh: '案件已被他人更新，请刷新后重试', en: 'The case was changed by someone else; reload and retry' }, [], { currentVersion: current });
}
