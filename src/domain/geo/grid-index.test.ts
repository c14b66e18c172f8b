import { describe, expect, it } from 'vitest';
import { createGridIndex } from './grid-index.js';
import type { GridFeatureInput } from './grid-index.js';

function square(code: string, stationCode: string, west: number, south: number, size: number): GridFeatureInput {
  const e = west + size;
  const n = south + size;
  return {
    properties: { code, stationCode, name: `网格${code.slice(-3)}` },
    geometry: { type: 'Polygon', coordinates: [[[west, south], [e, south], [e, n], [west, n], [west, south]]] },
  };
}

const A = square('310151109001001', 'QS', 121.47, 31.68, 0.005);
const B = square('310151109001002', 'QS', 121.475, 31.68, 0.005);
// a grid with a hole, and an island part: a MultiPolygon
const C: GridFeatureInput = {
  properties: { code: '310151109002001', stationCode: 'GL', name: '网格C' },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [[121.48, 31.68], [121.49, 31.68], [121.49, 31.69], [121.48, 31.69], [121.48, 31.68]],
        [[121.484, 31.684], [121.486, 31.684], [121.486, 31.686], [121.484, 31.686], [121.484, 31.684]],
      ],
      [[[121.5, 31.7], [121.501, 31.7], [121.501, 31.701], [121.5, 31.701], [121.5, 31.7]]],
    ],
  },
};

describe('createGridIndex', () => {
  const index = createGridIndex([C, B, A]);

  it('finds the grid containing a point', () => {
    expect(index.locate(121.472, 31.682)).toEqual({ gridCode: A.properties.code, stationCode: 'QS', gridName: '网格001' });
    expect(index.locate(121.478, 31.683)?.gridCode).toBe(B.properties.code);
    expect(index.locate(121.481, 31.681)).toEqual({ gridCode: C.properties.code, stationCode: 'GL', gridName: '网格C' });
  });

  it('finds the second part of a MultiPolygon and respects holes', () => {
    expect(index.locate(121.5005, 31.7005)?.gridCode).toBe(C.properties.code);
    expect(index.locate(121.485, 31.685)).toBeNull();
  });

  it('returns null outside every grid and for garbage input', () => {
    expect(index.locate(121.46, 31.68)).toBeNull();
    expect(index.locate(121.472, 31.7)).toBeNull();
    expect(index.locate(Number.NaN, 31.68)).toBeNull();
  });

  it('resolves a point on a shared edge to the smaller code, whatever the input order', () => {
    const onEdge: [number, number] = [121.475, 31.6825];
    expect(index.locate(...onEdge)?.gridCode).toBe(A.properties.code);
    expect(createGridIndex([A, B]).locate(...onEdge)?.gridCode).toBe(A.properties.code);
    // the corner shared by A and B, too
    expect(index.locate(121.475, 31.685)?.gridCode).toBe(A.properties.code);
  });

  it('counts the outer boundary as inside', () => {
    expect(index.locate(121.47, 31.6825)?.gridCode).toBe(A.properties.code);
  });

  it('rejects malformed geometry when built', () => {
    const bad: GridFeatureInput = {
      properties: { code: 'x', stationCode: 'y', name: 'z' },
      geometry: { type: 'Polygon', coordinates: [[[121, 31], [122, 31]]] },
    };
    expect(() => createGridIndex([bad])).toThrow(/at least 4 positions/);
  });
});
