/**
 * What an allowed action does to the case facts: the outcome it takes from the table, the new
 * facts (units, counters, flags) and the concrete deadline effects. Called by the machine only
 * after role, scope, state and input have been checked.
 */
import type { Actor, CaseFacts, DeadlineEffect } from './facts.js';
import { nextEscalationLevel } from './guards.js';
import type { CaseCommand } from './inputs.js';
import type { EffectTemplate, Outcome } from './rules.js';
import { caseRules } from './rules.js';
import type { CaseStatus } from './vocabulary.js';
import { withProps } from '../with-props.js';

export function outcomeOf(cmd: CaseCommand, facts: CaseFacts): Outcome {
  switch (cmd.action) {
    case 'verify':
      if (cmd.input.result === 'fail') return caseRules.verify.outcomes.fail;
      // nobody to ask (anonymous or sensor report): the visit is skipped, the case can be closed
      return facts.hasReporterContact ? caseRules.verify.outcomes.pass : caseRules.verify.outcomes.passWithoutVisit;
    case 'decide-extension':
      return caseRules['decide-extension'].outcomes[cmd.input.decision];
    default:
      return caseRules[cmd.action].outcomes.done;
  }
}

export function resolveTarget(outcome: Outcome, facts: CaseFacts): CaseStatus {
  switch (outcome.to) {
    case 'same':
      return facts.status;
    case 'previous':
      if (facts.suspendedFrom === null) throw new Error('resume without suspendedFrom (guard missing)');
      return facts.suspendedFrom;
    default:
      return outcome.to;
  }
}

export function resolveEffects(templates: readonly EffectTemplate[], cmd: CaseCommand): DeadlineEffect[] {
  return templates.map((t): DeadlineEffect => {
    if (t.kind !== 'extend') return t;
    if (cmd.action !== 'decide-extension' || cmd.input.decision !== 'approve') {
      throw new Error(`an extend effect needs an approved limit (action ${cmd.action})`);
    }
    return { kind: 'extend', step: t.step, limit: cmd.input.limit };
  });
}

export interface Applied {
  facts: CaseFacts;
  /** derived values recorded with the event (counters after the change, levels, …) */
  extras: Record<string, unknown>;
}

export function applyCommand(facts: CaseFacts, cmd: CaseCommand, actor: Actor, to: CaseStatus): Applied {
  const next: CaseFacts = withProps(facts, { assistUnits: [...facts.assistUnits], status: to });
  switch (cmd.action) {
    case 'register':
    case 'void':
    case 'accept':
    case 'start':
    case 'visit':
    case 'close':
    case 'urge':
    case 'instruct':
    case 'handle-locally':
      return { facts: next, extras: {} };
    case 'dispatch':
    case 'designate':
      next.leadUnit = cmd.input.leadUnit;
      next.assistUnits = [...cmd.input.assistUnits];
      next.designated = cmd.action === 'designate';
      return { facts: next, extras: {} };
    case 'return':
      // back with the dispatcher: nobody is assigned until the next dispatch
      next.leadUnit = null;
      next.assistUnits = [];
      next.returnCount = facts.returnCount + 1;
      return { facts: next, extras: { returnCount: next.returnCount } };
    case 'feedback':
      // the work is reported done, so an undecided request for more time lapses
      next.extensionPending = false;
      return { facts: next, extras: facts.extensionPending ? { extensionLapsed: true } : {} };
    case 'verify':
      if (cmd.input.result === 'fail') {
        next.reworkCount = facts.reworkCount + 1;
        return { facts: next, extras: { reworkCount: next.reworkCount } };
      }
      return { facts: next, extras: to === 'visited' ? { visitSkipped: true } : {} };
    case 'extend':
      next.extensionPending = true;
      return { facts: next, extras: {} };
    case 'decide-extension':
      next.extensionPending = false;
      return { facts: next, extras: {} };
    case 'suspend':
      next.suspendedFrom = facts.status;
      return { facts: next, extras: {} };
    case 'resume':
      next.suspendedFrom = null;
      return { facts: next, extras: {} };
    case 'escalate': {
      const level = nextEscalationLevel(facts.escalationLevel, actor.role);
      if (level === null) throw new Error('escalate without a next level (guard missing)');
      next.escalationLevel = level;
      return { facts: next, extras: { fromLevel: facts.escalationLevel, toLevel: level } };
    }
  }
}
