/**
 * The inspector phone app's GPS feed (POST /api/v1/inspectors/me/positions): a small batch of the
 * fixes the phone took since it last sent (more after a spell offline). Stored as WGS84.
 */
import { z } from 'zod';
import { POSITION_BATCH_MAX } from '../domain/positions/positions.js';

export const positionPointInput = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** the phone's accuracy radius in metres (GeolocationCoordinates.accuracy) */
  accuracy: z.number().min(0).max(100_000).optional(),
  /** the device's time of the fix; with the same user, the point's identity (a resent point is stored once) */
  at: z.iso.datetime({ offset: true }),
  /** coordinate system of lng/lat (the crs values of src/domain/geo, spelled out like intake's: the web bundle does not load gcoord); 高德/腾讯 SDKs give gcj02 */
  crs: z.enum(['wgs84', 'gcj02', 'bd09']).default('wgs84'),
});
export type PositionPointInput = z.input<typeof positionPointInput>;

export const reportPositionsBody = z.strictObject({
  points: z.array(positionPointInput).min(1).max(POSITION_BATCH_MAX),
});
export type ReportPositionsBody = z.infer<typeof reportPositionsBody>;
export type ReportPositionsInput = z.input<typeof reportPositionsBody>;

export const reportPositionsDto = z.object({
  /** points stored by this request */
  accepted: z.number().int(),
  /** points already stored (a resent batch): not stored twice */
  duplicates: z.number().int(),
  /** the inspector's latest position after this request (WGS84) */
  latest: z.object({ lng: z.number(), lat: z.number(), accuracy: z.number().nullable(), at: z.string() }),
});
export type ReportPositionsDto = z.infer<typeof reportPositionsDto>;
