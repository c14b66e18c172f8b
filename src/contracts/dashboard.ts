/** 一屏观全镇: the live command dashboard's snapshot (GET /api/v1/dashboard). */
import { z } from 'zod';
import { deviceStates } from '../domain/devices/device-state.js';
import { commandPeriodDto } from './command-mode.js';
import { deviceKinds } from '../domain/profile/schema.js';

const count = z.number().int();
/** a share 0…1, or null when there is nothing to divide by */
const rate = z.number().min(0).max(1).nullable();

export const dashboardFlowDto = z.object({
  new: count,
  registered: count,
  dispatched: count,
  closed: count,
  closedOnTime: count,
  voided: count,
  /** closed on time ÷ closed */
  onTimeRate: rate,
  visits: z.object({ satisfied: count, dissatisfied: count, unreachable: count }),
  /** satisfied ÷ (satisfied + dissatisfied); unreachable citizens are not asked */
  satisfactionRate: rate,
});
export type DashboardFlowDto = z.infer<typeof dashboardFlowDto>;

export const dashboardLightsDto = z.object({ green: count, yellow: count, red: count });

export const dashboardStationDto = z.object({
  code: z.string(),
  name: z.string(),
  temporary: z.boolean(),
  open: count,
  /** accepted + handling */
  inHandling: count,
  urgent: count,
  lights: dashboardLightsDto,
  today: dashboardFlowDto,
});

export const dashboardDepartmentDto = z.object({
  code: z.string(),
  name: z.string(),
  open: count,
  red: count,
  /** this month */
  month: dashboardFlowDto,
  /** 1 = best: on-time rate this month, then fewer red, then fewer open */
  rank: count,
});

export const dashboardAlertDto = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  kind: z.enum(['red', 'urgent', 'escalated']),
  at: z.string(),
  categoryName: z.string().nullable(),
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  text: z.string(),
});
export type DashboardAlertDto = z.infer<typeof dashboardAlertDto>;

const trendPoint = z.object({ bucket: z.string(), label: z.string(), new: count, closed: count });

export const dashboardDto = z.object({
  generatedAt: z.string(),
  /** the local date the "today" figures are for */
  date: z.string(),
  /** the record's last event seq when the snapshot was taken: resume the stream after it */
  lastSeq: count,
  town: z.object({ code: z.string(), name: z.string() }),
  now: z.object({
    open: count,
    /** accepted + handling */
    inHandling: count,
    urgent: count,
    lights: dashboardLightsDto,
    byStatus: z.record(z.string(), count),
  }),
  today: dashboardFlowDto,
  byChannel: z.array(z.object({ channel: z.string(), open: count, today: dashboardFlowDto })),
  stations: z.array(dashboardStationDto),
  topCategories: z.array(z.object({ code: z.string(), name: z.string(), todayNew: count, open: count })),
  departments: z.array(dashboardDepartmentDto),
  trends: z.object({ hourly: z.array(trendPoint), daily: z.array(trendPoint), weekly: z.array(trendPoint) }),
  alerts: z.array(dashboardAlertDto),
  /** the command mode in force (R9), null under daily command: the screen's banner */
  commandMode: commandPeriodDto.nullable(),
});
export type DashboardDto = z.infer<typeof dashboardDto>;

/** An open case on the screen's map (GET /api/v1/dashboard/map). */
export const dashboardMapCaseDto = z.object({
  id: z.string(),
  caseNo: z.string(),
  lng: z.number(),
  lat: z.number(),
  status: z.string(),
  deadlineState: z.enum(['green', 'yellow', 'red', 'done']),
  urgency: z.string(),
  categoryName: z.string().nullable(),
  stationName: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  reportedAt: z.string(),
});
export type DashboardMapCaseDto = z.infer<typeof dashboardMapCaseDto>;

/**
 * An inspector's last known position in the last 24 hours: the fresher of their latest GPS fix from
 * the phone app (`gps`) and the place of their latest own report (inspector channel, `report`).
 */
export const dashboardInspectorDto = z.object({
  actorId: z.string(),
  name: z.string(),
  /** the station the inspector's account works for */
  stationName: z.string().nullable(),
  lng: z.number(),
  lat: z.number(),
  /** the fix's device time (gps) or the report's time (report) */
  at: z.string(),
  source: z.enum(['gps', 'report']),
  /** older than 15 minutes (POSITION_STALE_MS): the screen draws it grey */
  stale: z.boolean(),
  /** gps: the phone's accuracy radius in metres, when it gave one */
  accuracy: z.number().nullable(),
  /** report: the case reported there */
  caseNo: z.string().nullable(),
});
export type DashboardInspectorDto = z.infer<typeof dashboardInspectorDto>;

/** An open case reported through a device (its summary on the map). */
export const dashboardDeviceCaseDto = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: z.string(),
  deadlineState: z.enum(['green', 'yellow', 'red', 'done']),
  categoryName: z.string().nullable(),
  reportedAt: z.string(),
});

/**
 * A camera or sensor of the profile (devices.yaml) with its state, derived from the record: `alarm`
 * while a case reported through it (its cameraId/deviceId) is open, `normal` otherwise. The devices
 * send no heartbeat to the platform, so it does not claim to know whether one is offline.
 */
export const dashboardDeviceDto = z.object({
  id: z.string(),
  kind: z.enum(deviceKinds),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  /** sensors: what they measure */
  metrics: z.array(z.string()),
  gridName: z.string().nullable(),
  stationName: z.string().nullable(),
  state: z.enum(deviceStates),
  openCases: count,
  /** its newest open cases (at most 5) */
  cases: z.array(dashboardDeviceCaseDto),
});
export type DashboardDeviceDto = z.infer<typeof dashboardDeviceDto>;

export const dashboardMapDto = z.object({
  generatedAt: z.string(),
  /** located open cases, the most urgent first (red, yellow, green, untimed; then newest), capped */
  cases: z.array(dashboardMapCaseDto),
  /** more located open cases exist than were sent */
  truncated: z.boolean(),
  inspectors: z.array(dashboardInspectorDto),
  /** the town's cameras and sensors with their state, in id order */
  devices: z.array(dashboardDeviceDto),
});
export type DashboardMapDto = z.infer<typeof dashboardMapDto>;
