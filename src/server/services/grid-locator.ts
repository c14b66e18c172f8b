/**
 * Point → grid → station for a town, with the grid index kept in memory and rebuilt only when the
 * town's profile hash changes (a `cityops profile load` from another process is noticed).
 */
import type { Kysely } from 'kysely';
import { localDateOf } from '../../domain/calendar/index.js';
import { createGridIndex, type GridIndex } from '../../domain/geo/index.js';
import { effectiveStation, type StationValidity } from '../../domain/profile/effective-station.js';
import type { DB } from '../db/schema.js';
import { listGrids, listStations } from '../db/repositories/organisation-repository.js';
import { findTown } from '../db/repositories/town-repository.js';
import { stationValidity } from '../presenters/organisation.js';

export interface Located {
  gridCode: string;
  gridName: string;
  /** the station answering for the grid on that day (a temporary station may have taken it over) */
  stationCode: string;
  stationName: string | null;
}

interface Cached {
  hash: string;
  index: GridIndex;
  stations: StationValidity[];
  stationNames: Map<string, string>;
}

export class GridLocator {
  private cache: Cached | null = null;
  constructor(private readonly db: Kysely<DB>, private readonly townId: string) {}

  private async current(): Promise<Cached | null> {
    const town = await findTown(this.db, this.townId);
    if (!town) return null;
    if (this.cache?.hash === town.profile_hash) return this.cache;
    const [grids, stations] = await Promise.all([listGrids(this.db, this.townId), listStations(this.db, this.townId)]);
    const index = createGridIndex(
      grids.map((g) => ({ properties: { code: g.code, name: g.name, stationCode: g.station_code }, geometry: JSON.parse(g.geometry) })),
    );
    this.cache = { hash: town.profile_hash, index, stations: stations.map(stationValidity), stationNames: new Map(stations.map((s) => [s.code, s.short_name])) };
    return this.cache;
  }

  /** WGS84 point at an instant (the instant decides whether a temporary station is in force). */
  async locate(lng: number, lat: number, at: Date): Promise<Located | null> {
    const c = await this.current();
    if (!c) return null;
    const hit = c.index.locate(lng, lat);
    if (!hit) return null;
    const stationCode = effectiveStation(hit.gridCode, hit.stationCode, c.stations, localDateOf(at));
    return { gridCode: hit.gridCode, gridName: hit.gridName, stationCode, stationName: c.stationNames.get(stationCode) ?? null };
  }
}
