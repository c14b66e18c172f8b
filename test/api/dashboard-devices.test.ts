/**
 * The cameras and sensors on the screen's map (GET /api/v1/dashboard/map, Dongping's devices.yaml):
 * each device is in alarm while a case reported through it (channelData cameraId / deviceId) is open,
 * and normal again once that case is closed or voided; cases naming an unregistered device, or
 * reported on other channels, change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDeviceDto, DashboardMapDto } from '../../src/contracts/dashboard.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';
import { dongpingProfile } from '../dongping.js';

const waterLevel = { channel: 'sensor', categoryCode: '01071', description: '北沿河东风闸外河水位超警戒', location: { lng: 121.448, lat: 31.722 } };
const stallOnCamera = { channel: 'video_ai', categoryCode: '09001', description: '视频识别：路口流动摊贩' };

describe(`devices on the screen map (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  beforeAll(async () => {
    d = await dongpingDriver('2026-11-25T01:00:00.000Z');
    t = d.t;
  });
  afterAll(async () => t?.close());

  const devices = async (): Promise<Map<string, DashboardDeviceDto>> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/map', headers: { cookie: d.cookies.leader! } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return new Map((res.json() as DashboardMapDto).devices.map((x) => [x.id, x]));
  };
  const alarms = async () => [...(await devices()).values()].filter((x) => x.state === 'alarm').map((x) => `${x.id}:${x.openCases}`);

  it('serves every device of the profile, normal while nothing is open, with its place', async () => {
    const profile = await dongpingProfile();
    const all = await devices();
    expect([...all.keys()]).toEqual(profile.devices.map((x) => x.id).sort());
    expect([...all.values()].filter((x) => x.kind === 'camera')).toHaveLength(21);
    expect([...all.values()].filter((x) => x.kind === 'sensor')).toHaveLength(16);
    expect(await alarms()).toEqual([]);
    expect(all.get('IOT-SW-001')).toEqual({
      id: 'IOT-SW-001', kind: 'sensor', name: '北沿河东风闸外河水位', lng: 121.448, lat: 31.722, metrics: ['外河水位'],
      gridName: '北沿公路西段网格', stationName: '东风站', state: 'normal', openCases: 0, cases: [],
    });
    expect(all.get('CAM-QS-002')).toMatchObject({ kind: 'camera', metrics: [], gridName: '东旺沙网格', stationName: '前哨站' });
  });

  it('puts a sensor in alarm while its case is open, and back to normal once it is voided', async () => {
    const c = await d.intake({ ...waterLevel, channelData: { deviceId: 'IOT-SW-001', metric: '外河水位', value: 4.6, threshold: 4.2, unit: 'm' } });
    // a hotline call about the same sluice and a sensor that is not in the profile change nothing
    await d.intake({ ...waterLevel, channel: 'hotline_12345' });
    await d.intake({ ...waterLevel, channelData: { deviceId: 'IOT-UNKNOWN-9', metric: '外河水位', value: 4.5 } });
    expect(await alarms()).toEqual(['IOT-SW-001:1']);
    const sensor = (await devices()).get('IOT-SW-001')!;
    expect(sensor.cases).toEqual([{ id: c.id, caseNo: c.caseNo, status: 'reported', deadlineState: expect.any(String), categoryName: expect.any(String), reportedAt: expect.any(String) }]);

    await d.act('dispatcher', c.id, 'void', { reason: '传感器误报，现场水位正常' });
    expect(await alarms()).toEqual([]);
  });

  it('puts a camera in alarm with each open case it raised, and back to normal once they are closed', async () => {
    const data = { cameraId: 'CAM-DF-008', algorithm: 'street-vendor', score: 0.91 };
    const first = await d.intake({ ...stallOnCamera, channelData: data });
    t.clock.advance(60_000);
    const second = await d.intake({ ...stallOnCamera, channel: 'video_patrol', channelData: { cameraId: 'CAM-DF-008' } });
    expect(await alarms()).toEqual(['CAM-DF-008:2']);
    expect((await devices()).get('CAM-DF-008')!.cases.map((x) => x.caseNo)).toEqual([second.caseNo, first.caseNo]);

    await d.act('dispatcher', second.id, 'void', { reason: '与前一件重复' });
    expect(await alarms()).toEqual(['CAM-DF-008:1']);
    await d.act('dispatcher', first.id, 'register');
    await d.act('cgzd', first.id, 'accept');
    await d.act('cgzd', first.id, 'start');
    expect(await alarms()).toEqual(['CAM-DF-008:1']);
    await d.act('cgzd', first.id, 'feedback', { text: '已劝离' });
    // a camera's report has no caller to visit back: verified, it waits only to be closed
    expect(await d.act('inspectordf', first.id, 'verify', { result: 'pass' })).toMatchObject({ status: 'visited' });
    await d.act('dispatcher', first.id, 'close');
    expect(await alarms()).toEqual([]);
  });
});
