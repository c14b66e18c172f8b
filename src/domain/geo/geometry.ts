/** GeoJSON polygon geometry as profiles carry it: the coordinates are checked here, not trusted. */
export interface PolygonalGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export type Pair = [number, number];
export type Ring = Pair[];
/** polygons → rings → [lng, lat]; a Polygon becomes a one-element list */
export type MultiPolygonCoords = Ring[][];

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/**
 * Check a Polygon / MultiPolygon's coordinates and return them as MultiPolygon coordinates with
 * altitudes dropped. Throws with a readable message on malformed input (a profile error).
 */
export function toMultiPolygon(geometry: PolygonalGeometry): MultiPolygonCoords {
  switch (geometry.type) {
    case 'Polygon':
      return [toPolygon(geometry.coordinates, 'Polygon')];
    case 'MultiPolygon': {
      if (!Array.isArray(geometry.coordinates)) throw new Error('MultiPolygon coordinates must be an array');
      return geometry.coordinates.map((p: unknown, i) => toPolygon(p, `MultiPolygon[${i}]`));
    }
    default: {
      const unreachable: never = geometry.type;
      throw new Error(`not a polygon geometry: ${String(unreachable)}`);
    }
  }
}

function toPolygon(value: unknown, where: string): Ring[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where}: a polygon needs at least one ring`);
  return value.map((ring: unknown, r) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new Error(`${where} ring ${r}: a ring needs at least 4 positions`);
    return ring.map((pos: unknown): Pair => {
      if (!Array.isArray(pos) || typeof pos[0] !== 'number' || typeof pos[1] !== 'number') {
        throw new Error(`${where} ring ${r}: a position must be [lng, lat]`);
      }
      return [pos[0], pos[1]];
    });
  });
}

export function bboxOf(coords: MultiPolygonCoords): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of coords) {
    // only the outer ring bounds a polygon; holes lie inside it
    for (const [lng, lat] of polygon[0] ?? []) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return { minLng, minLat, maxLng, maxLat };
}

export function bboxContains(box: BBox, lng: number, lat: number): boolean {
  return lng >= box.minLng && lng <= box.maxLng && lat >= box.minLat && lat <= box.maxLat;
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat;
}
