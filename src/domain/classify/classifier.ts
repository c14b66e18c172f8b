import { DEFAULT_PARAMS, addTerms, countExample, emptyModel, score } from './model.js';
import type { ModelParams, ModelState } from './model.js';
import { addUserWords, features } from './segment.js';

export interface CatalogueCategory {
  code: string;
  name: string;
  majorName: string;
  keywords: string[];
}

export interface TrainingExample {
  text: string;
  categoryCode: string;
}

export interface Suggestion {
  code: string;
  /** posterior probability in [0, 1]; the confidences of all suggestions sum to at most 1 */
  confidence: number;
  /** below LOW_CONFIDENCE: the UI should ask the dispatcher to choose */
  lowConfidence: boolean;
  /** the text's terms that argued for this category, strongest first (at most 5) */
  matchedTerms: string[];
}

export interface Classifier {
  suggest(text: string, k?: number): Suggestion[];
  /** learn from a closed case; false when its category is not in the catalogue */
  update(example: TrainingExample): boolean;
  serialize(): SerializedClassifier;
}

export interface SerializedClassifier {
  version: 1;
  codes: string[];
  params: ModelParams;
  /** catalogue phrases to teach the segmenter again */
  userWords: string[];
  classTotals: number[];
  exampleCounts: number[];
  /** [term, [classIndex, count] pairs] */
  counts: Array<[string, Array<[number, number]>]>;
}

export const LOW_CONFIDENCE = 0.35;

/**
 * Pseudo-counts of catalogue text, in "occurrences in closed cases" (a closed case adds 1 per
 * term): the category name is worth 8, each keyword (what citizens actually say) 5, the major class
 * name 1, which only nudges towards siblings.
 */
const WEIGHT = { name: 8, keyword: 5, major: 1, example: 1 } as const;

// names such as "违规停车/机动车乱停放" hold several phrases
const PHRASE_SEPARATORS = /[/／、,，;；()（）\s]+/u;

function phrases(category: CatalogueCategory): string[] {
  return [category.name, ...category.keywords].flatMap((p) => p.split(PHRASE_SEPARATORS)).filter((p) => p.length > 0);
}

export function trainClassifier(
  categories: readonly CatalogueCategory[],
  examples: readonly TrainingExample[] = [],
  params: Partial<ModelParams> = {},
): Classifier {
  const codes = categories.map((c) => c.code);
  if (new Set(codes).size !== codes.length) throw new Error('trainClassifier: category codes must be unique');
  const userWords = [...new Set(categories.flatMap(phrases))];
  addUserWords(userWords);

  const model = emptyModel(codes, { ...DEFAULT_PARAMS, ...params });
  categories.forEach((category, index) => {
    addTerms(model, index, features(category.name), WEIGHT.name);
    for (const keyword of category.keywords) addTerms(model, index, features(keyword), WEIGHT.keyword);
    addTerms(model, index, features(category.majorName), WEIGHT.major);
  });
  const classifier = wrap(model, userWords);
  for (const example of examples) classifier.update(example);
  return classifier;
}

export function deserializeClassifier(data: SerializedClassifier): Classifier {
  if (data.version !== 1) throw new Error(`unsupported classifier version ${String(data.version)}`);
  addUserWords(data.userWords);
  const model: ModelState = {
    codes: [...data.codes],
    counts: new Map(data.counts.map(([term, row]) => [term, new Map(row)])),
    classTotals: [...data.classTotals],
    exampleCounts: [...data.exampleCounts],
    params: { ...data.params },
    revision: 0,
  };
  return wrap(model, data.userWords);
}

function wrap(model: ModelState, userWords: readonly string[]): Classifier {
  const indexOf = new Map(model.codes.map((code, i) => [code, i]));
  return {
    suggest(text, k = 3) {
      return score(model, features(text), k).map((s) => ({
        code: model.codes[s.index]!,
        confidence: s.confidence,
        lowConfidence: s.confidence < LOW_CONFIDENCE,
        matchedTerms: s.matchedTerms,
      }));
    },
    update(example) {
      const index = indexOf.get(example.categoryCode);
      if (index === undefined) return false;
      addTerms(model, index, features(example.text), WEIGHT.example);
      countExample(model, index);
      return true;
    },
    serialize() {
      return {
        version: 1,
        codes: [...model.codes],
        params: { ...model.params },
        userWords: [...userWords],
        classTotals: [...model.classTotals],
        exampleCounts: [...model.exampleCounts],
        counts: [...model.counts].map(([term, row]) => [term, [...row]]),
      };
    },
  };
}
