/**
 * Building the routing input from the case machine's facts, so callers read the same fields the
 * same way. `returnedBy` is not in CaseFacts: the server collects it from the case's return events.
 */
import type { CaseFacts } from '../case/facts.js';
import type { RoutingCategory, RoutingInput } from './types.js';

export function routingInputFromCase(
  facts: Pick<CaseFacts, 'stationCode' | 'returnCount' | 'escalationLevel'>,
  category: RoutingCategory | null,
  returnedBy: readonly string[],
  crossDepartment = false,
): RoutingInput {
  return {
    category,
    stationCode: facts.stationCode,
    crossDepartment,
    returnCount: facts.returnCount,
    returnedBy: [...returnedBy],
    // 'station' is the level the SLA sweep puts an overdue case on; only an escalation to the
    // center or beyond says the station's own forces cannot handle it
    escalated: facts.escalationLevel === 'center' || facts.escalationLevel === 'leader',
  };
}
