/**
 * Is (lng, lat) a usable WGS84 coordinate? Finite, within range, and not exactly (0, 0): "null
 * island" is what a phone or camera reports when it has no fix, never a real place in a town.
 */
export function validCoordinate(lng: number, lat: number): boolean {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return false;
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return false;
  return !(lng === 0 && lat === 0);
}
