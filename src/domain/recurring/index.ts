/** 常态长效 (MISSION R13): recurring problems in one place, their records and 抄报. Pure. */
export * from './vocabulary.js';
export { cellOf, cellShape, isCell, type CellShape } from './cell.js';
export { densestWindow, detect, recordTakes, thresholdsToCopy, type Detection, type DetectionInput, type DetectionRules, type KnownRecord, type Sighting } from './detect.js';
export { afterRecurrence, decideRecord, type RecordDecision } from './machine.js';
