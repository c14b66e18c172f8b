/** Dispatch routing by the three rules (三个坚持) and the station ladder (小联勤联动), MISSION R5/R6. */
export { routeCase } from './route-case.js';
export { routingInputFromCase } from './from-case.js';
export { explainRule, ruleLabels, ruleDescriptions } from './rule-text.js';
export { suggestAssists, categoryCandidates, unclassifiedCandidates } from './candidates.js';
export { ruleIds, rungRoles, skipReasons } from './types.js';
export type {
  AutoRuleId,
  DepartmentKind,
  DesignationRuleId,
  RoutingCategory,
  RoutingContext,
  RoutingDecision,
  RoutingDepartment,
  RoutingFacts,
  RoutingInput,
  RuleId,
  RungRole,
  SkipReason,
  SkippedRung,
} from './types.js';
