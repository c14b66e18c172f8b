/**
 * Everything the loop needs to know about the town, built once from the profile tables and kept in
 * memory until the town's profile hash changes: categories, the classifier, the working calendar,
 * the routing rules, departments, stations and the grid index.
 */
import type { Kysely } from 'kysely';
import { createWorkCalendar, localDateOf, type WorkCalendar } from '../../domain/calendar/index.js';
import { trainClassifier, type Classifier } from '../../domain/classify/index.js';
import { createGridIndex, gridPlaceNames, stationPlaceNames, type GridIndex, type GridLocation, type Place } from '../../domain/geo/index.js';
import { effectiveStation, type StationValidity } from '../../domain/profile/effective-station.js';
import type { Category, DepartmentKind, DeviceKind, RulesFile } from '../../domain/profile/schema.js';
import type { DB } from '../db/schema.js';
import { listCategories, listDepartments, listGrids, listStations } from '../db/repositories/organisation-repository.js';
import { listHolidays } from '../db/repositories/holiday-repository.js';
import { findTown } from '../db/repositories/town-repository.js';
import { closedCaseExamples } from '../db/repositories/case-repository.js';
import { listDevices } from '../db/repositories/device-repository.js';
import { presentCategory, stationValidity } from '../presenters/organisation.js';

export interface UnitInfo {
  code: string;
  name: string;
  kind: DepartmentKind;
  stationCode: string | null;
  fallback: boolean;
}

export interface TownSnapshot {
  hash: string;
  /** the town's name (the screen's title) */
  name: string;
  rules: RulesFile;
  categories: Map<string, Category>;
  classifier: Classifier;
  calendar: WorkCalendar;
  units: Map<string, UnitInfo>;
  stations: StationValidity[];
  stationNames: Map<string, string>;
  gridNames: Map<string, string>;
  gridIndex: GridIndex;
  /** cameras and sensors (devices.yaml), by id order */
  devices: DeviceInfo[];
  /** the names an address may locate a report by: grids, the spots devices watch, stations */
  places: Place[];
}

export interface DeviceInfo {
  id: string;
  kind: DeviceKind;
  name: string;
  lng: number;
  lat: number;
  /** the grid given in the profile, or null (then derived from the location) */
  gridCode: string | null;
  metrics: string[];
}

export interface Located {
  gridCode: string;
  gridName: string;
  /** the station answering for the grid on that day (a temporary station may have taken it over) */
  stationCode: string;
  stationName: string | null;
}

/** How many closed cases the classifier learns from when a snapshot is built. */
export const CLASSIFIER_EXAMPLES = 5000;

/** How long a snapshot is trusted before the profile hash is read again (a CLI load is seen within it). */
export const SNAPSHOT_RECHECK_MS = 2000;

export class TownSnapshots {
  private cache: TownSnapshot | null = null;
  private checkedAt = -Infinity;
  private building: Promise<TownSnapshot> | null = null;
  constructor(private readonly db: Kysely<DB>, readonly townId: string) {}

  /** Drops the snapshot so the next call rebuilds it (after this process loaded a profile). */
  invalidate(): void {
    // not 0: performance.now() counts from the process's start, so a young process would still
    // find 0 "fresh" and serve the old snapshot
    this.checkedAt = -Infinity;
  }

  async current(): Promise<TownSnapshot> {
    // the hot path (every intake, every action) reads no table while the snapshot is fresh
    if (this.cache && performance.now() - this.checkedAt < SNAPSHOT_RECHECK_MS) return this.cache;
    const town = await findTown(this.db, this.townId);
    this.checkedAt = performance.now();
    if (!town) throw new Error(`town ${this.townId} is not loaded`);
    if (this.cache?.hash === town.profile_hash) return this.cache;
    // one build at a time: concurrent requests after a profile change wait for the same build; a
    // build that began before the change (an older hash) is waited for, then followed by a new one
    for (;;) {
      this.building ??= this.build(town.profile_hash, town.name, JSON.parse(town.rules) as RulesFile).finally(() => {
        this.building = null;
      });
      const built = await this.building;
      this.cache = built;
      if (built.hash === town.profile_hash) return built;
    }
  }

  private async build(hash: string, name: string, rules: RulesFile): Promise<TownSnapshot> {
    const [categoryRows, departments, stations, grids, holidays, closed, devices] = await Promise.all([
      listCategories(this.db, this.townId),
      listDepartments(this.db, this.townId),
      listStations(this.db, this.townId),
      listGrids(this.db, this.townId),
      listHolidays(this.db, this.townId),
      closedCaseExamples(this.db, this.townId, CLASSIFIER_EXAMPLES),
      listDevices(this.db, this.townId),
    ]);
    const categories = new Map<string, Category>(
      categoryRows.map((row) => {
        const c = presentCategory(row);
        return [c.code, { ...c, legacyCode: c.legacyCode ?? undefined, lead: c.lead ?? undefined } as Category];
      }),
    );
    const snapshot: TownSnapshot = {
      hash,
      name,
      rules,
      categories,
      // the catalogue's words plus what dispatchers decided on closed cases (newest first)
      classifier: trainClassifier(
        [...categories.values()],
        closed.filter((c) => c.category_code !== null && categories.has(c.category_code)).map((c) => ({ text: c.description, categoryCode: c.category_code! })),
      ),
      calendar: createWorkCalendar({ overrides: holidays, workday: rules.deadlines.workday }),
      units: new Map(departments.map((d) => [d.code, { code: d.code, name: d.short_name, kind: d.kind as DepartmentKind, stationCode: d.station_code, fallback: d.fallback === 1 }])),
      stations: stations.map(stationValidity),
      stationNames: new Map(stations.map((s) => [s.code, s.short_name])),
      gridNames: new Map(grids.map((g) => [g.code, g.name])),
      gridIndex: createGridIndex(grids.map((g) => ({ properties: { code: g.code, name: g.name, stationCode: g.station_code }, geometry: JSON.parse(g.geometry) }))),
      devices: devices.map((d) => ({ id: d.code, kind: d.kind as DeviceKind, name: d.name, lng: d.lng, lat: d.lat, gridCode: d.grid_code, metrics: JSON.parse(d.metrics) as string[] })),
      places: [],
    };
    snapshot.places = townPlaces(snapshot);
    return snapshot;
  }

  /** WGS84 point at an instant (the instant decides whether a temporary station is in force). */
  async locate(lng: number, lat: number, at: Date): Promise<Located | null> {
    const s = await this.current();
    return locateIn(s, lng, lat, at);
  }
}

/** The town's places an address may name (address-places.ts), once the grid index is built. */
export function townPlaces(s: Pick<TownSnapshot, 'gridIndex' | 'gridNames' | 'stationNames' | 'devices'>): Place[] {
  const places: Place[] = [];
  for (const [gridCode, name] of s.gridNames) {
    const grid = s.gridIndex.byCode(gridCode);
    if (grid) for (const n of gridPlaceNames(name)) places.push({ name: n, gridCode, stationCode: grid.stationCode });
  }
  for (const d of s.devices) {
    const grid = deviceGridOf(s, d);
    if (grid) places.push({ name: d.name, gridCode: grid.gridCode, stationCode: grid.stationCode });
  }
  for (const [stationCode, shortName] of s.stationNames) for (const name of stationPlaceNames(shortName)) places.push({ name, gridCode: null, stationCode });
  return places;
}

/** A device's grid: the one the profile gives it, or the one its point lies in. */
function deviceGridOf(s: Pick<TownSnapshot, 'gridIndex'>, d: DeviceInfo): GridLocation | null {
  return d.gridCode ? s.gridIndex.byCode(d.gridCode) : s.gridIndex.locate(d.lng, d.lat);
}

/** A device's grid, with the station answering for it on that day. */
export function deviceIn(s: TownSnapshot, d: DeviceInfo, at: Date): Located | null {
  return located(s, deviceGridOf(s, d), at);
}

/** The grid of this code, with the station answering for it on that day; null when the town has none. */
export function gridIn(s: TownSnapshot, gridCode: string, at: Date): Located | null {
  return located(s, s.gridIndex.byCode(gridCode), at);
}

export function locateIn(s: TownSnapshot, lng: number, lat: number, at: Date): Located | null {
  return located(s, s.gridIndex.locate(lng, lat), at);
}

function located(s: TownSnapshot, hit: GridLocation | null, at: Date): Located | null {
  if (!hit) return null;
  const stationCode = effectiveStation(hit.gridCode, hit.stationCode, s.stations, localDateOf(at));
  return { gridCode: hit.gridCode, gridName: hit.gridName, stationCode, stationName: s.stationNames.get(stationCode) ?? null };
}
