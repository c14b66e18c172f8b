/**
 * Where a report is (R2). In order: its coordinates (WGS84, or GCJ-02/BD-09 converted) and the grid
 * they fall in; the grid an inspector names; the camera or sensor whose alarm it is, at the device's
 * own point; the town's place its address names (address-places.ts) — a grid, or only a station.
 * Coordinates outside every grid, a grid the town does not have, or — when nothing else tells where —
 * a device the town does not have, are refused; an address that names no place leaves the report
 * unlocated, for the dispatcher to locate at 立案.
 */
import type { WhereReported } from '../../domain/case/where-reported.js';
import { placeInAddress, toWgs84 } from '../../domain/geo/index.js';
import { Problem } from '../http/problem.js';
import { deviceIn, gridIn, locateIn, type Located, type TownSnapshot } from '../services/town-snapshot.js';

export type LocatedBy = 'coordinates' | 'grid' | 'device' | 'address';

export interface ReportLocation {
  lng: number | null;
  lat: number | null;
  grid: Located | null;
  /** the grid's station, or the station an address names without a grid */
  stationCode: string | null;
  by: LocatedBy | null;
}


const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** where a refusal points: the request's fields for the coordinates and for the grid (a device's is the report's own) */
export interface WhereFields {
  location: string;
  gridCode: string;
}

export function locateReport(town: TownSnapshot, where: WhereReported, at: Date, fields: WhereFields): ReportLocation {
  if (where.location) {
    const [lng, lat] = toWgs84(where.location.lng, where.location.lat, where.location.crs ?? 'wgs84');
    const grid = locateIn(town, lng, lat, at);
    if (!grid) {
      throw new Problem(422, 'OUTSIDE_TOWN', { zh: '该位置不在本镇辖区内', en: 'The location is outside the town' }, [
        { field: fields.location, message: { zh: '不在任何网格内', en: 'not inside any grid' } },
      ]);
    }
    return { lng: round7(lng), lat: round7(lat), grid, stationCode: grid.stationCode, by: 'coordinates' };
  }
  if (where.gridCode) {
    const grid = gridIn(town, where.gridCode, at);
    if (!grid) {
      throw new Problem(422, 'UNKNOWN_GRID', { zh: '没有这个网格', en: 'Unknown grid' }, [
        { field: fields.gridCode, message: { zh: '不是本镇的网格编码', en: 'not a grid of the town' } },
      ]);
    }
    return { lng: null, lat: null, grid, stationCode: grid.stationCode, by: 'grid' };
  }
  const device = where.deviceId ? town.devices.find((d) => d.id === where.deviceId) : undefined;
  const deviceGrid = device ? deviceIn(town, device, at) : null;
  if (device && deviceGrid) return { lng: device.lng, lat: device.lat, grid: deviceGrid, stationCode: deviceGrid.stationCode, by: 'device' };
  if (where.deviceId && !device && !where.address) {
    throw new Problem(422, 'UNKNOWN_DEVICE', { zh: '没有这个设备，无法确定位置', en: 'Unknown device: the report cannot be located' }, [
      { field: where.deviceField ?? 'body.channelData', message: { zh: '不是本镇登记的摄像头或感知设备；请给出位置或地址', en: 'not a camera or sensor of the town; give a location or an address' } },
    ]);
  }
  const place = where.address ? placeInAddress(where.address, town.places) : null;
  if (place) {
    const grid = place.gridCode ? gridIn(town, place.gridCode, at) : null;
    return { lng: null, lat: null, grid, stationCode: grid?.stationCode ?? place.stationCode, by: 'address' };
  }
  return { lng: null, lat: null, grid: null, stationCode: null, by: null };
}
