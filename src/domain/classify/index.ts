export { LOW_CONFIDENCE, deserializeClassifier, trainClassifier } from './classifier.js';
export type { CatalogueCategory, Classifier, SerializedClassifier, Suggestion, TrainingExample } from './classifier.js';
export { DEFAULT_PARAMS } from './model.js';
export type { ModelParams } from './model.js';
export { PART_WEIGHT, addUserWords, features, terms } from './segment.js';
