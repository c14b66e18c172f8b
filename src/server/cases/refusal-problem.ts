/** The machine's refusal as problem+json: 403 for who, 409 for when (naming the state and what is allowed), 400 for what. */
import { statusLabels, type CaseStatus, type Refused } from '../../domain/case/index.js';
import { Problem } from '../http/problem.js';

export function refusalProblem(r: Refused, status: string): Problem {
  const extra = { state: status, stateLabel: statusLabels[status as CaseStatus] ?? null, allowedActions: r.allowedActions };
  switch (r.code) {
    case 'ROLE_NOT_ALLOWED':
    case 'OUT_OF_SCOPE':
      // who may not act learns nothing about the case's state (the machine checks who before when)
      return new Problem(403, r.code, r.message, [], { allowedActions: r.allowedActions });
    case 'ACTION_NOT_ALLOWED_IN_STATE':
      return new Problem(409, r.code, r.message, [], extra);
    case 'INPUT_INVALID':
      return new Problem(400, 'VALIDATION_FAILED', r.message, [{ field: `body${r.field ? `.${r.field}` : ''}`, message: r.message }], extra);
  }
}
