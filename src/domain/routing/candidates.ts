/**
 * Who may sensibly get a case besides the first choice: assisting units for a lead unit, and the
 * short list a coordinator designates from (指定谁谁办理). Candidate lists never include the center
 * itself: the center designates, it does not handle.
 */
import type { RoutingCategory, RoutingContext } from './types.js';
import { distinct, fallbackUnitOf, isAvailable, stationTeamOf } from './units.js';

/**
 * Assisting units for `leadUnit` on a cross-department category: the owner (when it does not lead)
 * then the category's assists, minus the lead unit, minus `exclude` (units that returned the case
 * must not get it back automatically, not even as assistants), minus missing or inactive units.
 */
export function suggestAssists(
  category: Pick<RoutingCategory, 'owner' | 'assists'>,
  leadUnit: string,
  ctx: RoutingContext,
  exclude: readonly string[] = [],
): string[] {
  return distinct([category.owner, ...category.assists]).filter(
    (code) => code !== leadUnit && !exclude.includes(code) && isAvailable(ctx, code),
  );
}

function usable(codes: readonly (string | undefined)[], ctx: RoutingContext): string[] {
  return distinct(codes.filter((c): c is string => c !== undefined)).filter(
    (code) => code !== ctx.rules.centerUnit && isAvailable(ctx, code),
  );
}

/**
 * Designation candidates for a classified case, in ladder order: the station's own forces (for a
 * station-level category), lead, owner, assists, fallback. Units that returned the case stay in
 * the list: whom to designate is the coordinator's call, and a designated unit can no longer
 * return it.
 */
export function categoryCandidates(category: RoutingCategory, stationCode: string | null, ctx: RoutingContext): string[] {
  const team = category.stationLevel && stationCode !== null ? stationTeamOf(ctx, stationCode)?.code : undefined;
  return usable([team, category.lead ?? undefined, category.owner, ...category.assists, fallbackUnitOf(ctx)?.code], ctx);
}

/**
 * Designation candidates for an unclassified case: the station's own forces (area matters), every
 * department that owns or leads a category (in profile order), and the fallback contractor.
 */
export function unclassifiedCandidates(stationCode: string | null, ctx: RoutingContext): string[] {
  const team = stationCode !== null ? stationTeamOf(ctx, stationCode)?.code : undefined;
  const holders = ctx.categories ? dutyHolders(ctx.categories) : null;
  const duty = ctx.departments
    .filter((d) =>
      holders
        ? holders.has(d.code)
        : d.kind === 'enforcement' || d.kind === 'management' || d.kind === 'utility' || d.kind === 'property',
    )
    .filter((d) => !d.fallback && d.kind !== 'station_team')
    .map((d) => d.code);
  return usable([team, ...duty, fallbackUnitOf(ctx)?.code], ctx);
}

/** The units that own or lead a category, once per catalogue (a town's context is kept while its profile stands). */
const holdersByCatalogue = new WeakMap<readonly Pick<RoutingCategory, 'owner' | 'lead'>[], ReadonlySet<string>>();

function dutyHolders(categories: readonly Pick<RoutingCategory, 'owner' | 'lead'>[]): ReadonlySet<string> {
  let holders = holdersByCatalogue.get(categories);
  if (!holders) {
    holders = new Set(categories.flatMap((c) => (c.lead ? [c.owner, c.lead] : [c.owner])));
    holdersByCatalogue.set(categories, holders);
  }
  return holders;
}
