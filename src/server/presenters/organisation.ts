/** Rows of the organisation tables → the HTTP contracts (src/contracts/organisation.ts). */
import type { CategoryDto, DepartmentDto, StationDto, TownDto } from '../../contracts/organisation.js';
import type { TownsTable } from '../db/schema.js';
import type { DutyList } from '../../domain/profile/duty-lists.js';
import { isInForce, type StationValidity } from '../../domain/profile/effective-station.js';
import type { CategoryRow, DepartmentRow, GridRow, StationRow } from '../db/repositories/organisation-repository.js';

const parse = <T>(json: string | null, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

export function stationValidity(row: StationRow): StationValidity {
  return { code: row.code, temporary: row.temporary === 1, validFrom: row.valid_from, validTo: row.valid_to, takesOverGrids: parse<string[]>(row.takes_over_grids, []) };
}

export function presentStation(row: StationRow, gridCount: number, localDate: string): StationDto {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    committee: row.committee_code,
    temporary: row.temporary === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    inForce: isInForce(stationValidity(row), localDate),
    takesOverGrids: parse<string[]>(row.takes_over_grids, []),
    gridCount,
    phone: row.phone,
    address: row.address,
  };
}

export function presentDepartment(row: DepartmentRow, duties: DutyList | undefined): DepartmentDto {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as DepartmentDto['kind'],
    stationCode: row.station_code,
    jointSeat: row.joint_seat === 1,
    fallback: row.fallback === 1,
    phone: row.phone,
    tasks: parse<string[]>(row.tasks, []),
    liaisonStations: parse<string[]>(row.liaison_stations, []),
    duties: duties ?? { owns: [], leads: [], assists: [] },
  };
}

export function presentCategory(row: CategoryRow): CategoryDto {
  return {
    code: row.code,
    kind: row.kind as CategoryDto['kind'],
    majorCode: row.major_code,
    majorName: row.major_name,
    name: row.name,
    legacyCode: row.legacy_code,
    owner: row.owner,
    lead: row.lead,
    assists: parse<string[]>(row.assists, []),
    stationLevel: row.station_level === 1,
    persistent: row.persistent === 1,
    keywords: parse<string[]>(row.keywords, []),
    limits: parse<CategoryDto['limits']>(row.limits, []),
  };
}

export function presentGridFeature(row: GridRow, stationName: string | null) {
  return {
    type: 'Feature' as const,
    id: row.code,
    properties: { code: row.code, name: row.name, stationCode: row.station_code, stationName },
    geometry: JSON.parse(row.geometry) as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] },
  };
}

export function presentTown(town: TownsTable, stations: StationRow[], tileUrl: string | null): TownDto {
  return {
    code: town.id,
    name: town.name,
    nameEn: town.name_en,
    district: { code: town.district_code, name: town.district_name },
    center: [town.center_lng, town.center_lat],
    boundary: JSON.parse(town.boundary) as TownDto['boundary'],
    stationAreas: {
      type: 'FeatureCollection',
      features: stations
        .filter((s) => s.area !== null)
        .map((s) => ({ type: 'Feature' as const, id: s.code, properties: { code: s.code, name: s.short_name, temporary: s.temporary === 1 }, geometry: JSON.parse(s.area!) as TownDto['boundary']['geometry'] })),
    },
    tileUrl,
  };
}
