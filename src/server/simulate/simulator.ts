/**
 * `cityops simulate`: drives a running server through its public API as the town would — hotline
 * orders on the daily curve, inspectors' patrol reports by day, camera and sensor alarms — and
 * moves each case it created through the loop with the delays people take (compressed by the
 * speed-up): the center registers and dispatches, units accept (or return), handle, feed back,
 * inspectors verify (some fail → rework), the center visits back and closes. Doubles as a load
 * generator: `speed: 'max'` fires the plan as fast as the server answers, `rps` takes intake at a
 * fixed rate.
 */
import { createWorkCalendar } from '../../domain/calendar/index.js';
import type { CaseStatus, Channel } from '../../domain/case/index.js';
import { createGridIndex, bboxOf, toMultiPolygon, type BBox, type GridIndex, type PolygonalGeometry } from '../../domain/geo/index.js';
import { categoryWeights, type MixCategory } from '../../domain/traffic/case-mix.js';
import { devicesFor, measuredOnly, type SimDevice } from '../../domain/traffic/device-pick.js';
import { planIntake, type PlannedIntake } from '../../domain/traffic/intake-plan.js';
import { nextStepDelay } from '../../domain/traffic/loop-delays.js';
import { describe as describeCase, placeOf, sensorReading, videoAlgorithm } from '../../domain/traffic/phrases.js';
import { createRandom, type Random } from '../../domain/traffic/random.js';
import { channelMix } from '../../domain/traffic/traffic-shape.js';
import { SimSession, SimStats, type Answer } from './sim-client.js';

export interface SimulateOptions {
  url: string;
  /** simulated seconds per real second, or 'max': every step as soon as the server answers */
  speed: number | 'max';
  /** real run time (with speed 'max': the simulated window whose plan is fired) */
  durationMs: number;
  seed: number;
  /** multiplies the town's daily intake (300 reports on an average day) */
  rateScale: number;
  /** fixed intake rate per second instead of the daily curve (load generation) */
  rps?: number;
  password: string;
  /** an API key for intake instead of the dispatcher's session */
  apiKey?: string;
  concurrency: number;
  onProgress?: (p: SimProgress) => void;
  /** stop early (e.g. Ctrl-C) */
  signal?: AbortSignal;
}

export interface SimProgress {
  simulatedAt: Date;
  elapsedMs: number;
  requests: number;
  created: number;
  closed: number;
  errorsByCode: Map<string, number>;
  serverErrors: number;
}

export interface SimReport {
  created: number;
  closed: number;
  /** last known status of every case the run created */
  byStatus: Record<string, number>;
  /** how many of the run's cases were seen in each status at some point (a closed case passed the whole loop) */
  reached: Record<string, number>;
  /** cases whose lead unit has no account here: they wait for the unit (and the deadline sweep) */
  waitingForUnit: number;
  requests: number;
  byHttpStatus: Record<string, number>;
  errorsByCode: Record<string, number>;
  networkErrors: number;
  serverErrors: number;
  elapsedMs: number;
  simulatedMs: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export const TOWN_REPORTS_PER_DAY = 300;
const DEMO_ACCOUNTS = ['dispatcher', 'coordinator', 'leader', 'inspector1', 'station1', 'cgzd', 'scs'] as const;

interface Actor {
  session: SimSession;
  role: string;
  stationCode: string | null;
  departmentCode: string | null;
}

interface SimCase {
  id: string;
  categoryCode: string;
  status: CaseStatus;
  leadUnit: string | null;
  stationCode: string | null;
  designated: boolean;
  returnCount: number;
  extensionPending: boolean;
  routing: { kind: string; candidates: string[] } | null;
  failures: number;
  /** every status the case was seen in */
  seen: Set<CaseStatus>;
}

interface Task {
  due: number;
  run: () => Promise<void>;
}

interface Grid {
  code: string;
  name: string;
  stationCode: string;
  box: BBox;
}

/** A binary heap of tasks by due time. */
class Agenda {
  private readonly heap: Task[] = [];
  get size(): number {
    return this.heap.length;
  }
  peek(): Task | undefined {
    return this.heap[0];
  }
  push(task: Task): void {
    const h = this.heap;
    h.push(task);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]!.due <= h[i]!.due) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): Task | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.due < h[m]!.due) m = l;
        if (r < h.length && h[r]!.due < h[m]!.due) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (a: Answer) => a.status >= 200 && a.status < 300;

export class SimulationError extends Error {}

export async function simulate(options: SimulateOptions): Promise<SimReport> {
  const stats = new SimStats();
  const random = createRandom(options.seed);
  const base = options.url.replace(/\/$/, '');

  // who acts: the demo accounts that exist here
  const actors = new Map<string, Actor>();
  for (const username of DEMO_ACCOUNTS) {
    const session = await SimSession.login(base, username, options.password, stats);
    if (!session) continue;
    const me = (await session.get('/api/v1/session')).body as { actor?: { role: string; stationCode: string | null; departmentCode: string | null } };
    if (me.actor) actors.set(username, { session, role: me.actor.role, stationCode: me.actor.stationCode, departmentCode: me.actor.departmentCode });
  }
  const dispatcher = actors.get('dispatcher');
  if (!dispatcher) throw new SimulationError(`cannot log in as dispatcher at ${base} (demo accounts exist only outside production; password: --password)`);
  const intakeSession = options.apiKey ? SimSession.withApiKey(base, options.apiKey, stats) : dispatcher.session;
  const coordinator = actors.get('coordinator');

  // the town, through the API
  const [categoriesRes, gridsRes, departmentsRes] = await Promise.all([dispatcher.session.get('/api/v1/categories'), dispatcher.session.get('/api/v1/grids'), dispatcher.session.get('/api/v1/departments')]);
  if (!ok(categoriesRes) || !ok(gridsRes) || !ok(departmentsRes)) throw new SimulationError(`cannot read the town from ${base}: ${categoriesRes.status}/${gridsRes.status}/${departmentsRes.status}`);
  const categories = (categoriesRes.body as Array<MixCategory & { owner: string; lead: string | null }>).sort((a, b) => a.code.localeCompare(b.code));
  const features = (gridsRes.body as { features: Array<{ properties: { code: string; name: string; stationCode: string }; geometry: PolygonalGeometry }> }).features;
  const departments = departmentsRes.body as Array<{ code: string; kind: string; stationCode: string | null }>;
  const gridIndex: GridIndex = createGridIndex(features.map((f) => ({ properties: f.properties, geometry: f.geometry })));
  const grids: Grid[] = features.map((f) => ({ code: f.properties.code, name: f.properties.name, stationCode: f.properties.stationCode, box: bboxOf(toMultiPolygon(f.geometry)) }));
  if (grids.length === 0 || categories.length === 0) throw new SimulationError('the town has no grids or no categories');
  // the profile's cameras and sensors (devices.yaml), as the screen's map serves them: camera and
  // sensor reports come through them; a town without devices gets invented ids as before
  const mapRes = await dispatcher.session.get('/api/v1/dashboard/map');
  const devices: SimDevice[] = ok(mapRes) ? ((mapRes.body as { devices?: SimDevice[] }).devices ?? []) : [];

  // which unit each account acts for (a station chief acts for the station's own team)
  const unitActors = new Map<string, Actor>();
  for (const a of actors.values()) {
    if (a.role === 'department_handler' && a.departmentCode) unitActors.set(a.departmentCode, a);
    if (a.role === 'station_chief' && a.stationCode) {
      const team = departments.find((d) => d.kind === 'station_team' && d.stationCode === a.stationCode);
      if (team) unitActors.set(team.code, a);
    }
  }
  const inspector = [...actors.values()].find((a) => a.role === 'inspector' && a.stationCode);
  const leader = actors.get('leader');
  // more of the reports concern units someone here acts for, so the loop is seen moving
  const handled = (c: { owner: string; lead: string | null }) => unitActors.has(c.lead ?? c.owner);
  const weightsByChannel = new Map<Channel, number[]>();
  for (const channel of Object.keys(channelMix) as Channel[]) {
    const weights = categoryWeights(channel, categories).map((w, i) => w * (handled(categories[i]!) ? 4 : 1));
    weightsByChannel.set(channel, channel === 'sensor' ? measuredOnly(weights, categories, devices) : weights);
  }

  const pointIn = (grid: Grid, r: Random): [number, number] => {
    for (let i = 0; i < 200; i++) {
      const lng = Math.round((grid.box.minLng + r.next() * (grid.box.maxLng - grid.box.minLng)) * 1e6) / 1e6;
      const lat = Math.round((grid.box.minLat + r.next() * (grid.box.maxLat - grid.box.minLat)) * 1e6) / 1e6;
      if (gridIndex.locate(lng, lat)?.gridCode === grid.code) return [lng, lat];
    }
    return [(grid.box.minLng + grid.box.maxLng) / 2, (grid.box.minLat + grid.box.maxLat) / 2];
  };

  const realStart = Date.now();
  const simStart = realStart;
  const speed = options.speed === 'max' ? Infinity : options.speed;
  const simulatedSpan = options.speed === 'max' ? options.durationMs : options.durationMs * speed;
  const realEnd = options.speed === 'max' ? Infinity : realStart + options.durationMs;
  const toReal = (simMs: number) => (options.speed === 'max' ? realStart : realStart + simMs / speed);
  const simNow = () => (options.speed === 'max' ? simStart + simulatedSpan * Math.min(1, intakeDone / Math.max(1, intakeTotal)) : simStart + (Date.now() - realStart) * speed);

  const agenda = new Agenda();
  const cases = new Map<string, SimCase>();
  let created = 0;
  let closed = 0;
  let intakeDone = 0;
  let waitingForUnit = 0;
  let n = 0;

  // the intake plan: the town's daily curve over the simulated window, or a fixed rate
  let plan: PlannedIntake[];
  if (options.rps) {
    const count = Math.floor((options.durationMs / 1000) * options.rps);
    const channels = Object.keys(channelMix) as Channel[];
    const weights = channels.map((c) => channelMix[c]);
    plan = Array.from({ length: count }, (_, i) => ({ at: simStart + (i * 1000) / options.rps!, channel: channels[random.weighted(weights)]! }));
  } else {
    const calendar = createWorkCalendar({ overrides: [], workday: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] } });
    plan = planIntake(random.fork(1), simStart, simStart + simulatedSpan, TOWN_REPORTS_PER_DAY * options.rateScale, (d) => calendar.dayKind(d).kind);
  }
  const intakeTotal = plan.length;
  const realOf = (p: PlannedIntake) => (options.rps ? p.at : toReal(p.at - simStart));

  const schedule = (c: SimCase) => {
    const delay = nextStepDelay(c.status, random);
    if (delay === null) return;
    agenda.push({ due: Number.isFinite(speed) ? Date.now() + delay / speed : Date.now(), run: () => step(c) });
  };

  const absorb = (c: SimCase, body: unknown) => {
    const d = body as { status: CaseStatus; leadUnit: { code: string } | null; station: { code: string } | null; designated: boolean; returnCount: number; extensionPending: boolean; routing: SimCase['routing'] };
    const wasOpen = c.status !== 'closed';
    c.status = d.status;
    c.seen.add(d.status);
    c.leadUnit = d.leadUnit?.code ?? null;
    c.stationCode = d.station?.code ?? null;
    c.designated = d.designated;
    c.returnCount = d.returnCount;
    c.extensionPending = d.extensionPending;
    c.routing = d.routing;
    if (wasOpen && c.status === 'closed') closed++;
  };

  const act = async (c: SimCase, who: Actor, action: string, body: Record<string, unknown> = {}): Promise<void> => {
    const res = await who.session.post(`/api/v1/cases/${c.id}/actions/${action}`, body);
    if (ok(res)) {
      c.failures = 0;
      absorb(c, res.body);
      schedule(c);
      return;
    }
    // refused (someone else moved it, or a rule said no): look again and carry on from there
    if (++c.failures > 3) return;
    const again = await dispatcher.session.get(`/api/v1/cases/${c.id}`);
    if (ok(again)) absorb(c, again.body);
    schedule(c);
  };

  const step = async (c: SimCase): Promise<void> => {
    switch (c.status) {
      case 'reported':
        if (random.chance(0.03)) return act(c, dispatcher, 'void', { reason: '经核实问题不存在' });
        return act(c, dispatcher, 'register', { categoryCode: c.categoryCode });
      case 'registered':
      case 'returned': {
        if (c.routing?.kind === 'auto' && c.returnCount < 2) return act(c, dispatcher, 'dispatch', {});
        const unit = c.routing?.candidates[0];
        if (!coordinator || !unit) return;
        return act(c, coordinator, 'designate', { leadUnit: unit, reason: c.returnCount > 0 ? '多次退单，按首接责任制指定' : '职责不明确，指定承办单位' });
      }
      case 'dispatched': {
        const unit = c.leadUnit ? unitActors.get(c.leadUnit) : undefined;
        if (!unit) {
          waitingForUnit++;
          return;
        }
        if (!c.designated && random.chance(0.05)) return act(c, unit, 'return', { reason: '不属于本单位职责' });
        return act(c, unit, 'accept', {});
      }
      case 'accepted': {
        const unit = unitActors.get(c.leadUnit ?? '');
        return unit ? act(c, unit, 'start', {}) : undefined;
      }
      case 'handling': {
        const unit = unitActors.get(c.leadUnit ?? '');
        if (!unit) return;
        if (c.extensionPending) return coordinator ? act(c, random.chance(0.8) || !leader ? coordinator : leader, 'decide-extension', { decision: 'approve' }) : act(c, unit, 'feedback', { text: '已处置完毕，现场恢复正常。' });
        if (random.chance(0.03)) return act(c, unit, 'extend', { reason: '需采购材料，工期较长', limit: { amount: 2, unit: 'workDay' } });
        return act(c, unit, 'feedback', { text: '已到现场处置完毕，现场恢复正常。' });
      }
      case 'feedback': {
        const who = inspector && inspector.stationCode === c.stationCode ? inspector : dispatcher;
        if (random.chance(0.1)) return act(c, who, 'verify', { result: 'fail', reason: '现场仍有残留，整改不到位' });
        return act(c, who, 'verify', { result: 'pass', note: '现场核查已处置到位' });
      }
      case 'verified': {
        const outcome = random.chance(0.85) ? 'satisfied' : random.chance(0.5) ? 'dissatisfied' : 'unreachable';
        return act(c, dispatcher, 'visit', { outcome });
      }
      case 'visited':
        return act(c, dispatcher, 'close', {});
      default:
        return;
    }
  };

  const intake = async (p: PlannedIntake): Promise<void> => {
    const r = random;
    const category = categories[r.weighted(weightsByChannel.get(p.channel)!)]!;
    const local = p.channel === 'inspector' && inspector ? grids.filter((g) => g.stationCode === inspector.stationCode) : grids;
    const fitting = devicesFor(p.channel, category, devices);
    const device = fitting.length > 0 ? r.pick(fitting) : undefined;
    const deviceGrid = device ? grids.find((g) => g.code === gridIndex.locate(device.lng, device.lat)?.gridCode) : undefined;
    const grid = deviceGrid ?? r.pick(local.length > 0 ? local : grids);
    const [lng, lat] = device && deviceGrid ? [device.lng, device.lat] : pointIn(grid, r);
    const place = device && deviceGrid ? device.name : placeOf(grid.name, r);
    const reading = p.channel === 'sensor' ? sensorReading(category, r) : undefined;
    const score = p.channel === 'video_ai' ? Math.round((0.62 + r.next() * 0.37) * 1000) / 1000 : undefined;
    const body: Record<string, unknown> = { channel: p.channel, description: describeCase(p.channel, category, place, r, { reading, score }), location: { lng, lat }, address: place };
    const heard = p.channel === 'hotline_12345' || p.channel === 'hotline_12319' || p.channel === 'police_110' || p.channel === 'citizen';
    if (!heard) body.categoryCode = category.code;
    if (heard && r.chance(0.9)) body.reporter = { name: `${r.pick(['王', '李', '张', '陈', '沈', '黄'])}${r.chance(0.5) ? '先生' : '女士'}`, phone: `139${String(r.int(1e8)).padStart(8, '0')}` };
    const seq = ++n;
    const channelData: Record<string, Record<string, unknown>> = {
      hotline_12345: { orderNo: `SIM${options.seed}-${simStart}-${seq}`, callType: 'complaint' },
      hotline_12319: { orderNo: `SIM${options.seed}-${simStart}-${seq}`, callType: 'complaint' },
      police_110: { alarmNo: `SIM${options.seed}-${simStart}-${seq}`, kind: 'complaint' },
      video_ai: { cameraId: device?.id ?? `CAM-${grid.code.slice(-6)}-01`, algorithm: videoAlgorithm(category), score: score ?? 0.9 },
      video_patrol: { cameraId: device?.id ?? `CAM-${grid.code.slice(-6)}-02` },
      sensor: { deviceId: device?.id ?? `IOT-${category.code}-${grid.code.slice(-6)}`, metric: reading?.metric ?? '告警', value: reading?.value ?? 1, threshold: reading?.threshold ?? 0, unit: reading?.unit ?? '次' },
      inspector: { gridCode: grid.code },
      department: { departmentCode: category.owner },
      leader: { leaderName: '镇领导' },
    };
    if (channelData[p.channel]) body.channelData = channelData[p.channel];
    if (p.channel === 'hotline_12345' || p.channel === 'hotline_12319' || p.channel === 'police_110') body.externalId = `SIM${options.seed}-${simStart}-${seq}`;
    const by = p.channel === 'inspector' && inspector ? inspector.session : p.channel === 'leader' && leader ? leader.session : intakeSession;
    const res = await by.post('/api/v1/cases', body);
    intakeDone++;
    if (!ok(res)) return;
    created++;
    const c: SimCase = { id: (res.body as { id: string }).id, categoryCode: category.code, status: 'reported', leadUnit: null, stationCode: null, designated: false, returnCount: 0, extensionPending: false, routing: null, failures: 0, seen: new Set(['reported']) };
    absorb(c, res.body);
    cases.set(c.id, c);
    schedule(c);
  };

  for (const p of plan) agenda.push({ due: realOf(p), run: () => intake(p) });

  // the loop: start what is due, at most `concurrency` requests at a time
  let inFlight = 0;
  let lastProgress = 0;
  const report = () =>
    options.onProgress?.({ simulatedAt: new Date(simNow()), elapsedMs: Date.now() - realStart, requests: stats.requests, created, closed, errorsByCode: stats.errorsByCode, serverErrors: stats.count((s) => s >= 500) });
  for (;;) {
    const now = Date.now();
    if (now >= realEnd || options.signal?.aborted) break;
    if (options.speed === 'max' && agenda.size === 0 && inFlight === 0) break;
    if (now - lastProgress >= 100) {
      lastProgress = now;
      report();
    }
    const next = agenda.peek();
    if (next && next.due <= now && inFlight < options.concurrency) {
      agenda.pop();
      inFlight++;
      void next.run().finally(() => inFlight--);
      continue;
    }
    await sleep(next && inFlight < options.concurrency ? Math.min(50, Math.max(1, next.due - now)) : 5);
  }
  while (inFlight > 0) await sleep(10);
  report();

  const byStatus: Record<string, number> = {};
  const reached: Record<string, number> = {};
  for (const c of cases.values()) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    for (const s of c.seen) reached[s] = (reached[s] ?? 0) + 1;
  }
  const elapsedMs = Date.now() - realStart;
  return {
    created,
    closed,
    byStatus,
    reached,
    waitingForUnit,
    requests: stats.requests,
    byHttpStatus: Object.fromEntries([...stats.byStatus].map(([s, c]) => [String(s), c])),
    errorsByCode: Object.fromEntries(stats.errorsByCode),
    networkErrors: stats.networkErrors,
    serverErrors: stats.count((s) => s >= 500),
    elapsedMs,
    simulatedMs: options.speed === 'max' ? simulatedSpan : elapsedMs * speed,
    requestsPerSecond: stats.requests / (elapsedMs / 1000),
    latencyMs: { p50: stats.percentile(50), p90: stats.percentile(90), p99: stats.percentile(99), max: stats.percentile(100) },
  };
}
