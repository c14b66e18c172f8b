import { describe, expect, it } from 'vitest';
import { devicesFor, measuredOnly, type SimDevice } from './device-pick.js';

const devices: SimDevice[] = [
  { id: 'CAM-1', kind: 'camera', name: '路口', lng: 121.4, lat: 31.6, metrics: [] },
  { id: 'IOT-W', kind: 'sensor', name: '闸', lng: 121.4, lat: 31.6, metrics: ['外河水位'] },
  { id: 'IOT-M', kind: 'sensor', name: '井盖', lng: 121.4, lat: 31.6, metrics: ['井盖倾角', '井盖位移'] },
];

describe('devicesFor', () => {
  it('gives cameras to video reports and the sensors measuring the category’s metric to sensor reports', () => {
    expect(devicesFor('video_ai', { code: '09001' }, devices).map((d) => d.id)).toEqual(['CAM-1']);
    expect(devicesFor('video_patrol', { code: '09001' }, devices).map((d) => d.id)).toEqual(['CAM-1']);
    expect(devicesFor('sensor', { code: '01071' }, devices).map((d) => d.id)).toEqual(['IOT-W']); // 外河水位
    expect(devicesFor('sensor', { code: '01002' }, devices).map((d) => d.id)).toEqual(['IOT-M']); // 井盖位移
    expect(devicesFor('sensor', { code: '06028' }, devices)).toEqual([]); // 噪声: no such sensor here
    expect(devicesFor('hotline_12345', { code: '09001' }, devices)).toEqual([]);
  });
});

describe('measuredOnly', () => {
  it('keeps the weights of measured categories only', () => {
    expect(measuredOnly([1, 2, 3], [{ code: '01071' }, { code: '06028' }, { code: '01003' }], devices)).toEqual([1, 0, 3]);
  });
  it('leaves the weights alone when no sensor measures any of them (or there are none)', () => {
    expect(measuredOnly([1, 2], [{ code: '06028' }, { code: '08004' }], devices)).toEqual([1, 2]);
    expect(measuredOnly([1, 2], [{ code: '01071' }, { code: '06028' }], [])).toEqual([1, 2]);
  });
});
