/** Reads the area of a grid from an uploaded GeoJSON file: a Feature, a FeatureCollection of one Feature, or a bare geometry. */
import type { GridFeature } from '../../../domain/profile/schema.js';

export type GridGeometry = GridFeature['geometry'];

function isPolygonal(v: unknown): v is GridGeometry {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  return (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}

/** The polygonal geometry in the text, or null when there is none (the server checks rings, closure and WGS84). */
export function geometryFromGeoJson(text: string): GridGeometry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (isPolygonal(value)) return value;
  const v = value as { type?: unknown; geometry?: unknown; features?: unknown };
  if (v?.type === 'Feature') return isPolygonal(v.geometry) ? v.geometry : null;
  if (v?.type === 'FeatureCollection' && Array.isArray(v.features) && v.features.length === 1) {
    const f = v.features[0] as { geometry?: unknown };
    return isPolygonal(f.geometry) ? f.geometry : null;
  }
  return null;
}

/** How many positions the geometry has, for a plain-words summary. */
export function positionCount(g: GridGeometry): number {
  const count = (c: unknown): number => (Array.isArray(c) && typeof c[0] === 'number' ? 1 : Array.isArray(c) ? c.reduce((n: number, x) => n + count(x), 0) : 0);
  return count(g.coordinates);
}
