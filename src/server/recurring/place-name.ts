/** How a recurring problem's place is named for people: its grid, or the cell near a point of it. */
import type { TownSnapshot } from '../services/town-snapshot.js';

export function placeName(town: Pick<TownSnapshot, 'gridNames'>, placeKind: string | null, gridCode: string): string {
  const grid = town.gridNames.get(gridCode) ?? gridCode;
  return placeKind === 'cell' ? `${grid}（小区域）` : grid;
}
