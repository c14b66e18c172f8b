/**
 * GET /api/v1/dashboard/map: what the one screen's map draws — the located open cases (the most
 * urgent first, capped), each inspector's last position of the last 24 hours (the fresher of their
 * latest GPS fix from the phone app and the place of their latest own report, grey when stale) — and
 * the town's cameras and sensors with their state (map-devices.ts).
 */
import { caseStatuses, isOpen } from '../../domain/case/vocabulary.js';
import type { DashboardInspectorDto, DashboardMapCaseDto, DashboardMapDto } from '../../contracts/dashboard.js';
import type { AppContext } from '../context.js';
import { freshestPosition, isStalePosition, POSITION_MAX_AGE_MS } from '../../domain/positions/index.js';
import { locatedCasesIn, recentReportPositions, type ReportPositionRow } from '../db/repositories/dashboard-repository.js';
import { latestInspectorPositions, type LatestInspectorPosition } from '../db/repositories/inspector-position-repository.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { mapDevices } from './map-devices.js';
import { withProps } from '../../domain/with-props.js';

/** more markers than this would not be readable on one screen, clustered or not */
export const MAP_CASE_CAP = 3000;
const INSPECTOR_WINDOW_MS = POSITION_MAX_AGE_MS;
/** reports looked at to find the inspectors' latest positions */
const INSPECTOR_REPORTS = 1000;
const openStatuses = caseStatuses.filter(isOpen);

export async function getDashboardMap(ctx: AppContext): Promise<DashboardMapDto> {
  const now = ctx.clock.now();
  const town = await ctx.town.current();
  const db = ctx.database.db;
  const since = new Date(now.getTime() - INSPECTOR_WINDOW_MS).toISOString();
  const [rows, reports, fixes, devices] = await Promise.all([
    locatedCasesIn(db, ctx.townId, openStatuses, MAP_CASE_CAP + 1),
    recentReportPositions(db, ctx.townId, 'inspector', 'inspector', since, INSPECTOR_REPORTS),
    latestInspectorPositions(db, ctx.townId, since),
    mapDevices(db, ctx.townId, town, openStatuses, now),
  ]);
  const cases: DashboardMapCaseDto[] = rows.slice(0, MAP_CASE_CAP).map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    lng: r.lng,
    lat: r.lat,
    status: r.status,
    deadlineState: r.deadline_state as DashboardMapCaseDto['deadlineState'],
    urgency: r.urgency,
    categoryName: r.category_code ? (town.categories.get(r.category_code)?.name ?? null) : null,
    stationName: r.station_code ? (town.stationNames.get(r.station_code) ?? null) : null,
    leadUnitName: r.lead_unit ? (town.units.get(r.lead_unit)?.name ?? null) : null,
    reportedAt: r.reported_at,
  }));
  return { generatedAt: now.toISOString(), cases, truncated: rows.length > MAP_CASE_CAP, inspectors: inspectorsOf(town, reports, fixes, now), devices };
}

/** Each inspector once: the fresher of their latest GPS fix and their latest report (reports come newest first). */
function inspectorsOf(town: TownSnapshot, reports: readonly ReportPositionRow[], fixes: readonly LatestInspectorPosition[], now: Date): DashboardInspectorDto[] {
  const latestReport = new Map<string, ReportPositionRow>();
  for (const r of reports) if (!latestReport.has(r.actor_id)) latestReport.set(r.actor_id, r);
  const fixOf = new Map(fixes.map((f) => [f.user_id, f]));
  const out: DashboardInspectorDto[] = [];
  for (const id of new Set([...fixOf.keys(), ...latestReport.keys()])) {
    const fix = fixOf.get(id);
    const report = latestReport.get(id);
    const pick = freshestPosition(fix && withProps(fix, { at: fix.recorded_at }), report);
    if (!pick) continue;
    const stationCode = fix?.station_code ?? report?.station_code ?? null;
    const common = {
      actorId: id,
      // named as the record names people (see recordActor): the person, with the account
      name: fix ? (fix.display_name !== fix.username ? `${fix.display_name}（${fix.username}）` : fix.username) : report!.actor_name,
      stationName: stationCode ? (town.stationNames.get(stationCode) ?? null) : null,
      lng: pick.position.lng,
      lat: pick.position.lat,
      at: pick.position.at,
      stale: isStalePosition(pick.position.at, now),
    };
    out.push(
      pick.source === 'gps'
        ? withProps(common, { source: 'gps' as const, accuracy: pick.position.accuracy_m, caseNo: null })
        : withProps(common, { source: 'report' as const, accuracy: null, caseNo: pick.position.case_no }),
    );
  }
  // the freshest first
  return out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.actorId.localeCompare(b.actorId));
}
