/**
 * A small Dongping-like profile for the routing tests (codes from helpers/profile-codes.md,
 * category codes after GB/T 47678.5-2026). Illustrative test data, not the town's catalogue.
 */
import type { RoutingCategory, RoutingContext, RoutingDepartment, RoutingInput } from './types.js';

export const departments: RoutingDepartment[] = [
  { code: 'CENTER', kind: 'center', fallback: false },
  { code: 'SRS', kind: 'management', fallback: false },
  { code: 'SCS', kind: 'enforcement', fallback: false },
  { code: 'CGZD', kind: 'enforcement', fallback: false },
  { code: 'SWZ', kind: 'utility', fallback: false },
  { code: 'HW', kind: 'utility', fallback: false },
  { code: 'GDS', kind: 'utility', fallback: false, active: false }, // 供电所, switched off in this fixture
  { code: 'JW-QS', kind: 'committee', stationCode: 'QS', fallback: false },
  { code: 'ST-DF', kind: 'station_team', stationCode: 'DF', fallback: false },
  { code: 'ST-QS', kind: 'station_team', stationCode: 'QS', fallback: false },
  { code: 'ST-HBY', kind: 'station_team', stationCode: 'HBY', fallback: false },
  { code: 'ST-GL', kind: 'station_team', stationCode: 'GL', fallback: false, active: false },
  { code: 'DSF', kind: 'contractor', fallback: true },
];

/** 无序设摊 (无照经营游商): cross-department, CGZD owns and leads, SCS and SRS assist. */
export const stall: RoutingCategory = {
  code: '09001',
  owner: 'CGZD',
  lead: 'CGZD',
  assists: ['SCS', 'SRS'],
  stationLevel: false,
};
/** 暴露垃圾: station-level, owner HW (环卫所). */
export const garbage: RoutingCategory = { code: '06010', owner: 'HW', assists: [], stationLevel: true };
/** 井盖缺失 (雨水井盖): plain owner SWZ. */
export const manhole: RoutingCategory = { code: '01003', owner: 'SWZ', assists: [], stationLevel: false };
/** 无证餐饮: owner SCS, but CGZD leads, SRS assists (lead ≠ owner). */
export const unlicensedFood: RoutingCategory = {
  code: '09015',
  owner: 'SCS',
  lead: 'CGZD',
  assists: ['SRS'],
  stationLevel: false,
};
/** owner not in the department list (e.g. a typo or a unit merged away) */
export const orphan: RoutingCategory = { code: '09012', owner: 'XFJY', assists: [], stationLevel: false };
/** owner exists but is inactive */
export const powerCover: RoutingCategory = { code: '01005', owner: 'GDS', assists: [], stationLevel: false };

export const ctx: RoutingContext = {
  departments,
  rules: { designateAfterReturns: 2, fallbackUnit: 'DSF', centerUnit: 'CENTER' },
  categories: [stall, garbage, manhole, unlicensedFood, powerCover],
};

/** A fresh case: no returns, not escalated. */
export function input(
  category: RoutingCategory | null,
  stationCode: string | null,
  more: Partial<RoutingInput> = {},
): RoutingInput {
  return { category, stationCode, returnCount: 0, returnedBy: [], ...more };
}

/** A case returned by these units, in order. */
export function returned(
  category: RoutingCategory | null,
  stationCode: string | null,
  by: string[],
  more: Partial<RoutingInput> = {},
): RoutingInput {
  return { category, stationCode, returnCount: by.length, returnedBy: by, ...more };
}
