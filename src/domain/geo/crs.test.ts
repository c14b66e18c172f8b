import { describe, expect, it } from 'vitest';
import { crsValues, isCrs, toWgs84 } from './crs.js';
import { distanceMeters } from './distance.js';

// metres per degree on the mean sphere: R·π/180 = 6 371 008.8 · 0.0174533 = 111 195.08
const M_PER_DEG = 111_195.08;

/** Baidu's published BD-09 ← GCJ-02 formula, written out here as an independent oracle. */
function gcjToBd(lng: number, lat: number): [number, number] {
  const xPi = (Math.PI * 3000) / 180;
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

describe('toWgs84', () => {
  it('lists exactly the three accepted systems', () => {
    expect([...crsValues]).toEqual(['wgs84', 'gcj02', 'bd09']);
    expect(isCrs('gcj02')).toBe(true);
    expect(isCrs('GCJ02')).toBe(false);
  });

  it('leaves WGS84 untouched', () => {
    expect(toWgs84(121.47, 31.68, 'wgs84')).toEqual([121.47, 31.68]);
  });

  it('moves a GCJ-02 point in Chongming by the ~500 m Mars offset, west and a little north', () => {
    const [lng, lat] = toWgs84(121.47, 31.68, 'gcj02');
    const westMeters = (121.47 - lng) * M_PER_DEG * Math.cos((31.68 * Math.PI) / 180);
    const northMeters = (lat - 31.68) * M_PER_DEG;
    // In Shanghai GCJ-02 lies ~430 m east and ~200 m south of the true position, so converting
    // back to WGS84 moves the point west-north-west.
    expect(westMeters).toBeGreaterThan(350);
    expect(westMeters).toBeLessThan(500);
    expect(northMeters).toBeGreaterThan(150);
    expect(northMeters).toBeLessThan(260);
    const shift = distanceMeters([121.47, 31.68], [lng, lat]);
    expect(shift).toBeGreaterThan(400);
    expect(shift).toBeLessThan(700);
  });

  it('converts BD-09 to the same place as the GCJ-02 point it came from', () => {
    const fromGcj = toWgs84(121.47, 31.68, 'gcj02');
    const [bdLng, bdLat] = gcjToBd(121.47, 31.68);
    // the BD-09 offset itself is about 0.0065° east, 0.006° north (~1 km)
    expect(distanceMeters([121.47, 31.68], [bdLng, bdLat])).toBeGreaterThan(700);
    const fromBd = toWgs84(bdLng, bdLat, 'bd09');
    expect(distanceMeters(fromGcj, fromBd)).toBeLessThan(2);
  });

  it('does not shift points outside China', () => {
    expect(toWgs84(2.35, 48.85, 'gcj02')).toEqual([2.35, 48.85]);
  });
});
