import { describe, expect, it } from 'vitest';
import { miniProfile } from './mini-profile.fixture.js';
import type { Profile } from './schema.js';
import { validateProfile } from './validate-profile.js';
import { sensorMetricNames } from './validate-devices.js';

/** 'file path — message' of each problem after `change` to the mini profile (4 × 2 km, 121.40–121.44 E, 31.60–31.62 N). */
function problemsAfter(change: (p: Profile) => void): string[] {
  const p = miniProfile();
  change(p);
  return validateProfile(p).map((x) => `${x.file} ${x.path} — ${x.message}`);
}

describe('devices.yaml', () => {
  it('accepts the mini profile’s camera and sensor, with their grid derived or given', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
    expect(problemsAfter((p) => (p.devices[1]!.grid = '310151115002001'))).toEqual([]);
  });

  it('reports a repeated device id at the repeat, naming the first', () => {
    expect(problemsAfter((p) => p.devices.push({ ...p.devices[0]!, location: [121.401, 31.601] }))).toEqual([
      'devices.yaml devices[2].id — 设备编号重复：CAM-1，与 devices[0].id 相同 (duplicate device id CAM-1, first at devices[0].id)',
    ]);
  });

  it('reports a device outside the town boundary', () => {
    // 121.45 E lies 1 km east of the town's east edge (121.44)
    expect(problemsAfter((p) => (p.devices[0]!.location = [121.45, 31.61]))).toEqual([
      'devices.yaml devices[0].location — 设备 CAM-1 不在镇界内 (device CAM-1 lies outside the town boundary)',
    ]);
  });

  it('reports an unknown metric, a sensor measuring nothing and a camera measuring something', () => {
    const problems = problemsAfter((p) => {
      p.devices[1]!.metrics = ['外河水位', '湿度'];
      p.devices.push({ id: 'IOT-2', kind: 'sensor', name: '空', location: [121.43, 31.605], metrics: [] });
      p.devices[0]!.metrics = ['噪声'];
    });
    expect(problems).toEqual([
      'devices.yaml devices[0].metrics — 摄像头不填写监测指标 (a camera measures no metric)',
      `devices.yaml devices[1].metrics[1] — 未知的监测指标 湿度（可用：${sensorMetricNames.join('、')}） (unknown metric 湿度 (known: ${sensorMetricNames.join(', ')}))`,
      'devices.yaml devices[2].metrics — 传感器至少填写一个监测指标 (a sensor measures at least one metric)',
    ]);
  });

  it('checks a given grid: it exists, and the device stands in it', () => {
    expect(
      problemsAfter((p) => {
        p.devices[0]!.grid = '310151115009009';
        p.devices[1]!.grid = '310151115001001'; // the sensor stands in B's grid 002001, not in A's 001001
      }),
    ).toEqual([
      'devices.yaml devices[0].grid — 网格 310151115009009 不存在 (unknown grid 310151115009009)',
      'devices.yaml devices[1].grid — 设备 IOT-1 的位置不在网格 310151115001001 内 (device IOT-1 lies outside grid 310151115001001)',
    ]);
  });

  it('knows the metrics the sensor channel reports', () => {
    expect(sensorMetricNames).toEqual(expect.arrayContaining(['外河水位', '积水深度', '井盖倾角', '井盖位移', '噪声', 'PM10']));
  });
});
