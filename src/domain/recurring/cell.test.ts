import { describe, expect, it } from 'vitest';
import { cellOf, cellShape, isCell } from './cell.js';
import { distanceMeters } from '../geo/index.js';

describe('H3 cells', () => {
  it('puts a point of 东风 in one resolution-9 cell whose centre is within a cell’s radius of it', () => {
    const cell = cellOf(121.47, 31.68, 9);
    expect(cell).toBe('893099d5393ffff');
    expect(isCell(cell)).toBe(true);
    const shape = cellShape(cell);
    // a resolution-9 hexagon is about 0.105 km²: its corners are about 200 m from the centre
    expect(shape.boundary).toHaveLength(6);
    expect(distanceMeters([121.47, 31.68], shape.centre)).toBeLessThan(210);
    for (const corner of shape.boundary) expect(distanceMeters(shape.centre, corner)).toBeGreaterThan(150);
    // [lng, lat] order: longitude first
    expect(shape.centre[0]).toBeCloseTo(121.4695, 3);
  });

  it('two points 10 m apart near the centre share the cell; a point 500 m away does not', () => {
    expect(cellOf(121.4695, 31.6811, 9)).toBe(cellOf(121.4696, 31.6811, 9));
    expect(cellOf(121.4695, 31.6856, 9)).not.toBe(cellOf(121.4695, 31.6811, 9));
  });

  it('rejects what is not a cell', () => {
    expect(isCell('G1')).toBe(false);
  });
});
