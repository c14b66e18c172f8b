/**
 * One historical case, lived through the real machine: every step is asked of `decide` with the
 * actor who would take it, the deadline effects go through the SLA clocks on the town's working
 * calendar, routing picks the units, and the deadline sweep's urges and escalations are replayed
 * at the minutes they would have fired. Pure apart from the seeded random source; the writer adds
 * case numbers, sequence numbers and hashes.
 */
import type { CasesTable } from '../db/schema-cases.js';
import { recordSteps } from '../cases/step-records.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { checkAction, decide, newCaseFacts, type CaseAction, type CaseFacts, type CaseStatus, type Channel } from '../../domain/case/index.js';
import type { Category, SlaStep, TimeLimit, Urgency } from '../../domain/profile/schema.js';
import { limitFor, nextThresholdAt, planSweep, type StepClock } from '../../domain/sla/index.js';
import { clockColumns } from '../cases/clock-columns.js';
import { devicesFor, type SimDevice } from '../../domain/traffic/device-pick.js';
import { describe, placeOf, sensorReading, videoAlgorithm } from '../../domain/traffic/phrases.js';
import type { Random } from '../../domain/traffic/random.js';
import { systemActor, systemCaseActor } from '../cases/case-actor.js';
import { routeFor, type StoredRouting } from '../cases/route-for.js';
import type { NewCaseEvent } from '../db/repositories/case-event-repository.js';
import { sweepEvents } from '../jobs/sla-sweep.js';
import { locateIn } from '../services/town-snapshot.js';
import { withProps } from '../../domain/with-props.js';
import { pointIn, type SeedActor, type SeedGrid, type SeedTown, type UnitHabits } from './seed-town.js';

const MINUTE = 60_000;

export interface SeedEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: NewCaseEvent['actor'];
  reason: string | null;
  data: Record<string, unknown>;
  at: string;
}

/** A case ready to write, but for what the writer numbers: case_no, and the hotline's order number derived from it. */
export interface SeedCase {
  id: string;
  /** local day of creation, for the case number */
  day: string;
  channel: Channel;
  /** the channel-data field that carries the external order number (orderNo / alarmNo), when the channel has one */
  externalField: 'orderNo' | 'alarmNo' | null;
  externalPrefix: string;
  channelData: Record<string, unknown>;
  /** the case row's own columns (ids, numbers and channel data are filled in when the batch is written) */
  columns: Pick<CasesTable, 'status' | 'category_code' | 'urgency' | 'description' | 'address' | 'lng' | 'lat' | 'grid_code' | 'station_code' | 'lead_unit' | 'assist_units' | 'designated' | 'return_count' | 'rework_count' | 'extension_pending' | 'escalation_level' | 'suspended_from' | 'has_reporter_contact' | 'reporter_name_enc' | 'reporter_phone_enc' | 'reporter_phone_idx' | 'classification' | 'routing' | 'deadlines' | 'deadline_state' | 'next_due_at' | 'unit_overdue_at' | 'visit_outcome' | 'reported_at' | 'created_at' | 'updated_at' | 'closed_at' | 'version'>;

  events: SeedEvent[];
}

const externalOf: Partial<Record<Channel, { field: 'orderNo' | 'alarmNo'; prefix: string }>> = {
  hotline_12345: { field: 'orderNo', prefix: 'GD' },
  hotline_12319: { field: 'orderNo', prefix: 'CJ' },
  police_110: { field: 'alarmNo', prefix: 'JQ' },
};

const contactShare: Record<Channel, number> = {
  hotline_12345: 0.93,
  hotline_12319: 0.9,
  police_110: 0.8,
  citizen: 0.85,
  inspector: 0,
  video_patrol: 0,
  video_ai: 0,
  sensor: 0,
  department: 0,
  leader: 0,
};

const voidShare: Record<Channel, number> = {
  hotline_12345: 0.04,
  hotline_12319: 0.04,
  police_110: 0.06,
  citizen: 0.05,
  inspector: 0.01,
  video_patrol: 0.02,
  video_ai: 0.1,
  sensor: 0.08,
  department: 0.01,
  leader: 0,
};

const reasons = {
  void: ['重复件，已并入前案', '不属于本镇管辖范围', '信息不全，无法核实', '经核实问题不存在'],
  voidMachine: ['设备误报', '经视频复核非事件', '设备调试产生的告警'],
  return: ['不属于本单位职责', '地点不在本单位辖区', '需其他部门先行处置', '权属不清，无法处置'],
  extend: ['需采购材料，工期较长', '涉及多方协调，需延长处置时间', '受天气影响无法施工', '需等待权属单位确认'],
  refuse: ['理由不充分，请按原时限完成', '可先行临时处置，不予延期'],
  rework: ['现场仍有残留，整改不到位', '问题未彻底解决', '反馈情况与现场不符'],
  suspend: ['涉及历史遗留问题，需区级部门统筹', '待产权纠纷司法裁决', '需纳入年度计划统一整治'],
  designateNoRule: '职责不明确，由指挥协调组指定承办单位',
  designateAfterReturns: '多次退单，按首接责任制指定承办单位',
};

const dissatisfiedCausesSeen = ['poor_handling', 'poor_handling', 'poor_handling', 'unreasonable_demand', 'unreasonable_demand', 'policy_limit', 'other', 'falsified'] as const;
const visitNotes = { satisfied: '市民对处理结果表示满意', dissatisfied: '市民认为处理不彻底，表示不满意', unreachable: '多次回访电话均未接通' } as const;

/** Routing per situation is the same for every case of a run; remember it (the explanation text costs). */
export class RoutingMemo {
  private readonly memo = new Map<string, StoredRouting>();
  route(town: SeedTown, categoryCode: string | null, stationCode: string, returnCount: number, returnedBy: string[], escalated: boolean, at: string): StoredRouting {
    const key = `${categoryCode}|${stationCode}|${returnCount}|${returnedBy.join(',')}|${escalated}`;
    let r = this.memo.get(key);
    if (!r) {
      r = routeFor(town.snapshot, { categoryCode, stationCode, returnCount, returnedBy, escalated }, at);
      this.memo.set(key, r);
    }
    return { ...r, decidedAt: at };
  }
}

class Stopped extends Error {}

/** The life of one case; `act` refuses nothing the machine would refuse, and stops at the end of history. */
class Story {
  facts: CaseFacts;
  clocks: StepClock[] = [];
  events: SeedEvent[] = [];
  version = 1;
  now: number;
  updatedAt: number;
  closedAt: number | null = null;
  visitOutcome: string | null = null;
  category: Category;
  urgency: Urgency;
  routing: StoredRouting;
  returnedBy: string[] = [];
  /** the inspector whose own report opened the case (a voided report counts against them) */
  reportedBy: string | null = null;

  constructor(
    readonly town: SeedTown,
    readonly random: Random,
    readonly memo: RoutingMemo,
    readonly asOf: number,
    facts: CaseFacts,
    createdAt: number,
    category: Category,
    urgency: Urgency,
    routing: StoredRouting,
  ) {
    this.facts = facts;
    this.now = createdAt;
    this.updatedAt = createdAt;
    this.category = category;
    this.urgency = urgency;
    this.routing = routing;
  }

  /** read through a method: the status changes under every `act`, which property narrowing does not see */
  status(): CaseStatus {
    return this.facts.status;
  }

  limit(step: SlaStep): TimeLimit {
    return limitFor(this.category, this.urgency, step);
  }

  /** An instant `fraction` of a step's limit after `from`, in the limit's own measure (working time or not). */
  after(from: number, step: SlaStep, fraction: number): number {
    const l = this.limit(step);
    return this.town.snapshot.calendar.addLimit(new Date(from), { amount: Math.max(0.001, l.amount * fraction), unit: l.unit }).getTime();
  }

  /** How much of a step's limit a unit takes: mostly inside it, sometimes beyond. */
  share(habits: UnitHabits | undefined, punctual = habits?.punctual ?? 0.9): number {
    if (this.random.chance(punctual)) return 0.05 + 0.9 * Math.pow(this.random.next(), 1.3);
    return 1.02 + this.random.logNormal(0.35, 0.9);
  }

  minutesLater(from: number, median: number, sigma = 0.8): number {
    return from + Math.max(MINUTE / 2, Math.round(this.random.logNormal(median, sigma) * MINUTE));
  }

  /** Replays the deadline sweep (every minute) up to, not including, `until`. */
  sweepUntil(until: number): void {
    const { calendar, rules } = this.town.snapshot;
    const yellowAt = rules.deadlines.yellowAt;
    for (let guard = 0; guard < 50; guard++) {
      const next = nextThresholdAt(this.clocks, calendar, yellowAt);
      if (next === null) return;
      const runAt = Math.max(this.now, Math.ceil(Date.parse(next) / MINUTE) * MINUTE);
      if (runAt >= until) return;
      const plan = planSweep(this.clocks, new Date(runAt), calendar, yellowAt);
      if (plan.firings.length === 0) return;
      const { facts, events } = sweepEvents(this.facts, plan.firings, yellowAt);
      this.clocks = plan.clocks;
      this.facts = facts;
      this.version++;
      const at = new Date(runAt).toISOString();
      for (const e of events) this.events.push({ action: e.action, fromStatus: e.from, toStatus: e.to, actor: systemActor('system:deadline-sweep'), reason: e.reason, data: e.data, at });
      if (events.length > 0) this.updatedAt = runAt;
      this.now = runAt;
    }
  }

  /** One command as actOnCase runs it (with routing's own dispatch after 立案); throws Stopped past the end of history. */
  act(actor: SeedActor, action: CaseAction, input: Record<string, unknown>, atMs: number, optional = false): void {
    const at = Math.max(atMs, this.now);
    if (at > this.asOf) throw new Stopped();
    this.sweepUntil(at);
    const iso = new Date(at).toISOString();
    const options = { designateAfterReturns: this.town.snapshot.rules.routing.designateAfterReturns };
    // an optional step (an urge, an escalation) is left out when the case has moved on meanwhile
    if (optional && checkAction(this.facts, actor.machine, action, options) !== null) return;
    const first = decide(this.facts, actor.machine, action, input, options);
    if (!first.ok) throw new Error(`seed: the machine refused ${action} in ${this.facts.status}: ${first.message.en}`);
    if (action === 'register') {
      this.category = this.town.snapshot.categories.get(String(first.event.data.categoryCode)) ?? this.category;
      this.urgency = (first.event.data.urgency as Urgency | undefined) ?? this.urgency;
    }
    if (action === 'return' && this.facts.leadUnit) this.returnedBy.push(this.facts.leadUnit);
    const escalated = first.facts.escalationLevel === 'center' || first.facts.escalationLevel === 'leader';
    const routing = this.memo.route(this.town, this.category.code, this.facts.stationCode!, first.facts.returnCount, this.returnedBy, escalated, iso);
    const routed = action === 'register' || action === 'return' || action === 'escalate';
    if (routed) this.routing = routing;
    const steps = [{ action, decision: first, actor: actor.record }];
    if (action === 'register' && routing.kind === 'auto') {
      const auto = decide(withProps(first.facts, { needsDesignation: false }), systemCaseActor, 'dispatch', { leadUnit: routing.leadUnit, assistUnits: routing.assistUnits }, options);
      if (auto.ok) steps.push({ action: 'dispatch', decision: auto, actor: systemActor('system:routing') });
    }
    const context = { leadUnit: this.facts.leadUnit, categoryCode: this.category.code, urgency: this.urgency, routing, reportedBy: this.reportedBy };
    const recorded = recordSteps(steps, this.clocks, context, (step) => this.limit(step), new Date(at), this.town.snapshot.calendar);
    this.clocks = recorded.clocks;
    for (const [i, s] of steps.entries()) {
      this.events.push({ action: s.action, fromStatus: s.decision.event.from, toStatus: s.decision.event.to, actor: s.actor, reason: s.decision.event.reason ?? null, data: recorded.data[i]!, at: iso });
    }
    const last = steps[steps.length - 1]!.decision;
    // as actOnCase reads it back from the routing it stores
    this.facts = routed ? withProps(last.facts, { needsDesignation: routing.kind === 'designation_required' }) : last.facts;
    if (action === 'visit') this.visitOutcome = String(first.event.data.outcome);
    if (last.to === 'closed' || last.to === 'voided') this.closedAt = at;
    this.version++;
    this.now = at;
    this.updatedAt = at;
  }
}

function pickOr(list: SeedActor[] | undefined, fallback: SeedActor[], random: Random): SeedActor {
  return random.pick(list && list.length > 0 ? list : fallback);
}

/** Someone of the unit to act for it: a handler on the roster, or the unit's duty desk. */
function handlerOf(town: SeedTown, unit: string, random: Random): SeedActor {
  const people = town.handlersByUnit.get(unit);
  if (people && people.length > 0) return random.pick(people);
  const name = town.snapshot.units.get(unit)?.name ?? unit;
  return { record: { type: 'user', id: `unit:${unit}`, name: `${name}值班人员`, role: 'department_handler' }, machine: { userId: `unit:${unit}`, role: 'department_handler', stationCode: null, departmentCode: unit } };
}

function intakeActor(town: SeedTown, channel: Channel, grid: SeedGrid, stationCode: string, category: Category, random: Random): NewCaseEvent['actor'] {
  switch (channel) {
    case 'inspector':
      return pickOr(town.inspectorsByGrid.get(grid.code)?.filter((a) => a.machine.stationCode === stationCode), town.inspectorsByStation.get(stationCode) ?? town.dispatchers, random).record;
    case 'video_ai':
      return systemActor('system:video-ai');
    case 'sensor':
      return systemActor('system:iot');
    case 'department':
      return handlerOf(town, category.owner, random).record;
    case 'leader':
      return random.pick(town.leaders.length > 0 ? town.leaders : town.dispatchers).record;
    default:
      return random.pick(town.dispatchers).record;
  }
}

function channelDataOf(
  channel: Channel,
  category: Category,
  grid: SeedGrid,
  random: Random,
  extra: { reading?: ReturnType<typeof sensorReading>; score?: number; inspector?: string; deviceId?: string },
): Record<string, unknown> {
  switch (channel) {
    case 'hotline_12345':
      return { callType: random.pick(['complaint', 'complaint', 'complaint', 'request', 'report']) };
    case 'hotline_12319':
      return { callType: random.pick(['complaint', 'request', 'report']) };
    case 'police_110':
      return { kind: random.pick(['complaint', 'complaint', 'dispute', 'help']), policeStation: '东平派出所' };
    case 'inspector':
      return { gridCode: grid.code, ...(extra.inspector ? { inspectorCode: extra.inspector } : {}) };
    case 'video_patrol':
      return { cameraId: extra.deviceId ?? `CAM-${grid.code.slice(-6)}-${String(random.int(8) + 1).padStart(2, '0')}` };
    case 'video_ai':
      return { cameraId: extra.deviceId ?? `CAM-${grid.code.slice(-6)}-${String(random.int(8) + 1).padStart(2, '0')}`, algorithm: videoAlgorithm(category), score: extra.score ?? 0.9 };
    case 'sensor':
      return { deviceId: extra.deviceId ?? `IOT-${category.code}-${grid.code.slice(-6)}`, metric: extra.reading!.metric, value: extra.reading!.value, threshold: extra.reading!.threshold, unit: extra.reading!.unit };
    case 'department':
      return { departmentCode: category.owner };
    case 'citizen':
      return { app: random.pick(['瀛洲E管家', '随申办', '政务微信'] as const) };
    case 'leader':
      return { leaderName: '镇领导' };
  }
}

/**
 * Where the case is: at the camera or sensor that raised it (when the profile has one that fits), a
 * recurring spot of a persistent problem, or a point in a grid of the town.
 */
function placeCase(town: SeedTown, category: Category, channel: Channel, random: Random): { grid: SeedGrid; lng: number; lat: number; device?: SimDevice } {
  const fitting = devicesFor(channel, category, town.snapshot.devices);
  if (fitting.length > 0) {
    const device = random.pick(fitting);
    const grid = town.grids.find((g) => g.code === town.snapshot.gridIndex.locate(device.lng, device.lat)?.gridCode);
    if (grid) return { grid, lng: device.lng, lat: device.lat, device };
  }
  const spots = town.hotspots.get(category.code);
  if (spots && random.chance(0.5)) return random.pick(spots);
  const grid = random.pick(town.grids);
  const [lng, lat] = pointIn(town, grid, random);
  return { grid, lng, lat };
}

export function generateCase(town: SeedTown, random: Random, memo: RoutingMemo, id: string, channel: Channel, reportedAt: number, asOf: number): SeedCase {
  const snapshot = town.snapshot;
  const category = town.categories[random.weighted(town.weightsByChannel.get(channel)!)]!;
  const { grid, lng, lat, device } = placeCase(town, category, channel, random);
  const located = locateIn(snapshot, lng, lat, new Date(reportedAt));
  const stationCode = located?.stationCode ?? grid.stationCode;
  const gridCode = located?.gridCode ?? grid.code;
  const canBeUrgent = category.limits.some((l) => l.urgency === 'urgent');
  const urgency: Urgency = canBeUrgent && random.chance(channel === 'sensor' ? 0.25 : 0.07) ? 'urgent' : 'normal';
  const hasContact = random.chance(contactShare[channel]);
  const caller = hasContact ? town.callers[Math.floor(town.callers.length * Math.pow(random.next(), 2))]! : null;
  const reading = channel === 'sensor' ? sensorReading(category, random) : undefined;
  const score = channel === 'video_ai' ? Math.round((0.62 + random.next() * 0.37) * 1000) / 1000 : undefined;
  const place = device?.name ?? placeOf(located?.gridName ?? grid.name, random);
  const description = describe(channel, category, place, random, { reading, score });
  const intake = intakeActor(town, channel, grid, stationCode, category, random);
  const channelData = channelDataOf(channel, category, grid, random, { reading, score, inspector: intake.id.startsWith('personnel:') ? intake.id.slice(10) : undefined, deviceId: device?.id });
  const intakeDelay = channel === 'sensor' || channel === 'video_ai' ? 0.2 : channel === 'inspector' ? 3 : 8;
  const createdAt = Math.min(asOf, Math.max(reportedAt, Math.round(reportedAt + random.logNormal(intakeDelay, 0.7) * MINUTE)));

  // the hotline's classifier is unsure of some calls; the dispatcher picks the category at 立案
  const heard = channel === 'hotline_12345' || channel === 'hotline_12319' || channel === 'police_110' || channel === 'citizen';
  const unsure = heard && random.chance(0.15);
  const intakeCategory = unsure ? null : category.code;
  const confidence = Math.round((unsure ? 0.2 + random.next() * 0.3 : 0.62 + random.next() * 0.37) * 1000) / 1000;
  const classification = heard
    ? { suggestions: [{ code: category.code, confidence, matchedTerms: [category.keywords[0]] }], lowConfidence: unsure, source: unsure ? 'none' : 'classifier' }
    : { suggestions: [], lowConfidence: false, source: 'intake' };

  const facts = newCaseFacts({ channel, stationCode, hasReporterContact: hasContact });
  const createdIso = new Date(createdAt).toISOString();
  const intakeRouting = unsure
    ? routeFor(snapshot, { categoryCode: null, stationCode, returnCount: 0, returnedBy: [] }, createdIso)
    : memo.route(town, category.code, stationCode, 0, [], false, createdIso);
  const story = new Story(town, random, memo, asOf, facts, createdAt, category, urgency, intakeRouting);
  const ext = externalOf[channel];
  if (channel === 'inspector' && intake.role === 'inspector') story.reportedBy = intake.id;
  story.events.push({
    action: 'report',
    fromStatus: null,
    toStatus: 'reported',
    actor: intake,
    reason: null,
    data: { channel, externalId: null, categoryCode: intakeCategory, urgency, gridCode, stationCode, duplicates: [], ...('departmentCode' in channelData ? { departmentCode: channelData.departmentCode } : {}) },
    at: createdIso,
  });

  try {
    live(story, channel);
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
  }
  story.sweepUntil(asOf + 1);

  const { calendar, rules } = snapshot;
  const f = story.facts;
  return {
    id,
    day: localDateOf(new Date(createdAt)),
    channel,
    externalField: ext?.field ?? null,
    externalPrefix: ext?.prefix ?? '',
    channelData,
    columns: {
      status: f.status,
      category_code: story.events.some((e) => e.action === 'register') ? story.category.code : intakeCategory,
      urgency: story.urgency,
      description,
      address: place,
      lng,
      lat,
      grid_code: gridCode,
      station_code: stationCode,
      lead_unit: f.leadUnit,
      assist_units: JSON.stringify(f.assistUnits),
      designated: f.designated ? 1 : 0,
      return_count: f.returnCount,
      rework_count: f.reworkCount,
      extension_pending: f.extensionPending ? 1 : 0,
      escalation_level: f.escalationLevel,
      suspended_from: f.suspendedFrom,
      has_reporter_contact: hasContact ? 1 : 0,
      reporter_name_enc: caller?.nameEnc ?? null,
      reporter_phone_enc: caller?.phoneEnc ?? null,
      reporter_phone_idx: caller?.phoneIdx ?? null,
      classification: JSON.stringify(classification),
      routing: JSON.stringify(story.routing),
      ...clockColumns(story.clocks, new Date(asOf), calendar, rules.deadlines.yellowAt),
      visit_outcome: story.visitOutcome,
      reported_at: new Date(reportedAt).toISOString(),
      created_at: createdIso,
      updated_at: new Date(story.updatedAt).toISOString(),
      closed_at: story.closedAt === null ? null : new Date(story.closedAt).toISOString(),
      version: story.version,
    },
    events: story.events,
  };
}

/** After a return, or when routing found nobody: the center dispatches by routing or a coordinator designates. */
function redispatch(s: Story): void {
  const { town, random } = s;
  const routing = s.routing;
  const when = s.after(s.now, 'dispatch', s.share(undefined, 0.985));
  if (routing.kind === 'auto' && s.facts.returnCount < town.snapshot.rules.routing.designateAfterReturns) {
    s.act(random.pick(town.dispatchers), 'dispatch', { leadUnit: routing.leadUnit, assistUnits: routing.assistUnits, note: '按派单规则派遣' }, when);
    return;
  }
  const fresh = routing.candidates.filter((c) => !s.returnedBy.includes(c) && town.snapshot.units.has(c));
  const fallback = town.snapshot.rules.routing.fallbackUnit;
  const unit = fresh[0] ?? (town.snapshot.units.has(fallback) ? fallback : routing.candidates[0]);
  if (!unit) throw new Stopped();
  const coordinator = random.pick(town.coordinators.length > 0 ? town.coordinators : town.dispatchers);
  s.act(coordinator, 'designate', { leadUnit: unit, assistUnits: [], reason: routing.rule === 'designate_after_returns' ? reasons.designateAfterReturns : reasons.designateNoRule }, when);
}

/** The loop from 立案 to 结案, with the detours real cases take. */
function live(s: Story, channel: Channel): void {
  const { town, random } = s;
  const machineChannel = channel === 'sensor' || channel === 'video_ai';
  const dispatcher = () => random.pick(town.dispatchers);
  const coordinator = () => random.pick(town.coordinators.length > 0 ? town.coordinators : town.dispatchers);
  const registerAt = s.minutesLater(s.now, s.urgency === 'urgent' ? 3 : channel === 'inspector' ? 15 : 10);
  if (random.chance(voidShare[channel])) {
    s.act(dispatcher(), 'void', { reason: random.pick(machineChannel ? reasons.voidMachine : reasons.void) }, registerAt);
    return;
  }
  s.act(dispatcher(), 'register', { categoryCode: s.category.code, urgency: s.urgency }, registerAt);

  // dispatch (by routing, or by the center after a return), accept or return, until a unit keeps it
  for (let round = 0; s.status() !== 'accepted'; round++) {
    if (round > 4) return;
    if (s.status() !== 'dispatched') redispatch(s);
    const unit = s.facts.leadUnit!;
    const habits = town.habits.get(unit);
    const answerAt = s.after(s.now, 'accept', s.share(habits, 0.95 + 0.045 * (habits?.punctual ?? 0.9)));
    if (!s.facts.designated && random.chance(habits?.returnRate ?? 0.05)) {
      s.act(handlerOf(town, unit, random), 'return', { reason: random.pick(reasons.return) }, answerAt);
      continue;
    }
    s.act(handlerOf(town, unit, random), 'accept', {}, answerAt);
  }

  const unit = s.facts.leadUnit!;
  const habits = town.habits.get(unit);
  const handler = handlerOf(town, unit, random);
  s.act(handler, 'start', {}, s.minutesLater(s.now, 40, 1));
  if (s.category.persistent && random.chance(0.05)) {
    const chief = town.chiefsByStation.get(s.facts.stationCode ?? '');
    if (chief) s.act(chief, 'escalate', { reason: '顽症反复出现，站点力量无法根治，请求中心协调' }, s.minutesLater(s.now, 240, 1), true);
  }
  const supervisor = town.supervisors.length > 0 ? random.pick(town.supervisors) : null;
  if (supervisor && random.chance(0.03)) s.act(supervisor, 'urge', { note: '请加快处置进度' }, s.after(s.now, 'handle', 0.3), true);
  if ((s.facts.escalationLevel === 'center' || s.facts.escalationLevel === 'leader') && town.leaders.length > 0 && random.chance(0.3)) {
    s.act(random.pick(town.leaders), 'instruct', { text: '请相关部门高度重视，限期解决并报结果' }, s.minutesLater(s.now, 120, 1), true);
  }
  if (random.chance(habits?.extendRate ?? 0.04)) {
    const limit = s.limit('handle');
    s.act(handler, 'extend', { reason: random.pick(reasons.extend), limit: { amount: limit.amount, unit: limit.unit } }, s.after(s.now, 'handle', 0.4 + random.next() * 0.5));
    const approver = random.chance(0.7) ? coordinator() : random.pick(town.leaders.length > 0 ? town.leaders : town.coordinators);
    const decideAt = s.minutesLater(s.now, 180, 1);
    if (random.chance(0.8)) s.act(approver, 'decide-extension', { decision: 'approve', limit: { amount: limit.amount, unit: limit.unit }, note: '同意延期' }, decideAt);
    else s.act(approver, 'decide-extension', { decision: 'refuse', reason: random.pick(reasons.refuse) }, decideAt);
  }
  if (random.chance(0.007)) {
    s.act(coordinator(), 'suspend', { reason: random.pick(reasons.suspend) }, s.after(s.now, 'handle', 0.5));
    s.act(coordinator(), 'resume', { note: '条件具备，恢复处置' }, s.now + Math.round((10 + random.next() * 80) * 86_400_000));
  }

  const closeCondition = s.category.limits.find((l) => l.urgency === s.urgency)?.closeCondition ?? '问题已解决';
  for (let rework = 0; ; rework++) {
    s.act(handler, 'feedback', { text: `已到现场处置：${closeCondition}，现场已恢复正常。` }, s.after(s.now, 'handle', rework > 0 ? s.share(habits) * 0.5 : s.share(habits)));
    const inspectors = town.inspectorsByStation.get(s.facts.stationCode ?? '');
    const verifier = inspectors && inspectors.length > 0 && random.chance(0.85) ? random.pick(inspectors) : dispatcher();
    const verifyAt = s.after(s.now, 'verify', s.share(undefined, 0.985));
    if (rework < 2 && random.chance(habits?.reworkRate ?? 0.08)) {
      s.act(verifier, 'verify', { result: 'fail', reason: random.pick(reasons.rework) }, verifyAt);
      continue;
    }
    s.act(verifier, 'verify', { result: 'pass', note: '现场核查已处置到位' }, verifyAt);
    break;
  }
  if (s.status() === 'verified') {
    const unhappy = 0.04 + 0.08 * s.facts.reworkCount + 0.05 * s.facts.returnCount + (s.clocks.some((c) => c.step === 'handle' && c.stoppedAt !== null && c.stoppedAt > c.dueAt) ? 0.1 : 0);
    const outcome = random.chance(0.06) ? 'unreachable' : random.chance(unhappy) ? 'dissatisfied' : 'satisfied';
    // the visitor judges why a citizen is dissatisfied: mostly how the case was handled
    const cause = outcome === 'dissatisfied' ? random.pick(dissatisfiedCausesSeen) : undefined;
    s.act(dispatcher(), 'visit', { outcome, ...(cause ? { cause } : {}), note: visitNotes[outcome] }, s.after(s.now, 'visit', s.share(undefined, 0.99)));
  }
  s.act(dispatcher(), 'close', { note: '结案' }, s.minutesLater(s.now, 30, 1));
}
