/**
 * Coordinate reference systems accepted at intake. Storage is always WGS84 (CGCS2000 is treated
 * as WGS84: the two differ by centimetres, far below a phone's GPS error).
 *   wgs84  GPS, 天地图, CGCS2000
 *   gcj02  高德 / 腾讯 map SDKs (the state-mandated "Mars" offset, ~500 m in Shanghai)
 *   bd09   百度 (GCJ-02 plus Baidu's own offset)
 * Kept apart from the conversion (crs.ts) so that input schemas shared with the web carry no converter.
 */
export const crsValues = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof crsValues)[number];
