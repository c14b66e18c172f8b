/** Mean Earth radius (IUGG), metres. Haversine on a sphere is within 0.5 % of the ellipsoid. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two [lng, lat] points in degrees (haversine). */
export function distanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const [lng1, lat1] = a;
  const [lng2, lat2] = b;
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  // min() guards against h creeping past 1 through rounding for antipodal points
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SearchBox {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/**
 * A lng/lat box that contains every point within `radiusMeters` of (lng, lat), for an indexed
 * range query before the exact distance check. It is deliberately a little generous (1 %): a
 * prefilter may return extra rows, never miss one.
 */
export function searchBox(lng: number, lat: number, radiusMeters: number): SearchBox {
  const dLat = ((radiusMeters * 1.01) / EARTH_RADIUS_M) / RAD;
  // the widest point of the circle is nearer the pole, so use the poleward latitude's cosine
  const poleward = Math.min(89.9, Math.abs(lat) + dLat);
  const dLng = dLat / Math.cos(poleward * RAD);
  return {
    minLng: Math.max(-180, lng - dLng),
    maxLng: Math.min(180, lng + dLng),
    minLat: Math.max(-90, lat - dLat),
    maxLat: Math.min(90, lat + dLat),
  };
}
