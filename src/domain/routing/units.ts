/** Looking units up in the profile's department list. */
import type { RoutingContext, RoutingDepartment } from './types.js';

export function findUnit(ctx: RoutingContext, code: string): RoutingDepartment | undefined {
  return ctx.departments.find((d) => d.code === code);
}

export function isActive(d: RoutingDepartment): boolean {
  return d.active !== false;
}

/** Exists and is active: may receive a case. */
export function isAvailable(ctx: RoutingContext, code: string): boolean {
  const d = findUnit(ctx, code);
  return d !== undefined && isActive(d);
}

/**
 * The station's own forces (联勤队): the station_team whose stationCode is the station. An active
 * one is preferred; an inactive one is still returned so the explanation can say it is inactive.
 */
export function stationTeamOf(ctx: RoutingContext, stationCode: string): RoutingDepartment | undefined {
  const teams = ctx.departments.filter((d) => d.kind === 'station_team' && d.stationCode === stationCode);
  return teams.find(isActive) ?? teams[0];
}

/**
 * The fallback contractor (第三方兜底单位): rules.routing.fallbackUnit when the profile has it,
 * otherwise the first department marked fallback: true (the validator normally makes both agree).
 */
export function fallbackUnitOf(ctx: RoutingContext): RoutingDepartment | undefined {
  return findUnit(ctx, ctx.rules.fallbackUnit) ?? ctx.departments.find((d) => d.fallback);
}

/** Distinct codes, first occurrence wins, order kept. */
export function distinct(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}
