/**
 * The words of dispatch routing (MISSION R5, R6; seed §八2 「三个坚持」, §六1 小联勤联动).
 * Routing decides WHO a case goes to; whether dispatch / designate is allowed at all is the case
 * machine's business (src/domain/case), which routing never duplicates.
 */
import type { Label } from '../case/vocabulary.js';
import type { Department } from '../profile/schema.js';

export type DepartmentKind = Department['kind'];

/**
 *  owner                   谁主管谁办理 — the category's owner department, dispatched automatically
 *  lead                    谁牵头谁办理 — a cross-department matter: lead unit + assisting units
 *  station_forces          小联勤联动 — a station-level category: the station's own forces first
 *  fallback                第三方兜底 — nobody on the ladder can take it: the fallback contractor
 *  designate_no_rule       指定谁谁办理 — new / unclear matter, no rule matches
 *  designate_after_returns 指定谁谁办理 — returned too often (rules.routing.designateAfterReturns)
 */
export const ruleIds = [
  'owner',
  'lead',
  'station_forces',
  'fallback',
  'designate_no_rule',
  'designate_after_returns',
] as const;
export type RuleId = (typeof ruleIds)[number];
export type AutoRuleId = Extract<RuleId, 'owner' | 'lead' | 'station_forces' | 'fallback'>;
export type DesignationRuleId = Extract<RuleId, 'designate_no_rule' | 'designate_after_returns'>;

/** What routing needs of a category (a subset of the profile's Category). */
export interface RoutingCategory {
  code: string;
  owner: string;
  lead?: string | null;
  assists: string[];
  stationLevel: boolean;
}

export interface RoutingInput {
  /** null: the case is not classified yet */
  category: RoutingCategory | null;
  /** effective station of the case's grid (a temporary station in force wins); null: no grid */
  stationCode: string | null;
  /** the dispatcher flagged the case as cross-department */
  crossDepartment?: boolean;
  /** times returned so far (退单) */
  returnCount: number;
  /** department codes that returned it, in order */
  returnedBy: string[];
  /** the station escalated it: its own forces cannot handle it */
  escalated?: boolean;
}

export interface RoutingDepartment {
  code: string;
  kind: DepartmentKind;
  stationCode?: string | null;
  fallback: boolean;
  /** absent = active */
  active?: boolean;
}

export interface RoutingContext {
  departments: RoutingDepartment[];
  rules: { designateAfterReturns: number; fallbackUnit: string; centerUnit: string };
  /**
   * The catalogue's duty holders (owner / lead of each category). Used only to propose designation
   * candidates for an unclassified case; without it every active enforcement, management, utility
   * and property department is proposed.
   */
  categories?: ReadonlyArray<{ owner: string; lead?: string | null }>;
}

/** The rungs of the dispatch ladder, in the order they are tried. */
export const rungRoles = ['station_team', 'lead', 'owner', 'fallback'] as const;
export type RungRole = (typeof rungRoles)[number];

/** Why a rung of the ladder was passed over. */
export const skipReasons = ['no_station', 'missing', 'inactive', 'returned', 'escalated'] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface SkippedRung {
  role: RungRole;
  /** null when there is no unit at all (no station, no station team) */
  unit: string | null;
  reason: SkipReason;
}

/** What fired the rule; stored with the dispatch so it can be shown later. */
export interface RoutingFacts {
  categoryCode: string | null;
  /** the category field that named the chosen unit (null: fallback, designation) */
  categoryField: 'owner' | 'lead' | 'stationLevel' | null;
  stationCode: string | null;
  /** why the case counts as cross-department: the category (lead / assists) or the dispatcher's flag */
  crossDepartment: 'category' | 'dispatcher' | null;
  escalated: boolean;
  returnCount: number;
  designateAfterReturns: number;
  returnedBy: string[];
  /** rungs passed over before the chosen one, in ladder order */
  skipped: SkippedRung[];
}

export type RoutingDecision =
  | {
      kind: 'auto';
      rule: AutoRuleId;
      leadUnit: string;
      assistUnits: string[];
      facts: RoutingFacts;
      explanation: Label;
    }
  | {
      kind: 'designation_required';
      rule: DesignationRuleId;
      /** units a coordinator may sensibly designate, in ladder order; may include units that returned it */
      candidates: string[];
      /** the unit whose coordinators designate (rules.routing.centerUnit) */
      designatedBy: string;
      facts: RoutingFacts;
      explanation: Label;
    };
