/** The closed-loop case state machine (MISSION R4): vocabulary, inputs, the rule table and the machine. */
export * from './vocabulary.js';
export * from './facts.js';
export * from './inputs.js';
export * from './guards.js';
export * from './rules.js';
export * from './machine.js';
export * from './case-number.js';
