import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { findOverlaps, outsideKm2, toMultiPolygon, uncoveredKm2 } from '../geo/index.js';
import type { MultiPolygonCoords, PolygonalGeometry } from '../geo/index.js';
import type { Profile } from './schema.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';
import { stringProp } from './validate-duplicates.js';

/**
 * Area below which an overlap, a gap or a spill is treated as zero: 0.001 km² = 1,000 m², about a
 * 30 m × 30 m patch. Unit grids are ~1–3 km², three orders of magnitude larger, while digitised
 * boundaries that do not meet to the last decimal leave slivers well below it.
 */
export const GEOMETRY_TOLERANCE_KM2 = 0.001;

const km2Text = (v: number): string => `${v.toFixed(4)} km²`;

/** Malformed coordinates are a problem of that feature, never a crash. */
function coords(geometry: PolygonalGeometry, file: string, path: string, out: ProfileProblem[]): MultiPolygonCoords | undefined {
  try {
    return toMultiPolygon(geometry);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    out.push(problem(file, `${path}.geometry`, '几何图形无效', why));
    return undefined;
  }
}

/**
 * Do the grids tile the town? Overlapping grids (pairwise, with a bounding-box prefilter inside
 * findOverlaps), gaps inside the boundary, grids spilling out of their station's area, permanent
 * station areas spilling out of the boundary, and the town centre outside the boundary.
 */
export function geometryProblems(p: Profile): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const boundary = coords(p.boundary.geometry, F.boundary, 'features[0]', out);
  const areas = new Map<string, PolygonalGeometry>();
  p.stationAreas.forEach((a, i) => {
    const code = stringProp(a.properties, 'code');
    if (coords(a.geometry, F.stations, `features[${i}]`, out) !== undefined && code !== undefined && !areas.has(code)) {
      areas.set(code, a.geometry);
    }
  });
  const grids: { index: number; code: string; stationCode: string; geometry: PolygonalGeometry }[] = [];
  p.grids.forEach((g, i) => {
    if (coords(g.geometry, F.grids, `features[${i}]`, out) !== undefined) {
      grids.push({ index: i, code: g.properties.code, stationCode: g.properties.stationCode, geometry: g.geometry });
    }
  });

  const indexOf = new Map<string, number>();
  grids.forEach((g, k) => indexOf.set(`${g.code}#${k}`, g.index));
  for (const o of findOverlaps(grids.map((g, k) => ({ code: `${g.code}#${k}`, geometry: g.geometry })), GEOMETRY_TOLERANCE_KM2)) {
    const [a, b] = [o.a.split('#')[0], o.b.split('#')[0]];
    out.push(
      problem(F.grids, `features[${indexOf.get(o.b)}].geometry`, `网格 ${b} 与网格 ${a} 重叠 ${km2Text(o.km2)}`, `grid ${b} overlaps grid ${a}`),
    );
  }

  for (const g of grids) {
    const area = areas.get(g.stationCode);
    if (area === undefined) continue;
    const spill = outsideKm2(area, [g.geometry]);
    if (spill > GEOMETRY_TOLERANCE_KM2) {
      out.push(
        problem(F.grids, `features[${g.index}].geometry`, `网格 ${g.code} 有 ${km2Text(spill)} 超出站点 ${g.stationCode} 区域`, `grid outside its station's area`),
      );
    }
  }

  // a temporary station's area (when drawn) must hold the grids it takes over
  p.stations.forEach((s, i) => {
    const area = s.temporary ? areas.get(s.code) : undefined;
    if (area === undefined) return;
    s.takesOverGrids.forEach((code, j) => {
      const g = grids.find((x) => x.code === code);
      const spill = g === undefined ? 0 : outsideKm2(area, [g.geometry]);
      if (spill > GEOMETRY_TOLERANCE_KM2) {
        out.push(
          problem(F.town, `stations[${i}].takesOverGrids[${j}]`, `网格 ${code} 有 ${km2Text(spill)} 超出临时站点 ${s.code} 区域`, 'a taken-over grid lies outside the temporary station area'),
        );
      }
    });
  });

  if (boundary === undefined) return out;
  const outline: PolygonalGeometry = { type: 'MultiPolygon', coordinates: boundary };
  const gap = uncoveredKm2(outline, grids.map((g) => g.geometry));
  if (gap > GEOMETRY_TOLERANCE_KM2) {
    out.push(problem(F.grids, 'features', `网格未覆盖镇域，空隙 ${km2Text(gap)}`, 'the grids leave gaps in the town boundary'));
  }
  p.stationAreas.forEach((a, i) => {
    const code = stringProp(a.properties, 'code');
    const station = p.stations.find((s) => s.code === code);
    if (station === undefined || station.temporary || areas.get(station.code) !== a.geometry) return;
    const spill = outsideKm2(outline, [a.geometry]);
    if (spill > GEOMETRY_TOLERANCE_KM2) {
      out.push(problem(F.stations, `features[${i}].geometry`, `站点 ${code} 区域有 ${km2Text(spill)} 超出镇界`, 'station area outside the town boundary'));
    }
  });
  if (!booleanPointInPolygon(p.town.center, { type: 'MultiPolygon', coordinates: boundary })) {
    out.push(problem(F.town, 'town.center', '镇中心点不在镇界内', 'the town centre lies outside the boundary'));
  }
  return out;
}
