/** Routing (三个坚持) against the town in memory; the decision is stored with the rule that fired. */
import { routeCase, ruleLabels, type RoutingContext, type RoutingDecision } from '../../domain/routing/index.js';
import type { TownSnapshot } from '../services/town-snapshot.js';
import { withProps } from '../../domain/with-props.js';

export interface StoredRouting {
  kind: RoutingDecision['kind'];
  rule: RoutingDecision['rule'];
  ruleLabel: { zh: string; en: string };
  leadUnit: string | null;
  assistUnits: string[];
  candidates: string[];
  explanation: { zh: string; en: string };
  facts: RoutingDecision['facts'];
  decidedAt: string;
}

export interface RouteRequest {
  categoryCode: string | null;
  stationCode: string | null;
  returnCount: number;
  returnedBy: string[];
  crossDepartment?: boolean;
  escalated?: boolean;
}

/** What routing needs of a town, built once per snapshot (intake is a hot path). */
interface RoutingView {
  context: RoutingContext;
  /** the town's unit codes, to put their names into an explanation */
  unitPattern: RegExp;
  /**
   * A new case's routing (never returned, not escalated, not flagged cross-department) depends on its
   * category and station alone: decided once per pair and snapshot, frozen, and shared by every intake.
   */
  fresh: Map<string, { decided: Readonly<Omit<StoredRouting, 'decidedAt'>>; json: string }>;
}

/** the JSON text of a routing made from a shared decision, made from the decision's own (see routingJson) */
const knownJson = new WeakMap<StoredRouting, string>();

/**
 * JSON.stringify(routing). A new case's routing is a shared decision with its instant added last, so
 * its text is the decision's text (kept with it) with the instant appended: the same characters,
 * without serialising the decision's explanation again for every intake.
 */
export function routingJson(routing: StoredRouting): string {
  return knownJson.get(routing) ?? JSON.stringify(routing);
}

const routingViews = new WeakMap<TownSnapshot, RoutingView>();

function routingViewOf(town: TownSnapshot): RoutingView {
  let view = routingViews.get(town);
  if (!view) {
    const codes = [...town.units.keys()].sort((a, b) => b.length - a.length);
    view = {
      context: {
        departments: [...town.units.values()].map((u) => ({ code: u.code, kind: u.kind, stationCode: u.stationCode, fallback: u.fallback })),
        rules: town.rules.routing,
        categories: [...town.categories.values()].map((c) => ({ owner: c.owner, lead: c.lead ?? null })),
      },
      unitPattern: new RegExp(`(?<![A-Za-z0-9_-])(${codes.map((c) => c.replace(/[-]/g, '\\-')).join('|')})(?![A-Za-z0-9_-])`, 'g'),
      fresh: new Map(),
    };
    routingViews.set(town, view);
  }
  return view;
}

export function routeFor(town: TownSnapshot, request: RouteRequest, at: string): StoredRouting {
  if (request.returnCount > 0 || request.returnedBy.length > 0 || request.crossDepartment || request.escalated) return withProps(decide(town, request), { decidedAt: at });
  const fresh = routingViewOf(town).fresh;
  const key = `${request.categoryCode ?? ''}|${request.stationCode ?? ''}`;
  let shared = fresh.get(key);
  if (!shared) {
    const decided = deepFreeze(decide(town, request));
    shared = { decided, json: JSON.stringify(decided) };
    fresh.set(key, shared);
  }
  const routing = withProps(shared.decided, { decidedAt: at });
  // decidedAt is the last member: the decision's text, its closing brace replaced
  knownJson.set(routing, `${shared.json.slice(0, -1)},"decidedAt":${JSON.stringify(at)}}`);
  return routing;
}

function decide(town: TownSnapshot, request: RouteRequest): Omit<StoredRouting, 'decidedAt'> {
  const category = request.categoryCode ? town.categories.get(request.categoryCode) ?? null : null;
  const decision = routeCase(
    {
      category: category ? { code: category.code, owner: category.owner, lead: category.lead ?? null, assists: category.assists, stationLevel: category.stationLevel } : null,
      stationCode: request.stationCode,
      crossDepartment: request.crossDepartment ?? false,
      returnCount: request.returnCount,
      returnedBy: request.returnedBy,
      escalated: request.escalated ?? false,
    },
    routingViewOf(town).context,
  );
  return {
    kind: decision.kind,
    rule: decision.rule,
    ruleLabel: ruleLabels[decision.rule],
    leadUnit: decision.kind === 'auto' ? decision.leadUnit : null,
    assistUnits: decision.kind === 'auto' ? decision.assistUnits : [],
    candidates: decision.kind === 'designation_required' ? decision.candidates : [],
    explanation: withUnitNames(decision.explanation, town),
    facts: decision.facts,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The domain explains with unit codes (it knows no names); people read names: 城管中队, not CGZD. */
function withUnitNames(text: { zh: string; en: string }, town: TownSnapshot): { zh: string; en: string } {
  const pattern = routingViewOf(town).unitPattern;
  const name = (code: string) => town.units.get(code)?.name ?? code;
  return { zh: text.zh.replace(pattern, (c) => name(c)), en: text.en.replace(pattern, (c) => `${name(c)} (${c})`) };
}
