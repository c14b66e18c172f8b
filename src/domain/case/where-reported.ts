/**
 * What a report says of where it is (R2): its coordinates, the grid an inspector names, the camera or
 * sensor that raised it, its address. The intake contract wants at least one; the server locates the
 * report by the first that tells (server/cases/locate-report.ts).
 */
import type { Crs } from '../geo/crs-values.js';
import { deviceIdFieldOf, deviceIdOf } from '../devices/device-state.js';

export interface WhereReported {
  location?: { lng: number; lat: number; crs?: Crs } | undefined;
  gridCode?: string | undefined;
  deviceId?: string | undefined;
  /** the request field the device id came in, for a refusal to point at */
  deviceField?: string | undefined;
  address?: string | null | undefined;
}

export function whereReported(report: {
  channel: string;
  channelData?: Readonly<Record<string, unknown>> | null | undefined;
  location?: WhereReported['location'];
  address?: string | null | undefined;
}): WhereReported {
  const gridCode = report.channel === 'inspector' ? report.channelData?.gridCode : undefined;
  const field = deviceIdFieldOf(report.channel);
  return {
    location: report.location,
    gridCode: typeof gridCode === 'string' ? gridCode : undefined,
    deviceId: deviceIdOf(report.channel, report.channelData) ?? undefined,
    deviceField: field ? `body.channelData.${field}` : undefined,
    address: report.address,
  };
}

/** Does the report say anything of where it is? */
export function saysWhere(w: WhereReported): boolean {
  return w.location !== undefined || Boolean(w.address) || w.gridCode !== undefined || w.deviceId !== undefined;
}
