/**
 * A tiny town for tests: two stations (S1 前哨, S2 北河), one grid each, a center, two departments
 * (D1 城管中队, D2 市场所), a station team, four people, one category. Geometry is a few squares.
 */
import type { Profile } from '../src/domain/profile/schema.js';

const square = (lng: number, lat: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});

export function testProfile(townCode = '310151999'): Profile {
  const limit = { amount: 1, unit: 'workDay' as const };
  return {
    town: {
      code: townCode, name: '测试镇', nameEn: 'Test Town', district: { code: '310151', name: '崇明区' }, timezone: 'Asia/Shanghai',
      center: [121.5, 31.65], illustrativeGeometry: true,
    },
    stations: [
      { code: 'S1', name: '前哨城市运行综合管理站', shortName: '前哨站', temporary: false, takesOverGrids: [], phone: '021-59670001' },
      { code: 'S2', name: '北河城市运行综合管理站', shortName: '北河站', temporary: false, takesOverGrids: [] },
    ],
    centerGroups: [{ code: 'command', name: '指挥组' }],
    boundary: { type: 'Feature', properties: {}, geometry: square(121.49, 31.64, 0.03) },
    stationAreas: [
      { type: 'Feature', properties: { code: 'S1' }, geometry: square(121.49, 31.64) },
      { type: 'Feature', properties: { code: 'S2' }, geometry: square(121.5, 31.64) },
    ],
    grids: [
      { type: 'Feature', properties: { code: '310151999001001', name: '前哨1号网格', stationCode: 'S1' }, geometry: square(121.49, 31.64) },
      { type: 'Feature', properties: { code: '310151999002001', name: '北河1号网格', stationCode: 'S2' }, geometry: square(121.5, 31.64) },
    ],
    departments: [
      { code: 'CENTER', name: '测试镇城运中心', shortName: '城运中心', kind: 'center', jointSeat: false, tasks: [], liaisonStations: [], fallback: false },
      { code: 'D1', name: '城管中队', shortName: '城管', kind: 'enforcement', jointSeat: true, tasks: [], liaisonStations: ['S1'], fallback: false, phone: '021-59670101' },
      { code: 'D2', name: '市场监管所', shortName: '市场所', kind: 'enforcement', jointSeat: false, tasks: [], liaisonStations: [], fallback: true },
      { code: 'S1-team', name: '前哨站联勤队伍', shortName: '前哨队伍', kind: 'station_team', stationCode: 'S1', jointSeat: false, tasks: [], liaisonStations: [], fallback: false },
    ],
    personnel: [
      { code: 'P1', name: '张三丰', position: '网格巡查员', station: 'S1', phone: '13812345678', grids: ['310151999001001'] },
      { code: 'P2', name: '李四', position: '网格巡查员', station: 'S2', phone: '13900001111', grids: ['310151999002001'] },
      { code: 'P3', name: '王五', position: '城管队员', department: 'D1', phone: '021-69123456', grids: [] },
      { code: 'P4', name: '赵六', position: '调度员', group: 'command', phone: '13700002222', grids: [] },
    ],
    roster: { shifts: [{ code: 'day', name: '白班', start: '08:30', end: '17:00' }], rota: [{ weekdays: [1, 2, 3, 4, 5], shift: 'day', group: 'command', personnel: ['P4'] }] },
    categories: [
      {
        code: '01001', kind: '部件', majorCode: '01', majorName: '公用设施', name: '井盖', owner: 'D1', assists: [], stationLevel: false, persistent: false,
        keywords: ['井盖'], limits: [{ urgency: 'normal', registerCondition: '井盖缺失', closeCondition: '已补齐', steps: { dispatch: limit, accept: limit, handle: limit, verify: limit, visit: limit } }],
      },
    ],
    holidays: [],
    rules: {
      routing: { designateAfterReturns: 2, fallbackUnit: 'D2', centerUnit: 'CENTER' },
      deadlines: { yellowAt: 0.8, workday: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] } },
      duplicates: { radiusMeters: 50, windowDays: 7 },
      escalation: { chain: ['station', 'center', 'leader'] },
    },
    demoUsers: [],
    devices: [
      { id: 'CAM-S1-01', kind: 'camera', name: '前哨路口', location: [121.495, 31.645], metrics: [] },
      { id: 'IOT-S2-01', kind: 'sensor', name: '北河水位', location: [121.505, 31.645], metrics: ['外河水位'] },
    ],
  };
}
