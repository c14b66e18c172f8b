/** Recurring-problem rows as API DTOs, with the town's names for codes. */
import type { RecurringRecordDto } from '../../contracts/recurring.js';
import { cellShape, type PlaceKind, type RecurringStatus } from '../../domain/recurring/index.js';
import type { RecurringRecordRow } from '../db/repositories/recurring-detection-repository.js';
import { placeName } from '../recurring/place-name.js';
import type { TownSnapshot } from '../services/town-snapshot.js';

export function presentRecord(row: RecurringRecordRow, town: TownSnapshot): RecurringRecordDto {
  const kind = row.place_kind as PlaceKind;
  return {
    id: row.id,
    status: row.status as RecurringStatus,
    category: { code: row.category_code, name: town.categories.get(row.category_code)?.name ?? row.category_code },
    place: {
      kind,
      code: row.place,
      name: placeName(town, kind, row.grid_code),
      grid: { code: row.grid_code, name: town.gridNames.get(row.grid_code) ?? row.grid_code },
      centre: kind === 'cell' ? cellShape(row.place).centre : null,
    },
    station: row.station_code ? { code: row.station_code, name: town.stationNames.get(row.station_code) ?? row.station_code } : null,
    ownerUnit: { code: row.owner_unit, name: town.units.get(row.owner_unit)?.name ?? row.owner_unit },
    caseCount: Number(row.case_count),
    complaints: Number(row.complaints),
    reopenCount: Number(row.reopen_count),
    plan: row.plan,
    plannedAt: row.planned_at,
    struckOff: row.struck_off_at ? { at: row.struck_off_at, by: row.struck_off_by ?? '', reason: row.strike_reason ?? '' } : null,
    firstReportedAt: row.first_reported_at,
    lastReportedAt: row.last_reported_at,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}
