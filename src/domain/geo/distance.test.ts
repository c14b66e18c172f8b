import { describe, expect, it } from 'vitest';
import { distanceMeters, searchBox } from './distance.js';
import { validCoordinate } from './coordinate.js';

describe('distanceMeters', () => {
  it('is R·Δφ along a meridian: 0.001° of latitude = 111.195 m', () => {
    expect(distanceMeters([121.47, 31.68], [121.47, 31.681])).toBeCloseTo(111.195, 2);
  });

  it('shrinks east-west by cos(latitude): 0.001° of longitude at 31.68 N = 94.626 m', () => {
    // 111.19508 · cos(31.68°) = 111.19508 · 0.850994 = 94.626
    expect(distanceMeters([121.47, 31.68], [121.471, 31.68])).toBeCloseTo(94.626, 2);
  });

  it('is symmetric and zero for the same point', () => {
    const a: [number, number] = [121.47, 31.68];
    const b: [number, number] = [121.5, 31.7];
    expect(distanceMeters(a, a)).toBe(0);
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 9);
  });

  it('gives half the circumference for antipodes', () => {
    expect(distanceMeters([0, 0], [180, 0])).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('searchBox', () => {
  it('spans at least the radius in each direction and not much more', () => {
    const box = searchBox(121.47, 31.68, 50);
    // 50 m = 0.0004497° of latitude; 0.0005284° of longitude at 31.68 N
    expect(box.maxLat - 31.68).toBeGreaterThanOrEqual(0.0004497);
    expect(box.maxLat - 31.68).toBeLessThan(0.00046);
    expect(31.68 - box.minLat).toBeGreaterThanOrEqual(0.0004497);
    expect(box.maxLng - 121.47).toBeGreaterThanOrEqual(0.0005284);
    expect(box.maxLng - 121.47).toBeLessThan(0.00054);
    expect(121.47 - box.minLng).toBeGreaterThanOrEqual(0.0005284);
  });

  it('contains points exactly at the radius on its diagonal directions', () => {
    const box = searchBox(121.47, 31.68, 50);
    const east: [number, number] = [box.maxLng, 31.68];
    expect(distanceMeters([121.47, 31.68], east)).toBeGreaterThanOrEqual(50);
    const north: [number, number] = [121.47, box.maxLat];
    expect(distanceMeters([121.47, 31.68], north)).toBeGreaterThanOrEqual(50);
  });
});

describe('validCoordinate', () => {
  it('accepts a point in the town and the extremes of the range', () => {
    expect(validCoordinate(121.47, 31.68)).toBe(true);
    expect(validCoordinate(-180, -90)).toBe(true);
    expect(validCoordinate(180, 90)).toBe(true);
  });

  it('rejects out-of-range, non-finite and the no-fix (0, 0)', () => {
    expect(validCoordinate(181, 31)).toBe(false);
    expect(validCoordinate(121, -90.1)).toBe(false);
    expect(validCoordinate(Number.NaN, 31)).toBe(false);
    expect(validCoordinate(121, Number.POSITIVE_INFINITY)).toBe(false);
    expect(validCoordinate(0, 0)).toBe(false);
    // swapped lat/lng for Shanghai puts latitude out of range
    expect(validCoordinate(31.68, 121.47)).toBe(false);
  });
});
