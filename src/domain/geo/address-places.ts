/**
 * Locating a report that came with an address and no coordinates (R2): the town's own place names —
 * its grids, its stations, the spots its cameras and sensors watch — looked for in the address. The
 * most specific name wins: the longest one the address contains, and of equal length a grid or a
 * spot before a station. No match, no location: an address is never guessed into a place.
 */

/** A named place of the town: a grid or a spot within one (gridCode set), or a whole station. */
export interface Place {
  name: string;
  gridCode: string | null;
  stationCode: string;
}

/** Place names shorter than this are too common in addresses to tell anything (一个"东"字). */
const MIN_NAME_LENGTH = 2;

/** A name, and the same without its trailing kind (花博园西北网格 → 花博园西北, 前哨站 → 前哨) when enough is left. */
function withBareName(name: string, kind: string): string[] {
  const bare = name.endsWith(kind) ? name.slice(0, -kind.length) : name;
  return bare !== name && bare.length >= MIN_NAME_LENGTH ? [name, bare] : [name];
}

/** The names a grid is known by. */
export function gridPlaceNames(gridName: string): string[] {
  return withBareName(gridName, '网格');
}

/** The names a station is known by: its short name, and the area's name without 站. */
export function stationPlaceNames(shortName: string): string[] {
  return withBareName(shortName, '站');
}

export function placeInAddress(address: string, places: readonly Place[]): Place | null {
  let best: Place | null = null;
  for (const place of places) {
    if (place.name.length < MIN_NAME_LENGTH || !address.includes(place.name)) continue;
    if (!best || place.name.length > best.name.length || (place.name.length === best.name.length && best.gridCode === null && place.gridCode !== null)) best = place;
  }
  return best;
}
