export { freshestPosition, isStalePosition, judgePositionTime, POSITION_BATCH_MAX, POSITION_FUTURE_SKEW_MS, POSITION_MAX_AGE_MS, POSITION_STALE_MS } from './positions.js';
export type { KnownPosition, PositionSource, PositionTimeVerdict } from './positions.js';
