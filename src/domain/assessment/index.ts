/** 监督考评: what each case event counts for, and the indicators computed from the counts. */
export * from './event-facts.js';
export * from './indicators.js';
export * from './period.js';
export * from './annual.js';
