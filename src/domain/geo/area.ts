import { area } from '@turf/area';
import polygonClipping from 'polygon-clipping';
import { bboxOf, bboxesIntersect, toMultiPolygon } from './geometry.js';
import type { MultiPolygonCoords, PolygonalGeometry } from './geometry.js';

/**
 * Area helpers for the profile validator (do the grids tile the town?). All results are in square
 * kilometres, geodesic (turf's spherical formula, within ~0.3 % of the ellipsoid).
 *
 * Digitised boundaries never match to the last digit, so a validator should treat anything below
 * AREA_TOLERANCE_KM2 (100 m², e.g. a 1 m × 100 m sliver) as zero rather than as a gap or overlap.
 */
export const AREA_TOLERANCE_KM2 = 0.0001;

const M2_PER_KM2 = 1_000_000;

function km2(coords: MultiPolygonCoords): number {
  if (coords.length === 0) return 0;
  return area({ type: 'MultiPolygon', coordinates: coords }) / M2_PER_KM2;
}

/** Area of a Polygon / MultiPolygon, km². */
export function polygonAreaKm2(geometry: PolygonalGeometry): number {
  // union first so that self-overlapping MultiPolygon parts are not counted twice
  return km2(polygonClipping.union(toMultiPolygon(geometry)));
}

/** Area shared by two polygons, km² (0 when they only touch along an edge). */
export function polygonsOverlapKm2(a: PolygonalGeometry, b: PolygonalGeometry): number {
  const ca = toMultiPolygon(a);
  const cb = toMultiPolygon(b);
  if (!bboxesIntersect(bboxOf(ca), bboxOf(cb))) return 0;
  return km2(polygonClipping.intersection(ca, cb));
}

/** Area of `outline` not covered by any of `parts`, km² (the gaps between grids). */
export function uncoveredKm2(outline: PolygonalGeometry, parts: readonly PolygonalGeometry[]): number {
  const out = toMultiPolygon(outline);
  if (parts.length === 0) return km2(polygonClipping.union(out));
  const covered = polygonClipping.union(...(parts.map(toMultiPolygon) as [MultiPolygonCoords, ...MultiPolygonCoords[]]));
  return km2(polygonClipping.difference(out, covered));
}

/** Area of `parts` lying outside `outline`, km² (grids spilling over the town boundary). */
export function outsideKm2(outline: PolygonalGeometry, parts: readonly PolygonalGeometry[]): number {
  if (parts.length === 0) return 0;
  const all = polygonClipping.union(...(parts.map(toMultiPolygon) as [MultiPolygonCoords, ...MultiPolygonCoords[]]));
  return km2(polygonClipping.difference(all, toMultiPolygon(outline)));
}

export interface Overlap {
  a: string;
  b: string;
  km2: number;
}

/**
 * Every pair of parts that overlap by more than `toleranceKm2`, with a bounding-box prefilter so a
 * few hundred grids cost a handful of clipping operations, not n² of them. Pairs are in input order.
 */
export function findOverlaps(
  parts: ReadonlyArray<{ code: string; geometry: PolygonalGeometry }>,
  toleranceKm2: number = AREA_TOLERANCE_KM2,
): Overlap[] {
  const prepared = parts.map((p) => {
    const coords = toMultiPolygon(p.geometry);
    return { code: p.code, coords, box: bboxOf(coords) };
  });
  const overlaps: Overlap[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i]!;
    for (let j = i + 1; j < prepared.length; j++) {
      const b = prepared[j]!;
      if (!bboxesIntersect(a.box, b.box)) continue;
      const shared = km2(polygonClipping.intersection(a.coords, b.coords));
      if (shared > toleranceKm2) overlaps.push({ a: a.code, b: b.code, km2: shared });
    }
  }
  return overlaps;
}
