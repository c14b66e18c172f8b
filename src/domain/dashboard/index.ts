/** The live dashboard's counters: what each case contributes, their time buckets, and the figures read from them. */
export * from './buckets.js';
export * from './contributions.js';
export * from './figures.js';
export * from './alerts.js';
