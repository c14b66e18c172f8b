/**
 * `cityops profile load <dir>` and first start: writes a validated profile into the database in one
 * transaction. Idempotent (same profile → no change); an edited profile updates in place with history.
 * The console's administration pages load their edits through the same function (edit-profile-section.ts).
 */
import type { Transaction } from 'kysely';
import type { Profile } from '../../domain/profile/schema.js';
import type { Database } from '../db/database.js';
import { syncEntities, upsertTown, type EntityRow, type SyncCounts } from '../db/repositories/profile-repository.js';
import { currentProfileDocumentHash, insertProfileDocument } from '../db/repositories/town-profile-repository.js';
import type { DB, ProfileEntityTable } from '../db/schema.js';

export interface LoadResult {
  townId: string;
  changes: Record<string, SyncCounts>;
  changed: boolean;
  /** the document was stored as the town's current profile (it differed from the newest stored one) */
  documentStored: boolean;
}

type Position = [number, number];

function bboxOf(coordinates: unknown): [number, number, number, number] {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lng, lat] = c as Position;
      minLng = Math.min(minLng, lng); maxLng = Math.max(maxLng, lng);
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(coordinates);
  return [minLng, minLat, maxLng, maxLat];
}

const json = (v: unknown) => JSON.stringify(v);
const flag = (v: boolean | undefined) => (v ? 1 : 0);

/** The rows of each profile table, in the order foreign references need. */
export function profileRows(profile: Profile): Array<[ProfileEntityTable, EntityRow[]]> {
  const areaByStation = new Map(profile.stationAreas.map((f) => [String(f.properties.code), f.geometry]));
  return [
    ['center_groups', profile.centerGroups.map((g) => ({ code: g.code, name: g.name, duties: g.duties ?? null }))],
    ['stations', profile.stations.map((s) => ({
      code: s.code, name: s.name, short_name: s.shortName, committee_code: s.committee ?? null, temporary: flag(s.temporary),
      valid_from: s.validFrom ?? null, valid_to: s.validTo ?? null, takes_over_grids: json(s.takesOverGrids),
      area: areaByStation.has(s.code) ? json(areaByStation.get(s.code)) : null, address: s.address ?? null, phone: s.phone ?? null,
    }))],
    ['grids', profile.grids.map((g) => {
      const [minLng, minLat, maxLng, maxLat] = bboxOf(g.geometry.coordinates);
      return { code: g.properties.code, name: g.properties.name, station_code: g.properties.stationCode, geometry: json(g.geometry), min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat };
    })],
    ['departments', profile.departments.map((d) => ({
      code: d.code, name: d.name, short_name: d.shortName, kind: d.kind, station_code: d.stationCode ?? null, joint_seat: flag(d.jointSeat),
      fallback: flag(d.fallback), phone: d.phone ?? null, tasks: json(d.tasks), liaison_stations: json(d.liaisonStations),
    }))],
    ['categories', profile.categories.map((c) => ({
      code: c.code, kind: c.kind, major_code: c.majorCode, major_name: c.majorName, name: c.name, legacy_code: c.legacyCode ?? null,
      owner: c.owner, lead: c.lead ?? null, assists: json(c.assists), station_level: flag(c.stationLevel), persistent: flag(c.persistent),
      keywords: json(c.keywords), limits: json(c.limits),
    }))],
    ['personnel', profile.personnel.map((p) => ({
      code: p.code, name: p.name, position: p.position, group_code: p.group ?? null, department_code: p.department ?? null,
      station_code: p.station ?? null, phone: p.phone, grids: json(p.grids),
    }))],
    ['roster_shifts', profile.roster.shifts.map((s) => ({ code: s.code, name: s.name, start_time: s.start, end_time: s.end }))],
    ['roster_entries', profile.roster.rota.map((r, i) => ({
      code: `r${i + 1}`, weekdays: json(r.weekdays), shift_code: r.shift, group_code: r.group ?? null, station_code: r.station ?? null,
      personnel: json(r.personnel), leader_code: r.leader ?? null,
    }))],
    ['holidays', profile.holidays.map((h) => ({ code: h.date, type: h.type, name: h.name }))],
    ['devices', profile.devices.map((d) => ({
      code: d.id, kind: d.kind, name: d.name, lng: d.location[0], lat: d.location[1], grid_code: d.grid ?? null, metrics: json(d.metrics),
    }))],
  ];
}

export interface LoadOptions {
  at: string;
  by: string;
}

/**
 * Loads a validated profile inside the caller's transaction: the entity tables in place (history,
 * deactivation) and, when it differs from the newest stored one, the whole document (town_profiles),
 * which is what the console's administration pages edit.
 */
export async function loadProfileIn(trx: Transaction<DB>, profile: Profile, hash: string, options: LoadOptions): Promise<LoadResult> {
  const townId = profile.town.code;
  const ctx = { townId, profileHash: hash, at: options.at, by: options.by };
  const changes: Record<string, SyncCounts> = {};
  changes.towns = await upsertTown(trx, {
    id: townId, name: profile.town.name, name_en: profile.town.nameEn ?? null, district_code: profile.town.district.code,
    district_name: profile.town.district.name, timezone: profile.town.timezone, center_lng: profile.town.center[0],
    center_lat: profile.town.center[1], boundary: json(profile.boundary), rules: json(profile.rules), profile_hash: hash, updated_at: options.at,
  }, ctx);
  for (const [table, rows] of profileRows(profile)) changes[table] = await syncEntities(trx, table, rows, ctx);
  const changed = Object.values(changes).some((c) => c.inserted + c.updated + c.deactivated > 0);
  const documentStored = (await currentProfileDocumentHash(trx, townId)) !== hash;
  if (documentStored) await insertProfileDocument(trx, { town_id: townId, hash, document: json(profile), loaded_at: options.at, loaded_by: options.by });
  return { townId, changes, changed, documentStored };
}

export async function loadProfile(database: Database, profile: Profile, hash: string, options: LoadOptions): Promise<LoadResult> {
  return database.db.transaction().execute((trx) => loadProfileIn(trx, profile, hash, options));
}
