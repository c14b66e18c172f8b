/**
 * The dispatch ladder of a classified case: the rungs tried in order, each skipped when its unit
 * is missing, inactive, has already returned the case, or (station forces) the station escalated.
 *
 *   station-level category:  station team → [lead →] owner → fallback
 *   ordinary category:                      [lead →] owner → fallback
 *
 * The lead rung exists for a cross-department case (the category names a lead or assists, or the
 * dispatcher flagged it); its unit is category.lead, or the owner when the category names none, in
 * which case the owner rung is the same unit and is not repeated. Assisting units are never
 * promoted to lead: their duty list says 协办, not 主办.
 */
import type { AutoRuleId, RoutingCategory, RoutingContext, RoutingInput, RungRole, SkipReason, SkippedRung } from './types.js';
import { fallbackUnitOf, findUnit, isActive, stationTeamOf } from './units.js';
import { withProps } from '../with-props.js';

export interface Rung {
  role: RungRole;
  unit: string | null;
  rule: AutoRuleId;
}

export function crossDepartmentSource(category: RoutingCategory | null, input: RoutingInput): 'category' | 'dispatcher' | null {
  if (category && (category.lead || category.assists.length > 0)) return 'category';
  return input.crossDepartment ? 'dispatcher' : null;
}

export function buildLadder(category: RoutingCategory, input: RoutingInput, ctx: RoutingContext): Rung[] {
  const rungs: Rung[] = [];
  if (category.stationLevel) {
    const team = input.stationCode === null ? undefined : stationTeamOf(ctx, input.stationCode);
    rungs.push({ role: 'station_team', unit: team?.code ?? null, rule: 'station_forces' });
  }
  const cross = crossDepartmentSource(category, input) !== null;
  const lead = category.lead || category.owner;
  if (cross) rungs.push({ role: 'lead', unit: lead, rule: 'lead' });
  if (!cross || lead !== category.owner) rungs.push({ role: 'owner', unit: category.owner, rule: 'owner' });
  rungs.push({ role: 'fallback', unit: fallbackUnitOf(ctx)?.code ?? ctx.rules.fallbackUnit, rule: 'fallback' });
  // a unit on two rungs (e.g. the fallback contractor owning a category) is tried once
  return rungs.filter((r, i) => r.unit === null || rungs.findIndex((o) => o.unit === r.unit) === i);
}

function skipReason(rung: Rung, input: RoutingInput, ctx: RoutingContext): SkipReason | null {
  if (rung.unit === null) return input.stationCode === null ? 'no_station' : 'missing';
  const dept = findUnit(ctx, rung.unit);
  if (dept === undefined) return 'missing';
  if (!isActive(dept)) return 'inactive';
  if (input.returnedBy.includes(rung.unit)) return 'returned';
  if (rung.role === 'station_team' && input.escalated) return 'escalated';
  return null;
}

export interface LadderResult {
  chosen: (Rung & { unit: string }) | null;
  skipped: SkippedRung[];
}

/** The first rung that can take the case, and the rungs passed over on the way. */
export function climbLadder(rungs: readonly Rung[], input: RoutingInput, ctx: RoutingContext): LadderResult {
  const skipped: SkippedRung[] = [];
  for (const rung of rungs) {
    const reason = skipReason(rung, input, ctx);
    if (reason === null && rung.unit !== null) return { chosen: withProps(rung, { unit: rung.unit }), skipped };
    skipped.push({ role: rung.role, unit: rung.unit, reason: reason ?? 'missing' });
  }
  return { chosen: null, skipped };
}
