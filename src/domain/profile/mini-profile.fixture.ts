/**
 * A small, clean, hand-made profile for the validator's tests: a 4 × 2 km town (0.04° × 0.02°) split
 * into stations A (west) and B (east), three grids, a temporary station T taking over grid A2.
 */
import type { GeoJsonFeature, GridFeature, Profile } from './schema.js';

export function rect(west: number, south: number, east: number, north: number): GeoJsonFeature['geometry'] {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

export function grid(code: string, stationCode: string, geometry: GeoJsonFeature['geometry']): GridFeature {
  return { type: 'Feature', properties: { code, name: `网格${code.slice(-3)}`, stationCode }, geometry };
}

const limit = { amount: 1, unit: 'workDay' } as const;

export function miniProfile(): Profile {
  return {
    town: {
      code: '310151115',
      name: '测试镇',
      district: { code: '310151', name: '崇明区' },
      timezone: 'Asia/Shanghai',
      center: [121.41, 31.61],
      illustrativeGeometry: true,
    },
    stations: [
      { code: 'A', name: 'A站', shortName: 'A', committee: 'JW-A', temporary: false, takesOverGrids: [] },
      { code: 'B', name: 'B站', shortName: 'B', temporary: false, takesOverGrids: [] },
      {
        code: 'T',
        name: '临时站',
        shortName: 'T',
        temporary: true,
        validFrom: '2021-03-01',
        validTo: '2021-07-31',
        takesOverGrids: ['310151115001002'],
      },
    ],
    centerGroups: [
      { code: 'platform', name: '平台运行组' },
      { code: 'admin', name: '行政管理组' },
    ],
    boundary: { type: 'Feature', properties: {}, geometry: rect(121.4, 31.6, 121.44, 31.62) },
    stationAreas: [
      { type: 'Feature', properties: { code: 'A' }, geometry: rect(121.4, 31.6, 121.42, 31.62) },
      { type: 'Feature', properties: { code: 'B' }, geometry: rect(121.42, 31.6, 121.44, 31.62) },
    ],
    grids: [
      grid('310151115001001', 'A', rect(121.4, 31.6, 121.41, 31.62)),
      grid('310151115001002', 'A', rect(121.41, 31.6, 121.42, 31.62)),
      grid('310151115002001', 'B', rect(121.42, 31.6, 121.44, 31.62)),
    ],
    departments: [
      { code: 'CENTER', name: '城运中心', shortName: '中心', kind: 'center', jointSeat: false, tasks: [], liaisonStations: [], fallback: false },
      { code: 'OWN', name: '城管中队', shortName: '城管', kind: 'enforcement', jointSeat: true, tasks: [], liaisonStations: ['A'], fallback: false },
      { code: 'JW-A', name: 'A居委会', shortName: 'A居委', kind: 'committee', stationCode: 'A', jointSeat: false, tasks: [], liaisonStations: [], fallback: false },
      { code: 'DSF', name: '兜底单位', shortName: '兜底', kind: 'contractor', jointSeat: false, tasks: [], liaisonStations: [], fallback: true },
    ],
    personnel: [
      { code: 'P1', name: '张伟', position: '调度员', group: 'platform', phone: '13800000001', grids: [] },
      { code: 'P2', name: '李娜', position: '网格巡查员', station: 'A', phone: '13800000002', grids: ['310151115001001'] },
      { code: 'P3', name: '王强', position: '处置人员', department: 'OWN', phone: '13800000003', grids: [] },
      { code: 'P4', name: '赵敏', position: '系统管理员', group: 'admin', phone: '13800000004', grids: [] },
      { code: 'P5', name: '陈静', position: '安全管理员', group: 'admin', phone: '13800000005', grids: [] },
      { code: 'P6', name: '刘洋', position: '网格巡查员', station: 'T', phone: '13800000006', grids: ['310151115001002'] },
    ],
    roster: {
      shifts: [
        { code: 'D', name: '白班', start: '08:00', end: '20:00' },
        { code: 'N', name: '夜班', start: '20:00', end: '08:00' },
      ],
      rota: [
        { weekdays: [1, 2, 3, 4, 5, 6, 7], shift: 'D', group: 'platform', personnel: ['P1'], leader: 'P4' },
        { weekdays: [1, 2, 3, 4, 5, 6, 7], shift: 'N', group: 'platform', personnel: ['P1'] },
        { weekdays: [1, 2, 3, 4, 5], shift: 'D', station: 'A', personnel: ['P2'] },
      ],
    },
    categories: [
      {
        code: '02001',
        kind: '事件',
        majorCode: '02',
        majorName: '街面秩序',
        name: '占道经营',
        legacyCode: '0201',
        owner: 'OWN',
        assists: [],
        stationLevel: false,
        persistent: true,
        keywords: ['占道'],
        limits: [
          {
            urgency: 'normal',
            registerCondition: '占道经营',
            closeCondition: '已清除',
            steps: { dispatch: limit, accept: limit, handle: limit, verify: limit, visit: limit },
          },
        ],
      },
    ],
    holidays: [{ date: '2027-01-01', type: 'holiday', name: '元旦' }],
    rules: {
      routing: { designateAfterReturns: 2, fallbackUnit: 'DSF', centerUnit: 'CENTER' },
      deadlines: { yellowAt: 0.8, workday: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] } },
      duplicates: { radiusMeters: 50, windowDays: 7 },
      escalation: { chain: ['station', 'center', 'leader'] },
    },
    demoUsers: [
      { username: 'admin', personnel: 'P4', role: 'system_admin' },
      { username: 'securityadmin', personnel: 'P5', role: 'security_admin' },
      { username: 'inspector1', personnel: 'P2', role: 'inspector', station: 'A' },
      { username: 'own', personnel: 'P3', role: 'department_handler', department: 'OWN' },
    ],
    devices: [
      { id: 'CAM-1', kind: 'camera', name: 'A站路口', location: [121.405, 31.61], metrics: [] },
      { id: 'IOT-1', kind: 'sensor', name: 'B站河道水位', location: [121.43, 31.61], metrics: ['外河水位'] },
    ],
  };
}
