import { describe, expect, it } from 'vitest';
import { AREA_TOLERANCE_KM2, findOverlaps, outsideKm2, polygonAreaKm2, polygonsOverlapKm2, uncoveredKm2 } from './area.js';
import type { PolygonalGeometry } from './geometry.js';

function rect(west: number, south: number, east: number, north: number): PolygonalGeometry {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

// Hand-computed: 0.01° of latitude = 1.11195 km; 0.01° of longitude at 31.685 N = 1.11195 · cos(31.685°)
// = 1.11195 · 0.850933 = 0.94620 km; area = 1.11195 · 0.94620 = 1.0521 km².
const SQUARE_KM2 = 1.0521;

describe('polygonAreaKm2', () => {
  it('measures a 0.01° × 0.01° square at 31.68 N within 1 %', () => {
    const a = polygonAreaKm2(rect(121.47, 31.68, 121.48, 31.69));
    expect(Math.abs(a - SQUARE_KM2) / SQUARE_KM2).toBeLessThan(0.01);
  });

  it('subtracts holes and adds MultiPolygon parts', () => {
    const withHole: PolygonalGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [[121.47, 31.68], [121.48, 31.68], [121.48, 31.69], [121.47, 31.69], [121.47, 31.68]],
          [[121.47, 31.68], [121.475, 31.68], [121.475, 31.685], [121.47, 31.685], [121.47, 31.68]].reverse(),
        ],
        [[[121.5, 31.68], [121.51, 31.68], [121.51, 31.69], [121.5, 31.69], [121.5, 31.68]]],
      ],
    };
    // one square minus a quarter, plus one square: 1.75 squares
    expect(polygonAreaKm2(withHole) / SQUARE_KM2).toBeCloseTo(1.75, 2);
  });
});

describe('polygonsOverlapKm2', () => {
  it('measures half a square when two squares overlap by half', () => {
    const o = polygonsOverlapKm2(rect(121.47, 31.68, 121.48, 31.69), rect(121.475, 31.68, 121.485, 31.69));
    expect(o / SQUARE_KM2).toBeCloseTo(0.5, 2);
  });

  it('is zero for squares that only share an edge, or lie apart', () => {
    expect(polygonsOverlapKm2(rect(121.47, 31.68, 121.48, 31.69), rect(121.48, 31.68, 121.49, 31.69))).toBe(0);
    expect(polygonsOverlapKm2(rect(121.47, 31.68, 121.48, 31.69), rect(121.6, 31.68, 121.61, 31.69))).toBe(0);
  });
});

describe('uncoveredKm2 and outsideKm2', () => {
  const town = rect(121.47, 31.68, 121.49, 31.69);

  it('reports the gap when grids cover only half of the town', () => {
    expect(uncoveredKm2(town, [rect(121.47, 31.68, 121.48, 31.69)]) / SQUARE_KM2).toBeCloseTo(1, 2);
  });

  it('reports no gap when two grids tile the town exactly', () => {
    const parts = [rect(121.47, 31.68, 121.48, 31.69), rect(121.48, 31.68, 121.49, 31.69)];
    expect(uncoveredKm2(town, parts)).toBeLessThan(AREA_TOLERANCE_KM2);
    expect(outsideKm2(town, parts)).toBeLessThan(AREA_TOLERANCE_KM2);
  });

  it('treats no grids as the whole town uncovered', () => {
    expect(uncoveredKm2(town, []) / SQUARE_KM2).toBeCloseTo(2, 2);
  });

  it('reports a grid spilling over the boundary', () => {
    const spill = [rect(121.485, 31.68, 121.495, 31.69)];
    expect(outsideKm2(town, spill) / SQUARE_KM2).toBeCloseTo(0.5, 2);
  });
});

describe('findOverlaps', () => {
  it('lists only the pairs that really overlap', () => {
    const overlaps = findOverlaps([
      { code: 'g1', geometry: rect(121.47, 31.68, 121.48, 31.69) },
      { code: 'g2', geometry: rect(121.48, 31.68, 121.49, 31.69) },
      { code: 'g3', geometry: rect(121.485, 31.68, 121.495, 31.69) },
    ]);
    expect(overlaps.map((o) => [o.a, o.b])).toEqual([['g2', 'g3']]);
    expect(overlaps[0]!.km2 / SQUARE_KM2).toBeCloseTo(0.5, 2);
  });

  it('ignores slivers below the tolerance', () => {
    // a 0.000001° (0.0946 m) wide overlap along a 1.112 km edge: 0.0946 · 1112 = 105 m² = 0.000105 km²
    const parts = [
      { code: 'g1', geometry: rect(121.47, 31.68, 121.480001, 31.69) },
      { code: 'g2', geometry: rect(121.48, 31.68, 121.49, 31.69) },
    ];
    expect(findOverlaps(parts, 0.001)).toEqual([]);
    const strict = findOverlaps(parts, 0.00005);
    expect(strict).toHaveLength(1);
    expect(strict[0]!.km2).toBeCloseTo(0.000105, 5);
  });
});
