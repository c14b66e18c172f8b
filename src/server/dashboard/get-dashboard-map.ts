/**
 * GET /api/v1/dashboard/map: what the one screen's map draws — the located open cases (the most
 * urgent first, capped) and each inspector's last position, taken from where their latest own
 * report of the last 24 hours was made (the platform keeps no GPS track) — and the town's cameras and
 * sensors with their state (map-devices.ts).
 */
import { caseStatuses, isOpen } from '../../domain/case/vocabulary.js';
import type { DashboardInspectorDto, DashboardMapCaseDto, DashboardMapDto } from '../../contracts/dashboard.js';
import type { AppContext } from '../context.js';
import { locatedCasesIn, recentReportPositions } from '../db/repositories/dashboard-repository.js';
import { mapDevices } from './map-devices.js';

/** more markers than this would not be readable on one screen, clustered or not */
export const MAP_CASE_CAP = 3000;
const INSPECTOR_WINDOW_MS = 24 * 3_600_000;
/** reports looked at to find the inspectors' latest positions */
const INSPECTOR_REPORTS = 1000;
const openStatuses = caseStatuses.filter(isOpen);

export async function getDashboardMap(ctx: AppContext): Promise<DashboardMapDto> {
  const now = ctx.clock.now();
  const town = await ctx.town.current();
  const db = ctx.database.db;
  const since = new Date(now.getTime() - INSPECTOR_WINDOW_MS).toISOString();
  const [rows, reports, devices] = await Promise.all([
    locatedCasesIn(db, ctx.townId, openStatuses, MAP_CASE_CAP + 1),
    recentReportPositions(db, ctx.townId, 'inspector', 'inspector', since, INSPECTOR_REPORTS),
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
  // newest first: the first report seen of each inspector is their last position
  const inspectors = new Map<string, DashboardInspectorDto>();
  for (const r of reports) {
    if (!inspectors.has(r.actor_id)) inspectors.set(r.actor_id, { actorId: r.actor_id, name: r.actor_name, lng: r.lng, lat: r.lat, at: r.at, caseNo: r.case_no });
  }
  return { generatedAt: now.toISOString(), cases, truncated: rows.length > MAP_CASE_CAP, inspectors: [...inspectors.values()], devices };
}
