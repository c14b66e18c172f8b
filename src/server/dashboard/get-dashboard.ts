/**
 * GET /api/v1/dashboard: the one screen's snapshot, read from the counters in a handful of key-range
 * reads (never a GROUP BY over the cases), plus the latest alerts from the head of the record.
 */
import { channels } from '../../domain/case/vocabulary.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { isInForce } from '../../domain/profile/effective-station.js';
import {
  ALL,
  alertKindOf,
  bucketOf,
  dashboardDims,
  flowFigures,
  gaugeFigures,
  hoursOfDay,
  lookupIn,
  NONE,
  NOW_BUCKET,
  rankDepartments,
  recentBuckets,
  counterKey,
  type DashboardDim,
} from '../../domain/dashboard/index.js';
import type { DashboardAlertDto, DashboardDto } from '../../contracts/dashboard.js';
import type { AppContext } from '../context.js';
import { findOpenPeriod } from '../db/repositories/command-mode-repository.js';
import { presentPeriod } from '../presenters/command-mode.js';
import { chainHead } from '../db/repositories/case-event-repository.js';
import { countersIn, recentAlertEvents, type AlertCandidate } from '../db/repositories/dashboard-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { withProps } from '../../domain/with-props.js';

const ALERT_LIMIT = 20;
/** how far back in the record the ticker looks for alerts */
const ALERT_WINDOW = 400;

function alertOf(e: AlertCandidate, town: TownSnapshot): DashboardAlertDto | null {
  const kind = alertKindOf({ action: e.action, data: JSON.parse(e.data) as { threshold?: unknown }, urgency: e.urgency, status: e.status });
  if (!kind) return null;
  return {
    caseId: e.case_id,
    caseNo: e.case_no,
    kind,
    at: e.at,
    categoryName: e.category_code ? (town.categories.get(e.category_code)?.name ?? null) : null,
    stationCode: e.station_code,
    stationName: e.station_code ? (town.stationNames.get(e.station_code) ?? null) : null,
    text: e.description.length > 60 ? `${e.description.slice(0, 60)}…` : e.description,
  };
}

function trendLabel(bucket: string): string {
  if (bucket.startsWith('h:')) return bucket.slice(-2);
  if (bucket.startsWith('d:')) return bucket.slice(7);
  return bucket.slice(2);
}

export async function getDashboard(ctx: AppContext): Promise<DashboardDto> {
  const now = ctx.clock.now();
  const town = await ctx.town.current();
  const today = bucketOf('d', now);
  const month = bucketOf('m', now);
  const hours = hoursOfDay(now);
  const days = recentBuckets('d', now, 30);
  const weeks = recentBuckets('w', now, 12);
  const db = ctx.database.db;
  const head = await chainHead(db, ctx.townId);
  const [current, trendRows, alertRows, commandPeriod] = await Promise.all([
    countersIn(db, ctx.townId, dashboardDims, [NOW_BUCKET, today, month]),
    countersIn(db, ctx.townId, ['town'], [...hours, ...days, ...weeks]),
    recentAlertEvents(db, ctx.townId, ALERT_WINDOW),
    findOpenPeriod(db, ctx.townId),
  ]);
  const counters = new Map<string, number>();
  for (const r of [...current, ...trendRows]) counters.set(counterKey({ dim: r.dim as DashboardDim, key: r.key, bucket: r.bucket, metric: r.metric }), Number(r.n));
  const get = lookupIn(counters);
  const keysOf = (dim: DashboardDim) => new Set(current.filter((r) => r.dim === dim && Number(r.n) !== 0).map((r) => r.key));

  const byStatus: Record<string, number> = {};
  for (const r of current) if (r.dim === 'town' && r.bucket === NOW_BUCKET && r.metric.startsWith('status:')) byStatus[r.metric.slice(7)] = Number(r.n);
  const townGauges = gaugeFigures(get, 'town', ALL);

  const localDate = localDateOf(now);
  const stationNames = town.stationNames;
  const stations = town.stations
    .filter((s) => !s.temporary || isInForce(s, localDate) || keysOf('station').has(s.code))
    .map((s) => {
      const g = gaugeFigures(get, 'station', s.code);
      return Object.assign({ code: s.code, name: stationNames.get(s.code) ?? s.code, temporary: s.temporary }, g, { today: flowFigures(get, 'station', s.code, today) });
    });

  const categoryCodes = new Set([...keysOf('category')].filter((k) => k !== NONE));
  const topCategories = [...categoryCodes]
    .map((code) => ({ code, name: town.categories.get(code)?.name ?? code, todayNew: get('category', code, today, 'new'), open: get('category', code, NOW_BUCKET, 'open') }))
    .sort((a, b) => b.todayNew - a.todayNew || b.open - a.open || a.code.localeCompare(b.code))
    .slice(0, 10);

  const departments = rankDepartments(
    [...town.units.values()].map((u) => {
      const monthFlow = flowFigures(get, 'dept', u.code, month);
      return { code: u.code, name: u.name, open: get('dept', u.code, NOW_BUCKET, 'open'), red: get('dept', u.code, NOW_BUCKET, 'deadline:red'), month: monthFlow, onTimeRate: monthFlow.onTimeRate };
    }),
  ).map(({ onTimeRate: _rate, ...d }) => d);

  const trend = (buckets: string[]) => buckets.map((b) => ({ bucket: b, label: trendLabel(b), new: get('town', ALL, b, 'new'), closed: get('town', ALL, b, 'closed') }));
  const alerts: DashboardAlertDto[] = [];
  const seen = new Set<string>();
  for (const e of alertRows) {
    if (alerts.length >= ALERT_LIMIT) break;
    const a = alertOf(e, town);
    if (!a || seen.has(`${a.caseId}|${a.kind}`)) continue;
    seen.add(`${a.caseId}|${a.kind}`);
    alerts.push(a);
  }

  return {
    generatedAt: now.toISOString(),
    date: localDate,
    lastSeq: head?.seq ?? 0,
    town: { code: ctx.townId, name: town.name },
    now: withProps(townGauges, { byStatus }),
    today: flowFigures(get, 'town', ALL, today),
    byChannel: channels.map((channel) => ({ channel, open: get('channel', channel, NOW_BUCKET, 'open'), today: flowFigures(get, 'channel', channel, today) })),
    stations,
    topCategories,
    departments,
    trends: { hourly: trend(hours), daily: trend(days), weekly: trend(weeks) },
    alerts,
    commandMode: commandPeriod ? presentPeriod(commandPeriod) : null,
  };
}
