/**
 * Multinomial naive Bayes over weighted term counts, with a "none of these" background class.
 *
 * Why naive Bayes: it trains from a handful of catalogue words per category and keeps improving
 * from closed cases by adding counts (no retraining), and scoring is a sparse sum linear in the
 * number of terms of the text.
 *
 * Why a background class: plain NB posteriors always sum to 1 over the categories, so even
 * "今天天气不错" would get a confident answer. The background is the average of all category
 * distributions; a text whose terms favour no category is explained by it about as well as by
 * any category, and it then keeps most of the probability mass. The reported confidences are the
 * categories' posteriors in the mixture, so over any top-k they sum to at most 1.
 */
import { ClearingMemo } from '../clearing-memo.js';

export interface ModelParams {
  /** Laplace smoothing added to every term count */
  alpha: number;
  /** prior probability that a text belongs to none of the categories */
  backgroundPrior: number;
  /**
   * log-likelihoods are divided by this. Below 1 it sharpens: catalogue keywords are curated, so one
   * of them is stronger evidence than the few pseudo-counts it contributes would suggest.
   */
  temperature: number;
  /** pseudo-examples per category in the prior, so a few closed cases don't skew it */
  priorStrength: number;
}

/**
 * Tuned on an 18-category test catalogue and the same padded to 100 categories: a text with one
 * catalogue keyword gets ~0.6 (18) / ~0.2–0.5 (100), two or more 0.75–0.99, an unrelated text
 * under 0.1. More categories honestly spread a single keyword's evidence thinner; closed cases
 * added with update() raise the counts and with them the confidence.
 */
export const DEFAULT_PARAMS: ModelParams = { alpha: 1, backgroundPrior: 0.2, temperature: 0.5, priorStrength: 20 };

export interface ModelState {
  codes: string[];
  /** term → [class index, weighted count] pairs */
  counts: Map<string, Map<number, number>>;
  classTotals: number[];
  exampleCounts: number[];
  params: ModelParams;
  /** bumped by every change to the counts, so that score() knows when its per-class constants are stale */
  revision: number;
}

export interface Scored {
  index: number;
  confidence: number;
  matchedTerms: string[];
}

export function emptyModel(codes: string[], params: ModelParams): ModelState {
  return {
    codes,
    counts: new Map(),
    classTotals: codes.map(() => 0),
    exampleCounts: codes.map(() => 0),
    params,
    revision: 0,
  };
}

/** Add weighted term counts (from features()) to one category, scaled by `weight`. */
export function addTerms(model: ModelState, index: number, terms: ReadonlyMap<string, number>, weight: number): void {
  for (const [term, count] of terms) {
    let row = model.counts.get(term);
    if (!row) {
      row = new Map();
      model.counts.set(term, row);
    }
    row.set(index, (row.get(index) ?? 0) + weight * count);
    model.classTotals[index] = (model.classTotals[index] ?? 0) + weight * count;
  }
  model.revision++;
}

/** One more closed case of a category (the prior follows the examples). */
export function countExample(model: ModelState, index: number): void {
  model.exampleCounts[index]! += 1;
  model.revision++;
}

/** What score() needs per class, computed once per revision of the model rather than per text. */
interface ClassConstants {
  revision: number;
  denom: Float64Array;
  /** Σ_c α / denom_c: the part of the background probability every term shares */
  unseenShare: number;
  /** log(α / denom_c) */
  logUnseen: Float64Array;
  /** log of the class's prior */
  logPrior: Float64Array;
  /** per term, what score() derives from its counts: filled as terms are met, dropped with the revision */
  terms: ClearingMemo<string, TermConstants>;
}

interface TermConstants {
  /** the classes that have seen the term */
  classes: Int32Array;
  /** log((k + α) / α) per class above: the term's evidence beyond an unseen term's */
  excess: Float64Array;
  /** Σ_c k_c / denom_c */
  seenShare: number;
}

function termConstants(denom: Float64Array, row: ReadonlyMap<number, number>, alpha: number): TermConstants {
  const classes = new Int32Array(row.size);
  const excess = new Float64Array(row.size);
  let seenShare = 0;
  let i = 0;
  for (const [c, k] of row) {
    classes[i] = c;
    excess[i++] = Math.log(k + alpha) - Math.log(alpha);
    seenShare += k / denom[c]!;
  }
  return { classes, excess, seenShare };
}

const constantsOf = new WeakMap<ModelState, ClassConstants>();

function classConstants(model: ModelState): ClassConstants {
  const cached = constantsOf.get(model);
  if (cached && cached.revision === model.revision) return cached;
  const { alpha, backgroundPrior, priorStrength } = model.params;
  const n = model.codes.length;
  const vocabulary = model.counts.size;
  const totalExamples = model.exampleCounts.reduce((a, b) => a + b, 0);
  const denom = new Float64Array(n);
  const logUnseen = new Float64Array(n);
  const logPrior = new Float64Array(n);
  let unseenShare = 0;
  for (let c = 0; c < n; c++) {
    denom[c] = model.classTotals[c]! + alpha * vocabulary;
    unseenShare += alpha / denom[c]!;
    logUnseen[c] = Math.log(alpha / denom[c]!);
    logPrior[c] = Math.log((1 - backgroundPrior) * ((model.exampleCounts[c]! + priorStrength) / (totalExamples + n * priorStrength)));
  }
  const constants = { revision: model.revision, denom, unseenShare, logUnseen, logPrior, terms: new ClearingMemo<string, TermConstants>(20_000) };
  constantsOf.set(model, constants);
  return constants;
}

const MAX_MATCHED = 5;

/** Posterior of the k most likely categories for the given terms, best first. */
export function score(model: ModelState, terms: ReadonlyMap<string, number>, k: number): Scored[] {
  if (k <= 0) return [];
  const { alpha, backgroundPrior, temperature } = model.params;
  const n = model.codes.length;
  const constants = classConstants(model);
  const { denom, unseenShare, logUnseen, logPrior } = constants;

  const ll = new Float64Array(n);
  let llBackground = 0;
  let weightSum = 0;
  const pBackgroundOf = new Map<string, number>();
  for (const [term, count] of terms) {
    const row = model.counts.get(term);
    // a term no category has seen is equally likely under all of them: it carries no evidence
    if (row === undefined) continue;
    // sublinear, so that a caller repeating one word does not dominate
    const w = count <= 1 ? count : 1 + Math.log(count);
    weightSum += w;
    const { classes, excess, seenShare } = constants.terms.get(term, () => termConstants(denom, row, alpha));
    const pBackground = (unseenShare + seenShare) / n;
    pBackgroundOf.set(term, pBackground);
    llBackground += w * Math.log(pBackground);
    // the unseen part (log α/denom) is added for every class below; here only the excess
    for (let i = 0; i < classes.length; i++) ll[classes[i]!]! += w * excess[i]!;
  }

  // log P(c, text) per class and for the background, then a softmax shifted by the maximum
  const logBackground = Math.log(backgroundPrior) + llBackground / temperature;
  let max = logBackground;
  for (let c = 0; c < n; c++) {
    ll[c] = logPrior[c]! + (ll[c]! + weightSum * logUnseen[c]!) / temperature;
    if (ll[c]! > max) max = ll[c]!;
  }
  let sum = Math.exp(logBackground - max);
  for (let c = 0; c < n; c++) {
    ll[c] = Math.exp(ll[c]! - max);
    sum += ll[c]!;
  }

  // the k best, higher first and the lower index on ties, without sorting every class
  const best: Array<{ index: number; confidence: number }> = [];
  for (let c = 0; c < n; c++) {
    const confidence = ll[c]! / sum;
    if (best.length === k && !(confidence > best[k - 1]!.confidence)) continue;
    let at = best.length;
    while (at > 0 && confidence > best[at - 1]!.confidence) at--;
    best.splice(at, 0, { index: c, confidence });
    if (best.length > k) best.pop();
  }
  return best.map((s): Scored => ({ index: s.index, confidence: s.confidence, matchedTerms: matched(model, s.index, pBackgroundOf, denom[s.index]!) }));
}

/** The text's terms that speak for this category more than for the average one, strongest first. */
function matched(model: ModelState, index: number, pBackgroundOf: Map<string, number>, denom: number): string[] {
  const found: Array<[string, number]> = [];
  for (const [term, pBackground] of pBackgroundOf) {
    const k = model.counts.get(term)?.get(index);
    if (k === undefined) continue;
    const ratio = (k + model.params.alpha) / denom / pBackground;
    if (ratio > 1) found.push([term, ratio]);
  }
  return found
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_MATCHED)
    .map(([t]) => t);
}
