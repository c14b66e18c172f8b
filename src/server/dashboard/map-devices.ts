/**
 * The screen map's cameras and sensors: the profile's devices (from the town snapshot) with their
 * state, derived from one query over the open cases of the device channels (video patrol, video
 * analytics, sensors): a device with an open case reported through it is in alarm.
 */
import type { DashboardDeviceDto } from '../../contracts/dashboard.js';
import { deviceChannels, deviceIdOf, statesOf } from '../../domain/devices/device-state.js';
import type { Kysely } from 'kysely';
import { openCasesOfChannels } from '../db/repositories/device-repository.js';
import type { DB } from '../db/schema.js';
import { locateIn, type TownSnapshot } from '../services/town-snapshot.js';

/** cases listed in a device's summary */
const CASES_PER_DEVICE = 5;

export async function mapDevices(db: Kysely<DB>, townId: string, town: TownSnapshot, openStatuses: readonly string[], now: Date): Promise<DashboardDeviceDto[]> {
  if (town.devices.length === 0) return [];
  const rows = await openCasesOfChannels(db, townId, deviceChannels, openStatuses);
  const open = rows.flatMap((r) => {
    const deviceId = deviceIdOf(r.channel, JSON.parse(r.channel_data) as Record<string, unknown>);
    return deviceId === null ? [] : [{ id: r.id, deviceId, reportedAt: r.reported_at, row: r }];
  });
  const states = statesOf(town.devices.map((d) => d.id), open);
  return town.devices.map((d) => {
    const place = locateIn(town, d.lng, d.lat, now);
    const s = states.get(d.id)!;
    return {
      id: d.id,
      kind: d.kind,
      name: d.name,
      lng: d.lng,
      lat: d.lat,
      metrics: d.metrics,
      gridName: d.gridCode ? (town.gridNames.get(d.gridCode) ?? place?.gridName ?? null) : (place?.gridName ?? null),
      stationName: place?.stationName ?? null,
      state: s.state,
      openCases: s.cases.length,
      cases: s.cases.slice(0, CASES_PER_DEVICE).map(({ row: r }) => ({
        id: r.id,
        caseNo: r.case_no,
        status: r.status,
        deadlineState: r.deadline_state as DashboardDeviceDto['cases'][number]['deadlineState'],
        categoryName: r.category_code ? (town.categories.get(r.category_code)?.name ?? null) : null,
        reportedAt: r.reported_at,
      })),
    };
  });
}
