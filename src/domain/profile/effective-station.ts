/**
 * Which station answers for a grid today: its permanent station, unless a temporary station that is
 * in force (e.g. 花博园区 during the Flower Expo) has taken the grid over.
 */
export interface StationValidity {
  code: string;
  temporary: boolean;
  validFrom: string | null;
  validTo: string | null;
  takesOverGrids: string[];
}

export function isInForce(station: Pick<StationValidity, 'temporary' | 'validFrom' | 'validTo'>, localDate: string): boolean {
  if (!station.temporary) return true;
  return (!station.validFrom || station.validFrom <= localDate) && (!station.validTo || localDate <= station.validTo);
}

export function effectiveStation(gridCode: string, permanentStation: string, stations: StationValidity[], localDate: string): string {
  for (const s of stations) {
    if (s.temporary && s.takesOverGrids.includes(gridCode) && isInForce(s, localDate)) return s.code;
  }
  return permanentStation;
}
