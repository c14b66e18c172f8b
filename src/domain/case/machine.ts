/**
 * The case state machine (MISSION R4, DESIGN D4): pure functions over the table in rules.ts.
 * The server asks `decide` before every status change and writes the returned facts and event in
 * one transaction; the web asks `allowedActions` which buttons to show.
 * Checks run in this order: role → scope → state (status and guards) → input, so a person who may
 * never act on a case learns nothing about its state, and input is only judged when it matters.
 */
import type { z } from 'zod';
import type { Actor, CaseFacts, DeadlineEffect, MachineOptions } from './facts.js';
import { guardHolds, guardMessage, type GuardName } from './guards.js';
import type { CaseCommand } from './inputs.js';
import { actionInputSchemas } from './inputs.js';
import type { Scope } from './rules.js';
import { caseRules } from './rules.js';
import { applyCommand, outcomeOf, resolveEffects, resolveTarget } from './transition.js';
import type { CaseAction, CaseStatus, Label } from './vocabulary.js';
import { actionLabels, caseActions, statusLabels } from './vocabulary.js';
import { withProps } from '../with-props.js';

export const refusalCodes = ['ACTION_NOT_ALLOWED_IN_STATE', 'ROLE_NOT_ALLOWED', 'OUT_OF_SCOPE', 'INPUT_INVALID'] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/** The record of one step (who and when are added by the server). */
export interface CaseTransitionEvent {
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  reason?: string;
  /** the validated input plus derived values (e.g. returnCount, toLevel, visitSkipped) */
  data: Record<string, unknown>;
}

export interface Accepted {
  ok: true;
  to: CaseStatus;
  facts: CaseFacts;
  effects: DeadlineEffect[];
  event: CaseTransitionEvent;
}

export interface Refused {
  ok: false;
  code: RefusalCode;
  message: Label;
  /** what this actor may do instead, on this case as it is */
  allowedActions: CaseAction[];
  /** for INPUT_INVALID: the offending field path, dot-separated */
  field?: string;
}

export type Decision = Accepted | Refused;

type Problem = Omit<Refused, 'ok' | 'allowedActions'>;

function inScope(scope: Scope, facts: CaseFacts, actor: Actor): boolean {
  switch (scope) {
    case 'town':
      return true;
    case 'station':
      return facts.stationCode !== null && actor.stationCode === facts.stationCode;
    case 'leadUnit':
      return facts.leadUnit !== null && actor.departmentCode === facts.leadUnit;
  }
}

function scopeMessage(scope: Scope, action: CaseAction): Label {
  const label = actionLabels[action];
  switch (scope) {
    case 'town':
      return { zh: '超出权限范围', en: 'Out of scope' };
    case 'station':
      return { zh: `该案件不在您所在工作站的范围内，不能${label.zh}`, en: `The case is not in your station; cannot ${label.en.toLowerCase()}` };
    case 'leadUnit':
      return {
        zh: `只有主办单位可以${label.zh}（协办单位不能推进案件状态）`,
        en: `Only the lead unit may ${label.en.toLowerCase()} (assisting units do not drive the case)`,
      };
  }
}

/** Why an action is refused, before its message is written: the first of the rule's checks that fails. */
type Refusal = { check: 'role' | 'state' } | { check: 'scope'; scope: Scope } | { check: 'guard'; guard: GuardName };
const byRole: Refusal = { check: 'role' };
const byState: Refusal = { check: 'state' };

function refusalOf(facts: CaseFacts, actor: Actor, action: CaseAction, options?: MachineOptions): Refusal | null {
  const rule = caseRules[action];
  const scope = rule.actors[actor.role];
  if (scope === undefined) return byRole;
  if (!inScope(scope, facts, actor)) return { check: 'scope', scope };
  if (!rule.from.includes(facts.status)) return byState;
  const guard = rule.guards.find((g) => !guardHolds(g, facts, actor, options));
  return guard === undefined ? null : { check: 'guard', guard };
}

/** Everything except the input: may this actor do this action on this case now? */
export function checkAction(facts: CaseFacts, actor: Actor, action: CaseAction, options?: MachineOptions): Problem | null {
  const refusal = refusalOf(facts, actor, action, options);
  if (refusal === null) return null;
  const label = actionLabels[action];
  switch (refusal.check) {
    case 'role':
      return { code: 'ROLE_NOT_ALLOWED', message: { zh: `您的角色不能${label.zh}`, en: `Your role cannot ${label.en.toLowerCase()}` } };
    case 'scope':
      return { code: 'OUT_OF_SCOPE', message: scopeMessage(refusal.scope, action) };
    case 'state': {
      const status = statusLabels[facts.status];
      return {
        code: 'ACTION_NOT_ALLOWED_IN_STATE',
        message: { zh: `案件状态为「${status.zh}」，不能${label.zh}`, en: `Cannot ${label.en.toLowerCase()} a case that is ${status.en.toLowerCase()}` },
      };
    }
    case 'guard':
      return { code: 'ACTION_NOT_ALLOWED_IN_STATE', message: guardMessage(refusal.guard, facts, options) };
  }
}

/** The actions this actor may take on this case now, in the order of `caseActions`. */
export function allowedActions(facts: CaseFacts, actor: Actor, options?: MachineOptions): CaseAction[] {
  // the rules' checks alone: no refusal message is written for the actions left out
  return caseActions.filter((a) => refusalOf(facts, actor, a, options) === null);
}

function inputProblem(error: z.ZodError): Problem {
  const issue = error.issues[0];
  if (issue === undefined) return { code: 'INPUT_INVALID', message: { zh: '输入有误', en: 'Invalid input' } };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys.join(','));
  const field = path.join('.');
  return {
    code: 'INPUT_INVALID',
    field,
    message: { zh: `输入有误（${field || '整体'}）：${issue.message}`, en: `Invalid input (${field || 'body'}): ${issue.message}` },
  };
}

/** Validate an action's input with its schema; the cast pairs the action with its own schema's output. */
export function parseCommand(action: CaseAction, input: unknown): { ok: true; command: CaseCommand } | { ok: false; error: z.ZodError } {
  const schema: z.ZodType = actionInputSchemas[action];
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error };
  return { ok: true, command: { action, input: parsed.data } as CaseCommand };
}

/**
 * Decide one step: either the new facts, the deadline effects and the event to record, or a
 * refusal with a stable code, a bilingual message and the actions that are allowed instead.
 * Never throws for bad input or a wrong actor; `input` is whatever the client sent (an absent
 * body, `undefined` or `null`, counts as `{}` so input-less actions need no body).
 */
export function decide(facts: CaseFacts, actor: Actor, action: CaseAction, input: unknown, options?: MachineOptions): Decision {
  const refuse = (p: Problem): Refused => Object.assign({ ok: false as const }, p, { allowedActions: allowedActions(facts, actor, options) });
  const problem = checkAction(facts, actor, action, options);
  if (problem !== null) return refuse(problem);
  const parsed = parseCommand(action, input ?? {});
  if (!parsed.ok) return refuse(inputProblem(parsed.error));
  const cmd = parsed.command;
  const outcome = outcomeOf(cmd, facts);
  const to = resolveTarget(outcome, facts);
  const applied = applyCommand(facts, cmd, actor, to);
  const reason = 'reason' in cmd.input && typeof cmd.input.reason === 'string' ? cmd.input.reason : undefined;
  const event: CaseTransitionEvent = { action, from: facts.status, to, data: withProps(cmd.input, applied.extras) };
  if (reason !== undefined) event.reason = reason;
  return { ok: true, to, facts: applied.facts, effects: resolveEffects(outcome.effects, cmd), event };
}
