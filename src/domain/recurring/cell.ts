/**
 * The small hexagonal cells (H3) recurring problems are counted in. Coordinates are WGS84 [lng, lat]
 * throughout the platform; h3-js speaks (lat, lng), so the order is turned here and nowhere else.
 */
import { cellToBoundary, cellToLatLng, isValidCell, latLngToCell } from 'h3-js';

/** The H3 cell (hex index, e.g. 8931aa53a4bffff at resolution 9) a WGS84 point lies in. */
export function cellOf(lng: number, lat: number, resolution: number): string {
  return latLngToCell(lat, lng, resolution);
}

export interface CellShape {
  /** [lng, lat] of the cell's centre */
  centre: [number, number];
  /** the hexagon's corners as [lng, lat], not closed (the first corner is not repeated) */
  boundary: Array<[number, number]>;
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

export function cellShape(cell: string): CellShape {
  const [lat, lng] = cellToLatLng(cell);
  return { centre: [round7(lng), round7(lat)], boundary: cellToBoundary(cell).map(([y, x]) => [round7(x), round7(y)] as [number, number]) };
}

export function isCell(value: string): boolean {
  return isValidCell(value);
}
