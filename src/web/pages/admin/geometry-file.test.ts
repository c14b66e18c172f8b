import { describe, expect, it } from 'vitest';
import { geometryFromGeoJson, positionCount } from './geometry-file.js';

const polygon = { type: 'Polygon', coordinates: [[[121.4, 31.7], [121.41, 31.7], [121.41, 31.71], [121.4, 31.7]]] };

describe('reading a grid area from an uploaded GeoJSON file', () => {
  it('accepts a bare geometry, a Feature and a collection of one Feature', () => {
    expect(geometryFromGeoJson(JSON.stringify(polygon))).toEqual(polygon);
    expect(geometryFromGeoJson(JSON.stringify({ type: 'Feature', properties: {}, geometry: polygon }))).toEqual(polygon);
    expect(geometryFromGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon }] }))).toEqual(polygon);
    expect(positionCount(polygon as never)).toBe(4);
  });
  it('refuses what is not one polygonal area', () => {
    expect(geometryFromGeoJson('not json')).toBeNull();
    expect(geometryFromGeoJson(JSON.stringify({ type: 'Point', coordinates: [121, 31] }))).toBeNull();
    expect(geometryFromGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ geometry: polygon }, { geometry: polygon }] }))).toBeNull();
    expect(geometryFromGeoJson('null')).toBeNull();
  });
});
