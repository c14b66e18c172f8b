import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { toMultiPolygon } from '../geo/index.js';
import { sensorMetrics } from '../traffic/case-mix.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';
import type { Profile } from './schema.js';

/** What a sensor may measure: the metric names the sensor channel reports (domain/traffic/case-mix.ts). */
export const sensorMetricNames: readonly string[] = [...new Set(Object.values(sensorMetrics).map((m) => m.metric))];

/** Malformed geometry is reported by the geometry checks; here it just means "cannot tell". */
function inside(point: [number, number], geometry: Profile['boundary']['geometry']): boolean | undefined {
  try {
    return booleanPointInPolygon(point, { type: 'MultiPolygon', coordinates: toMultiPolygon(geometry) });
  } catch {
    return undefined;
  }
}

/**
 * Cameras and sensors (devices.yaml): a camera measures nothing, a sensor measures at least one known
 * metric; every device stands inside the town boundary and, when its grid is given, inside that grid.
 * Duplicate ids are reported with the other duplicates (validate-duplicates.ts).
 */
export function deviceProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  p.devices.forEach((d, i) => {
    const at = `devices[${i}]`;
    if (d.kind === 'camera' && d.metrics.length > 0) {
      out.push(problem(F.devices, `${at}.metrics`, '摄像头不填写监测指标', 'a camera measures no metric'));
    }
    if (d.kind === 'sensor' && d.metrics.length === 0) {
      out.push(problem(F.devices, `${at}.metrics`, '传感器至少填写一个监测指标', 'a sensor measures at least one metric'));
    }
    d.metrics.forEach((m, j) => {
      if (!sensorMetricNames.includes(m)) {
        out.push(
          problem(F.devices, `${at}.metrics[${j}]`, `未知的监测指标 ${m}（可用：${sensorMetricNames.join('、')}）`, `unknown metric ${m} (known: ${sensorMetricNames.join(', ')})`),
        );
      }
    });
    if (inside(d.location, p.boundary.geometry) === false) {
      out.push(problem(F.devices, `${at}.location`, `设备 ${d.id} 不在镇界内`, `device ${d.id} lies outside the town boundary`));
    }
    if (d.grid !== undefined) {
      const grid = ix.grids.get(d.grid);
      if (grid === undefined) out.push(problem(F.devices, `${at}.grid`, `网格 ${d.grid} 不存在`, `unknown grid ${d.grid}`));
      else if (inside(d.location, grid.geometry) === false) {
        out.push(problem(F.devices, `${at}.grid`, `设备 ${d.id} 的位置不在网格 ${d.grid} 内`, `device ${d.id} lies outside grid ${d.grid}`));
      }
    }
  });
  return out;
}
