import gcoordModule from 'gcoord';
import { crsValues, type Crs } from './crs-values.js';

export { crsValues, type Crs };

type Gcoord = typeof gcoordModule.default;
// Why the double cast: gcoord's CommonJS build does `module.exports = exported`, while its .d.ts
// calls that object `default`. Under NodeNext the default import is module.exports at runtime.
const gcoord: Gcoord =
  (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);

export function isCrs(value: string): value is Crs {
  return (crsValues as readonly string[]).includes(value);
}

/**
 * Convert a point to WGS84. Points outside China's bounding box are returned unchanged by gcoord
 * (the GCJ-02 offset is only defined inside China), which is the behaviour we want.
 */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  switch (crs) {
    case 'wgs84':
      return [lng, lat];
    case 'gcj02':
      return pair(gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84));
    case 'bd09':
      return pair(gcoord.transform([lng, lat], gcoord.BD09, gcoord.WGS84));
    default: {
      const unreachable: never = crs;
      throw new Error(`unknown coordinate system ${String(unreachable)}`);
    }
  }
}

function pair(position: readonly number[]): [number, number] {
  const [x, y] = position;
  if (x === undefined || y === undefined) throw new Error('gcoord returned an incomplete position');
  return [x, y];
}
