/** HTTP contracts of the organisation read endpoints (stations, grids, departments, categories, locate). */
import { z } from 'zod';
import { departmentKinds, slaSteps, timeUnits, urgencies } from '../domain/profile/schema.js';

export const stationDto = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  committee: z.string().nullable(),
  temporary: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** whether a temporary station is in force today (permanent stations always are) */
  inForce: z.boolean(),
  takesOverGrids: z.array(z.string()),
  gridCount: z.number().int(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type StationDto = z.infer<typeof stationDto>;

export const dutyListDto = z.object({ owns: z.array(z.string()), leads: z.array(z.string()), assists: z.array(z.string()) });

export const departmentDto = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(departmentKinds),
  stationCode: z.string().nullable(),
  jointSeat: z.boolean(),
  fallback: z.boolean(),
  phone: z.string().nullable(),
  tasks: z.array(z.string()),
  liaisonStations: z.array(z.string()),
  duties: dutyListDto,
});
export type DepartmentDto = z.infer<typeof departmentDto>;

const timeLimitDto = z.object({ amount: z.number(), unit: z.enum(timeUnits) });
export const categoryDto = z.object({
  code: z.string(),
  kind: z.enum(['部件', '事件']),
  majorCode: z.string(),
  majorName: z.string(),
  name: z.string(),
  legacyCode: z.string().nullable(),
  owner: z.string(),
  lead: z.string().nullable(),
  assists: z.array(z.string()),
  stationLevel: z.boolean(),
  persistent: z.boolean(),
  keywords: z.array(z.string()),
  limits: z.array(
    z.object({
      urgency: z.enum(urgencies),
      registerCondition: z.string(),
      closeCondition: z.string(),
      steps: z.record(z.enum(slaSteps), timeLimitDto),
    }),
  ),
});
export type CategoryDto = z.infer<typeof categoryDto>;

export const gridFeatureDto = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({ code: z.string(), name: z.string(), stationCode: z.string(), stationName: z.string().nullable() }),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
});
export const gridCollectionDto = z.object({ type: z.literal('FeatureCollection'), features: z.array(gridFeatureDto) });

export const locateQuery = z.strictObject({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']).default('wgs84'),
});
export const locateDto = z.object({
  lng: z.number(),
  lat: z.number(),
  gridCode: z.string(),
  gridName: z.string(),
  stationCode: z.string(),
  stationName: z.string().nullable(),
});

const polygonal = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });
export const townDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  district: z.object({ code: z.string(), name: z.string() }),
  center: z.tuple([z.number(), z.number()]),
  /** the town's outline, for the map (illustrative in the Dongping profile) */
  boundary: z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()), geometry: polygonal }),
  stationAreas: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), properties: z.object({ code: z.string(), name: z.string(), temporary: z.boolean() }), geometry: polygonal })),
  }),
  /** optional tile URL template for the map (CITYOPS_TILE_URL); the GeoJSON is the map otherwise */
  tileUrl: z.string().nullable(),
});
export type TownDto = z.infer<typeof townDto>;
