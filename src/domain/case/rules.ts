/**
 * THE table of the closed loop: for every action, the statuses it may start from, who may do it
 * and on which cases (scope), further conditions (guards), its input schema, and where it leads
 * with which effects on the SLA clocks. The machine (machine.ts) only interprets this table;
 * change the process here.
 */
import type { Role, SlaStep } from '../profile/schema.js';
import type { DeadlineEffect } from './facts.js';
import type { GuardName } from './guards.js';
import { actionInputSchemas } from './inputs.js';
import { caseStatuses, isOpen, type CaseAction, type CaseStatus } from './vocabulary.js';

/**
 * On which cases a role may act:
 *  town     — any case in the town (center staff, leaders)
 *  station  — cases whose grid lies in the actor's station (actor.stationCode === facts.stationCode)
 *  leadUnit — cases whose lead unit is the actor's unit (actor.departmentCode === facts.leadUnit);
 *             assisting units never drive the status (谁牵头谁办理)
 */
export const scopes = ['town', 'station', 'leadUnit'] as const;
export type Scope = (typeof scopes)[number];

/** 'same': the status does not change; 'previous': back to the status before suspension. */
export type Target = CaseStatus | 'same' | 'previous';

/** Effects as written in the table; `extend` takes its limit from the action's input. */
export type EffectTemplate = Exclude<DeadlineEffect, { kind: 'extend' }> | { kind: 'extend'; step: SlaStep };

export interface Outcome {
  to: Target;
  effects: readonly EffectTemplate[];
}

/** Actions with more than one way out; every other action has the single outcome 'done'. */
export interface OutcomeKeys {
  /** pass → 回访 when the reporter can be asked; passWithoutVisit → straight to 'visited'; fail → 返工 */
  verify: 'pass' | 'passWithoutVisit' | 'fail';
  'decide-extension': 'approve' | 'refuse';
}
export type OutcomeKey<A extends CaseAction> = A extends keyof OutcomeKeys ? OutcomeKeys[A] : 'done';

export interface ActionRule<A extends CaseAction> {
  from: readonly CaseStatus[];
  actors: Partial<Record<Role, Scope>>;
  guards: readonly GuardName[];
  input: (typeof actionInputSchemas)[A];
  outcomes: Record<OutcomeKey<A>, Outcome>;
}

/** Open and running: 催办 makes sense only where a clock runs (not while 挂账). */
const running: readonly CaseStatus[] = caseStatuses.filter((s) => isOpen(s) && s !== 'suspended');
/** 挂账 needs a registered case: an unregistered report is registered or voided, not parked. */
const suspendable = running.filter((s) => s !== 'reported');
const open: readonly CaseStatus[] = [...running, 'suspended'];

const center = { dispatcher: 'town', coordinator: 'town' } as const;
const leadUnit = { department_handler: 'leadUnit', station_chief: 'leadUnit' } as const;
const stationForces = { inspector: 'station', station_chief: 'station' } as const;
const approvers = { coordinator: 'town', leader: 'town' } as const;

const start = (step: SlaStep): EffectTemplate => ({ kind: 'start', step });
const stop = (step: SlaStep): EffectTemplate => ({ kind: 'stop', step });
const stopAll: EffectTemplate = { kind: 'stopAll' };
const stay: Outcome = { to: 'same', effects: [] };

export const caseRules: { [A in CaseAction]: ActionRule<A> } = {
  register: {
    from: ['reported'],
    actors: center,
    guards: [],
    input: actionInputSchemas.register,
    outcomes: { done: { to: 'registered', effects: [start('dispatch')] } },
  },
  void: {
    from: ['reported'],
    actors: center,
    guards: [],
    input: actionInputSchemas.void,
    outcomes: { done: { to: 'voided', effects: [stopAll] } },
  },
  dispatch: {
    from: ['registered', 'returned'],
    actors: center,
    guards: ['belowDesignateThreshold', 'routedByRule'],
    input: actionInputSchemas.dispatch,
    outcomes: { done: { to: 'dispatched', effects: [stop('dispatch'), start('accept')] } },
  },
  // 指定谁谁办理: also straight from registered, for new or unclear matters (R5)
  designate: {
    from: ['registered', 'returned'],
    actors: { coordinator: 'town' },
    guards: [],
    input: actionInputSchemas.designate,
    outcomes: { done: { to: 'dispatched', effects: [stop('dispatch'), start('accept')] } },
  },
  accept: {
    from: ['dispatched'],
    actors: leadUnit,
    guards: [],
    input: actionInputSchemas.accept,
    outcomes: { done: { to: 'accepted', effects: [stop('accept'), start('handle')] } },
  },
  return: {
    from: ['dispatched'],
    actors: leadUnit,
    guards: ['notDesignated'],
    input: actionInputSchemas.return,
    outcomes: { done: { to: 'returned', effects: [stop('accept'), start('dispatch')] } },
  },
  // the handle clock already runs since accept; starting work does not touch it
  start: {
    from: ['accepted'],
    actors: leadUnit,
    guards: [],
    input: actionInputSchemas.start,
    outcomes: { done: { to: 'handling', effects: [] } },
  },
  feedback: {
    from: ['handling'],
    actors: leadUnit,
    guards: [],
    input: actionInputSchemas.feedback,
    outcomes: { done: { to: 'feedback', effects: [stop('handle'), start('verify')] } },
  },
  // on site by the station's inspector or chief; the center may check by video or phone
  verify: {
    from: ['feedback'],
    actors: { ...stationForces, dispatcher: 'town' },
    guards: [],
    input: actionInputSchemas.verify,
    outcomes: {
      pass: { to: 'verified', effects: [stop('verify'), start('visit')] },
      passWithoutVisit: { to: 'visited', effects: [stop('verify')] },
      fail: { to: 'handling', effects: [stop('verify'), start('handle')] },
    },
  },
  visit: {
    from: ['verified'],
    actors: center,
    guards: [],
    input: actionInputSchemas.visit,
    outcomes: { done: { to: 'visited', effects: [stop('visit')] } },
  },
  close: {
    from: ['visited'],
    actors: center,
    guards: [],
    input: actionInputSchemas.close,
    outcomes: { done: { to: 'closed', effects: [stopAll] } },
  },
  extend: {
    from: ['accepted', 'handling'],
    actors: leadUnit,
    guards: ['noExtensionPending'],
    input: actionInputSchemas.extend,
    outcomes: { done: stay },
  },
  'decide-extension': {
    from: ['accepted', 'handling'],
    actors: approvers,
    guards: ['extensionPending'],
    input: actionInputSchemas['decide-extension'],
    outcomes: { approve: { to: 'same', effects: [{ kind: 'extend', step: 'handle' }] }, refuse: stay },
  },
  suspend: {
    from: suspendable,
    actors: approvers,
    guards: [],
    input: actionInputSchemas.suspend,
    outcomes: { done: { to: 'suspended', effects: [{ kind: 'pause' }] } },
  },
  resume: {
    from: ['suspended'],
    actors: approvers,
    guards: ['hasSuspendedFrom'],
    input: actionInputSchemas.resume,
    outcomes: { done: { to: 'previous', effects: [{ kind: 'resume' }] } },
  },
  urge: {
    from: running,
    actors: { dispatcher: 'town', coordinator: 'town', supervisor: 'town', leader: 'town' },
    guards: [],
    input: actionInputSchemas.urge,
    outcomes: { done: stay },
  },
  // a parked (挂账) case may still need a leader's attention, so escalation stays open there
  escalate: {
    from: open,
    actors: { station_chief: 'station', ...center },
    guards: ['canEscalate'],
    input: actionInputSchemas.escalate,
    outcomes: { done: stay },
  },
  instruct: {
    from: open,
    actors: { leader: 'town' },
    guards: [],
    input: actionInputSchemas.instruct,
    outcomes: { done: stay },
  },
  'handle-locally': {
    from: ['reported', 'registered'],
    actors: stationForces,
    guards: ['localChannel'],
    input: actionInputSchemas['handle-locally'],
    outcomes: { done: { to: 'closed', effects: [stopAll] } },
  },
};
