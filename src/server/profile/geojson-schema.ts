import { z } from 'zod';
import type { GeoJsonFeature, GridFeature } from '../../domain/profile/schema.js';

/**
 * The GeoJSON files of a profile: WGS84 Polygon / MultiPolygon features. The messages are already
 * bilingual (Chinese first) because zod cannot translate them for us.
 */
const position = z
  .array(z.number())
  .min(2, '坐标应为 [经度, 纬度] (a position is [lng, lat])')
  .max(3, '坐标应为 [经度, 纬度] (a position is [lng, lat])')
  .refine(([lng = 0, lat = 0]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90, '坐标超出 WGS84 范围 (not a WGS84 position)');

const ring = z
  .array(position)
  .min(4, '多边形的环至少需要 4 个点 (a ring needs at least 4 positions)')
  .refine((r) => {
    const [a, b] = [r[0], r[r.length - 1]];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, '多边形的环首尾必须相同 (a ring must be closed)');

const polygon = z.array(ring).min(1, '多边形至少需要一个环 (a polygon needs a ring)');

export const polygonalGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);

const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable().default({}),
  geometry: polygonalGeometrySchema,
});

const gridFeatureSchema = featureSchema.extend({
  properties: z.looseObject({
    code: z.string().regex(/^\d{15}$/, '网格编码应为 15 位数字 (a grid code has 15 digits)'),
    name: z.string().min(1),
    stationCode: z.string().min(1),
  }),
});

const stationFeatureSchema = featureSchema.extend({
  properties: z.looseObject({ code: z.string().min(1) }),
});

const collection = <T extends z.ZodType>(feature: T) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(feature).min(1) });

/** The boundary: one Feature, or a FeatureCollection whose polygons together form the town. */
export const boundaryFileSchema = z.union([featureSchema, collection(featureSchema)]);
export const stationsGeoFileSchema = collection(stationFeatureSchema);
export const gridsGeoFileSchema = collection(gridFeatureSchema);

type Feature = z.infer<typeof featureSchema>;

/** Keeps only type, properties and geometry: ids and bboxes are not part of the profile. */
export function toProfileFeature(f: Feature): GeoJsonFeature {
  return { type: 'Feature', properties: { ...(f.properties ?? {}) }, geometry: f.geometry };
}

export function toGridFeature(f: z.infer<typeof gridFeatureSchema>): GridFeature {
  const { code, name, stationCode, ...rest } = f.properties;
  return { type: 'Feature', properties: { ...rest, code, name, stationCode }, geometry: f.geometry };
}

/** A multi-feature boundary becomes one MultiPolygon feature (the exclave of 前哨 is one town). */
export function toBoundaryFeature(file: z.infer<typeof boundaryFileSchema>): GeoJsonFeature {
  if (file.type === 'Feature') return toProfileFeature(file);
  const first = file.features[0];
  if (first !== undefined && file.features.length === 1) return toProfileFeature(first);
  const polygons = file.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  return { type: 'Feature', properties: { ...(first?.properties ?? {}) }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}
